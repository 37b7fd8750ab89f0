package org.safeguarding.exchange.service.health.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.safeguarding.exchange.service.health.HealthProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The three parts the exchange needs, as health components named {@code database}, {@code kafka} and
 * {@code registry}. Each is checked by a thread of its own, so that a part that hangs delays neither the others nor
 * whoever asks. They replace Spring Boot's own database check, which waits for a pooled connection as long as the pool
 * allows.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
class PartsHealthConfiguration {

    @Bean(destroyMethod = "close")
    PartChecks partChecks(HealthProperties properties, DataSource dataSource, KafkaAdmin kafkaAdmin,
            @Value("${schema.registry.url:}") String registryUrl,
            @Value("${basic.auth.credentials.source:URL}") String credentialsSource,
            @Value("${basic.auth.user.info:}") String userInfo) {
        PartChecks checks = new PartChecks(properties);
        checks.add("database", () -> database(dataSource, properties.timeout()));
        checks.add("kafka", new KafkaCheck(kafkaAdmin, properties.timeout()));
        checks.add("registry", registryUrl.isBlank() ? () -> Map.of("registry", "built in: served from the database")
                : new RegistryCheck(registryUrl, "USER_INFO".equals(credentialsSource) ? userInfo : "", properties.timeout()));
        return checks;
    }

    @Bean
    HealthIndicator databaseHealthIndicator(PartChecks checks) {
        return () -> checks.health("database");
    }

    @Bean
    HealthIndicator kafkaHealthIndicator(PartChecks checks) {
        return () -> checks.health("kafka");
    }

    @Bean
    HealthIndicator registryHealthIndicator(PartChecks checks) {
        return () -> checks.health("registry");
    }

    private static Map<String, Object> database(DataSource dataSource, Duration timeout) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid((int) Math.max(1, timeout.toSeconds()))) {
                throw new SQLException("the connection did not answer a check");
            }
            return Map.of("database", connection.getMetaData().getDatabaseProductName());
        }
    }

    /** The probes, each on its own daemon thread. */
    static final class PartChecks implements AutoCloseable {

        private final HealthProperties properties;
        private final Map<String, Probe> probes = new ConcurrentHashMap<>();
        private final List<ScheduledExecutorService> threads = new CopyOnWriteArrayList<>();
        private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

        PartChecks(HealthProperties properties) {
            this.properties = properties;
        }

        void add(String part, Callable<Map<String, Object>> check) {
            Probe probe = new Probe(check, properties.timeout(), System::nanoTime);
            probes.put(part, probe);
            if (check instanceof AutoCloseable resource) {
                resources.add(resource);
            }
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread t = new Thread(runnable, "health-" + part);
                t.setDaemon(true);
                return t;
            });
            threads.add(thread);
            thread.scheduleWithFixedDelay(probe::run, 0, properties.interval().toMillis(), TimeUnit.MILLISECONDS);
        }

        Health health(String part) {
            Probe.Result result = probes.get(part).now();
            Health.Builder builder = switch (result.status()) {
                case UP -> Health.up();
                case DOWN -> Health.down();
                case UNKNOWN -> Health.unknown();
            };
            return builder.withDetails(result.details()).build();
        }

        @Override
        public void close() throws Exception {
            threads.forEach(ScheduledExecutorService::shutdownNow);
            for (AutoCloseable resource : resources) {
                resource.close();
            }
        }
    }

    /** Asks the cluster for its brokers, with the service's own Kafka settings. */
    static final class KafkaCheck implements Callable<Map<String, Object>>, AutoCloseable {

        private final KafkaAdmin kafkaAdmin;
        private final Duration timeout;
        private volatile Admin admin;

        KafkaCheck(KafkaAdmin kafkaAdmin, Duration timeout) {
            this.kafkaAdmin = kafkaAdmin;
            this.timeout = timeout;
        }

        @Override
        public Map<String, Object> call() throws Exception {
            if (admin == null) {
                admin = Admin.create(kafkaAdmin.getConfigurationProperties());
            }
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Map.of("brokers", nodes);
        }

        @Override
        public void close() {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
        }
    }

    /** Reads the external registry's subject list, as the service's serde would sign in to it. */
    static final class RegistryCheck implements Callable<Map<String, Object>> {

        private final URI subjects;
        private final String authorization;
        private final Duration timeout;
        private final HttpClient http;

        RegistryCheck(String url, String userInfo, Duration timeout) {
            this.subjects = URI.create(url.replaceAll("/+$", "") + "/subjects");
            this.authorization = userInfo.isBlank() ? null
                    : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
            this.timeout = timeout;
            this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        }

        @Override
        public Map<String, Object> call() throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(subjects).timeout(timeout).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("the registry answered HTTP " + status);
            }
            return Map.of("registry", "external");
        }
    }
}
