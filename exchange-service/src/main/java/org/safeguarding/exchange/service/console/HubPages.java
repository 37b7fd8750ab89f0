package org.safeguarding.exchange.service.console;

import org.safeguarding.exchange.service.console.internal.HubFigures;
import org.safeguarding.exchange.service.console.internal.HubSnapshot;
import org.safeguarding.exchange.service.console.internal.HubStream;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The hub's live view: the figures as they stand, then every few seconds over server-sent events. */
@Controller
class HubPages {

    private final HubFigures figures;
    private final HubStream stream;

    HubPages(HubFigures figures, HubStream stream) {
        this.figures = figures;
        this.stream = stream;
    }

    @GetMapping("/console/hub")
    String hub(Model model) {
        HubSnapshot snapshot = figures.now();
        model.addAttribute("hub", snapshot);
        model.addAttribute("windowMinutes", HubFigures.WINDOW_MINUTES);
        return "console/hub";
    }

    @GetMapping(path = "/console/hub/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return stream.watch();
    }
}
