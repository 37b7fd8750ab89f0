package org.safeguarding.exchange.service.registry.internal;

import org.safeguarding.exchange.service.registry.RegistryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints the URL that serializers take as {@code schema.registry.url}, once the port is known. */
@Component
public class RegistryUrlAnnouncer implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(RegistryUrlAnnouncer.class);

    private final String basePath;

    public RegistryUrlAnnouncer(RegistryProperties properties) {
        this.basePath = properties.basePath();
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a separate management port, not the API's
        }
        log.info("Schema registry: schema.registry.url=http://localhost:{}{}", event.getWebServer().getPort(), basePath);
    }
}
