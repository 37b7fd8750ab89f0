package org.safeguarding.exchange.service.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Runs the scripted exchange against this very service once it is ready ({@code --exchange.demo.enabled=true}). */
@Component
@ConditionalOnBooleanProperty("exchange.demo.enabled")
class DemoRunner implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        var environment = context.getEnvironment();
        String http = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        String registry = environment.getProperty("schema.registry.url",
                http + environment.getProperty("exchange.registry.base-path", "/registry"));
        try {
            new ScriptedExchange(environment.getProperty("spring.kafka.bootstrap-servers"), registry, http, System.out).run();
        } catch (Exception e) {
            throw new IllegalStateException("The scripted exchange failed: " + e.getMessage(), e);
        }
        if (environment.getProperty("exchange.demo.exit", Boolean.class, false)) {
            System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 0));
        }
    }
}
