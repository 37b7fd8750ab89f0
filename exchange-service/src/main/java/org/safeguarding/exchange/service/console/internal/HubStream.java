package org.safeguarding.exchange.service.console.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The hub's live figures as server-sent events: while anyone watches, the figures are gathered once per tick and the
 * same rendered fragment goes to every watcher (htmx swaps it into the page), so more watchers cost no more queries.
 */
@Component
public class HubStream {

    private static final Logger log = LoggerFactory.getLogger(HubStream.class);
    /** Long enough for a duty manager's shift view; htmx reconnects when it ends. */
    private static final Duration CONNECTION = Duration.ofMinutes(30);

    private final HubFigures figures;
    private final ITemplateEngine templates;
    private final List<SseEmitter> watchers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "console-hub-stream");
        thread.setDaemon(true);
        return thread;
    });

    HubStream(HubFigures figures, ITemplateEngine templates, ConsoleProperties properties) {
        this.figures = figures;
        this.templates = templates;
        Duration refresh = properties.refresh();
        ticker.scheduleWithFixedDelay(this::tick, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    public SseEmitter watch() {
        SseEmitter emitter = new SseEmitter(CONNECTION.toMillis());
        emitter.onCompletion(() -> watchers.remove(emitter));
        emitter.onTimeout(() -> watchers.remove(emitter));
        emitter.onError(e -> watchers.remove(emitter));
        watchers.add(emitter);
        return emitter;
    }

    /** The figures fragment as the page first shows it and every tick replaces it. */
    public String render(HubSnapshot snapshot) {
        return templates.process("console/hub-figures", java.util.Set.of("figures"), new Context(null, Map.of("hub", snapshot)));
    }

    private void tick() {
        if (watchers.isEmpty()) {
            return;
        }
        String html;
        try {
            // Server-sent event data ends at a line break: the fragment travels as one line.
            html = render(figures.now()).replace('\r', ' ').replace('\n', ' ');
        } catch (RuntimeException e) {
            log.warn("Cannot gather the hub's figures: {}", e.toString());
            return;
        }
        for (SseEmitter watcher : watchers) {
            try {
                watcher.send(SseEmitter.event().name("figures").data(html));
            } catch (IOException | IllegalStateException gone) {
                watchers.remove(watcher);
            }
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        watchers.forEach(SseEmitter::complete);
    }
}
