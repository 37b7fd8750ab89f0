package org.safeguarding.exchange.service.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.service.access.internal.AgencySettingsFile;
import org.safeguarding.exchange.service.access.internal.KafkaAccessSetup;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.safeguarding.exchange.service.registry.RegistryProperties;
import org.safeguarding.exchange.service.security.UserAccounts;
import org.safeguarding.exchange.service.signatures.AgencyKeys;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Each agency's client settings, {@code <data-dir>/agencies/<CODE>.properties}, written when the service created the
 * agencies' Kafka users itself (the embedded default): the broker, the agency's SCRAM credentials, the schema
 * registry with the same user for HTTP Basic, and the signing key the exchange made for the agency, if it made one. Written once the web server's port is known, since the registry's URL
 * names it, and so before the ready banner, which names the folder.
 */
public class AgencyClientSettings implements ApplicationListener<WebServerInitializedEvent> {

    private final KafkaAccessSetup setup;
    private final AgencyDirectory directory;
    private final UserAccounts accounts;
    private final AgencyKeys keys;
    private final Path folder;
    private final RegistryProperties registry;
    private final Environment environment;
    private volatile boolean written;

    public AgencyClientSettings(KafkaAccessSetup setup, AgencyDirectory directory, UserAccounts accounts, AgencyKeys keys, Path folder,
            RegistryProperties registry, Environment environment) {
        this.setup = setup;
        this.directory = directory;
        this.accounts = accounts;
        this.keys = keys;
        this.folder = folder.toAbsolutePath().normalize();
        this.registry = registry;
        this.environment = environment;
    }

    /** The folder of the agencies' settings files, once they are written. */
    public Optional<Path> folder() {
        return written ? Optional.of(folder) : Optional.empty();
    }

    /** The settings written for an agency, if they were. */
    public Optional<Map<String, String>> of(String agencyCode) {
        Path file = folder.resolve(agencyCode + ".properties");
        if (!written || !Files.exists(file)) {
            return Optional.empty();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        AgencyClient.settings(file).forEach((name, value) -> settings.put(name, value.toString()));
        return Optional.of(settings);
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null || !setup.agencyUsersCreated()) {
            return; // a separate management port; or the agencies' passwords are not the service's to hand out
        }
        String registryUrl = environment.getProperty("schema.registry.url",
                "http://localhost:" + event.getWebServer().getPort() + registry.basePath());
        AgencySettingsFile.Connection connection = new AgencySettingsFile.Connection(
                environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                saslProtocol(environment.getProperty("spring.kafka.security.protocol", "PLAINTEXT")), registryUrl);
        Map<String, String> passwords = accounts.generatedAgencyPasswords();
        for (Agency agency : directory.all()) {
            String password = passwords.get(agency.code());
            if (password != null) {
                Map<String, String> entries = AgencySettingsFile.entries(connection, UserAccounts.agencyUserName(agency.code()), password);
                entries.putAll(keys.generatedSigningSettings(agency.code()));
                AgencySettingsFile.write(folder.resolve(agency.code() + ".properties"), agency.code(), entries);
            }
        }
        written = true;
    }

    /** Agencies sign in with SASL over the same transport as the service, TLS or not. */
    private static String saslProtocol(String serviceProtocol) {
        return serviceProtocol.toUpperCase(java.util.Locale.ROOT).contains("SSL") ? "SASL_SSL" : "SASL_PLAINTEXT";
    }
}
