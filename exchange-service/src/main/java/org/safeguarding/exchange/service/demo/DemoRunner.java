package org.safeguarding.exchange.service.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
            // The demo reads the register as an auditor of its own, and plays each agency as an agency user of its own,
            // all created for this run with random passwords.
            UserAccounts accounts = context.getBean(UserAccounts.class);
            long run = System.nanoTime();
            String user = "demo-auditor-" + run;
            String password = accounts.addGeneratedUser(user, Set.of(Role.AUDITOR), null);
            Map<String, String> agencies = new LinkedHashMap<>();
            for (String code : ScriptedExchange.AGENCIES) {
                String agencyUser = "demo-" + code.toLowerCase(Locale.ROOT) + "-" + run;
                agencies.put(code, agencyUser + ":" + accounts.addGeneratedUser(agencyUser, Set.of(Role.AGENCY), code));
            }
            new ScriptedExchange(environment.getProperty("spring.kafka.bootstrap-servers"), registry, http, System.out, user, password,
                    agencies).run();
        } catch (Exception e) {
            throw new IllegalStateException("The scripted exchange failed: " + e.getMessage(), e);
        }
        if (demo.exit()) {
            System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 0));
        }
    }
}
