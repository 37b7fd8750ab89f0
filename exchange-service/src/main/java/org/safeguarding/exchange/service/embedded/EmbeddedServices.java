package org.safeguarding.exchange.service.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Prints, once the service is ready, where everything is: what a newcomer needs to point a Kafka client, a
 * schema-registry client or a browser at the running exchange.
 */
@Component
class EmbeddedServices implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        var environment = event.getApplicationContext().getEnvironment();
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("Kafka bootstrap servers", environment.getProperty("spring.kafka.bootstrap-servers"));
        String http = "(no web server)";
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            http = "http://localhost:" + web.getWebServer().getPort();
            lines.put("Schema registry (schema.registry.url)",
                    http + environment.getProperty("exchange.registry.base-path", "/registry"));
        }
        lines.put("HTTP", http);
        lines.put("PostgreSQL", environment.getProperty("spring.datasource.url"));
        StringBuilder out = new StringBuilder("\n=== Safeguarding information exchange is ready ===\n");
        lines.forEach((what, where) -> out.append(String.format("  %-38s %s%n", what + ":", where)));
        System.out.println(out);
    }
}
