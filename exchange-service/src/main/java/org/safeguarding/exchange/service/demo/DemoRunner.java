package org.safeguarding.exchange.service.demo;

import java.util.Map;
import java.util.Set;
import org.safeguarding.exchange.service.access.AgencyClientSettings;
import org.safeguarding.exchange.service.registry.RegistryProperties;
import org.safeguarding.exchange.service.security.Role;
import org.safeguarding.exchange.service.security.UserAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Runs the scripted exchange against this very service once it is ready ({@code --exchange.demo.enabled=true}). */
@Component
@ConditionalOnBooleanProperty("exchange.demo.enabled")
class DemoRunner implements ApplicationListener<ApplicationReadyEvent> {

    private final DemoProperties demo;
    private final RegistryProperties registryProperties;

    DemoRunner(DemoProperties demo, RegistryProperties registryProperties) {
        this.demo = demo;
        this.registryProperties = registryProperties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        var environment = context.getEnvironment();
        String http = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        String registry = environment.getProperty("schema.registry.url",
                http + registryProperties.basePath());
        try {
            // The demo reads the register as an auditor of its own, created for this run with a random password.
            String user = "demo-auditor-" + System.nanoTime();
            String password = context.getBean(UserAccounts.class).addGeneratedUser(user, Set.of(Role.AUDITOR), null);
            // Each agency signs in with the settings the service wrote for it (the embedded default); with configured users
            // there are none, and only a broker that asks no one who they are would take the demo's messages.
            AgencyClientSettings settings = context.getBean(AgencyClientSettings.class);
            Map<String, String> unauthenticated = Map.of("bootstrap.servers",
                    environment.getProperty("spring.kafka.bootstrap-servers"), "schema.registry.url", registry);
            new ScriptedExchange(code -> settings.of(code).orElse(unauthenticated), http, System.out, user, password).run();
        } catch (Exception e) {
            throw new IllegalStateException("The scripted exchange failed: " + e.getMessage(), e);
        }
        if (demo.exit()) {
            System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 0));
        }
    }
}
