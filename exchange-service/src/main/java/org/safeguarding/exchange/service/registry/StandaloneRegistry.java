package org.safeguarding.exchange.service.registry;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The schema registry on its own: only this package, the web server, JDBC and Flyway, on a random port
 * unless {@code server.port} says otherwise. Without {@code spring.datasource.url} it runs on the
 * embedded PostgreSQL, as the whole service does. For tests and for tools that need a registry and
 * nothing else, e.g. clients of other languages checked against it. It has no access control: anyone may
 * change it, as the anonymous caller in its write log. The service's registry is the guarded one.
 */
public final class StandaloneRegistry implements AutoCloseable {

    /** Spring Boot configuration of the registry alone; also usable as {@code @SpringBootTest(classes = ...)}. */
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            // No users here: the service's access control is not part of the registry on its own.
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
    @ComponentScan(basePackageClasses = StandaloneRegistry.class)
    @EnableConfigurationProperties(RegistryProperties.class)
    public static class Configuration {

        @Bean
        RegistryCallers unguarded() {
            return RegistryCallers.UNGUARDED;
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private final ConfigurableApplicationContext context;

    private StandaloneRegistry(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts against the given database. */
    public static StandaloneRegistry start(String jdbcUrl, String username, String password) {
        return start(Map.of("spring.datasource.url", jdbcUrl,
                "spring.datasource.username", username,
                "spring.datasource.password", password));
    }

    /** Starts with these properties over the defaults (random port; embedded PostgreSQL unless a datasource is given). */
    public static StandaloneRegistry start(Map<String, ?> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("server.port", "0");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        // As command-line arguments, so that they override application.yml (default properties would not).
        String[] arguments = all.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Configuration.class)
                .web(WebApplicationType.SERVLET)
                .run(arguments);
        return new StandaloneRegistry(context);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** What serializers take as {@code schema.registry.url}. */
    public String url() {
        return "http://localhost:" + port() + context.getBean(RegistryProperties.class).basePath();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
