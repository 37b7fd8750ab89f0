package org.safeguarding.exchange.service.startup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safeguarding.exchange.service.ExchangeProperties;
import org.safeguarding.exchange.service.access.AgencyClientSettings;
import org.safeguarding.exchange.service.registry.RegistryProperties;
import org.safeguarding.exchange.service.security.UserAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints, once the service is ready, where everything is: what a newcomer needs to point a Kafka client, a
 * schema-registry client or a browser at the running exchange, and where the generated passwords are. With the
 * embedded default it also names the data folder the embedded servers keep their files in, and the folder of each
 * agency's client settings (its Kafka credentials among them).
 */
@Component
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

    private final ObjectProvider<UserAccounts> accounts;
    private final ObjectProvider<AgencyClientSettings> agencySettings;
    private final RegistryProperties registry;
    private final ExchangeProperties exchange;

    ReadyBanner(ObjectProvider<UserAccounts> accounts, ObjectProvider<AgencyClientSettings> agencySettings,
            RegistryProperties registry, ExchangeProperties exchange) {
        this.accounts = accounts;
        this.agencySettings = agencySettings;
        this.registry = registry;
        this.exchange = exchange;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("Kafka bootstrap servers", environment.getProperty("spring.kafka.bootstrap-servers"));
        String http = "(no web server)";
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            http = "http://localhost:" + web.getWebServer().getPort();
            lines.put("Schema registry (schema.registry.url)",
                    http + registry.basePath());
        }
        lines.put("HTTP", http);
        if (!http.startsWith("(")) {
            lines.put("Console (hubs and auditors)", http + "/console");
        }
        lines.put("PostgreSQL", environment.getProperty("spring.datasource.url"));
        // Answered by the embedded module's launchers once one of them has started a server.
        if (environment.getProperty("exchange.embedded.started", Boolean.class, false)) {
            lines.put("Data folder", exchange.dataDir().toAbsolutePath().normalize());
        }
        accounts.ifAvailable(users -> users.generatedCredentialsFile().ifPresent(file -> lines.put("Generated users and passwords", file)));
        agencySettings.ifAvailable(settings -> settings.folder().ifPresent(
                folder -> lines.put("Agencies' client settings", folder.resolve("<CODE>.properties"))));
        StringBuilder out = new StringBuilder("\n=== Safeguarding information exchange is ready ===\n");
        lines.forEach((what, where) -> out.append(String.format("  %-38s %s%n", what + ":", where)));
        System.out.println(out);
    }
}
