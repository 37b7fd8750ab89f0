package org.safeguarding.exchange.service.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The whole service on a random port, against the JVM's shared test broker and a fresh database of its own (see
 * {@link TestInfrastructure} and {@link TestKafka}). The context is closed after each class: two live services
 * would both consume the shared intake topics and deliver twice. The service's users are {@link TestUsers};
 * {@link #http()} logs in as an auditor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ExchangeServiceTest {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private final List<TestAgency> agencies = new ArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.freshDatabase().registerIn(registry);
        // The broker, the service's own Kafka user, and the administrator's settings with which it applies the ACLs.
        TestKafka.serviceProperties().forEach((key, value) -> registry.add(key, () -> value));
        TestUsers.springProperties().forEach((key, value) -> registry.add(key, () -> value));
        // Files the service keeps (the generated checkpoint key) stay under target/.
        registry.add("exchange.embedded.data-dir", TestKeys.DATA_DIR::toString);
    }

    protected String bootstrapServers() {
        return TestKafka.bootstrapServers();
    }

    protected String httpUrl() {
        return "http://localhost:" + port;
    }

    protected String registryUrl() {
        return httpUrl() + "/registry";
    }

    protected JdbcTemplate jdbc() {
        return jdbc;
    }

    /** HTTP as {@link TestUsers#AUDITOR}, who may read the whole register (and the metrics). */
    protected RestClient http() {
        return http(TestUsers.AUDITOR);
    }

    /** HTTP as one of the {@link TestUsers}. */
    protected RestClient http(String user) {
        return RestClient.builder().baseUrl(httpUrl())
                .defaultHeader("Authorization", TestUsers.basicAuthorization(user)).build();
    }

    /** An agency talking to this service, closed after the class. */
    /** The named list of the JSON object at {@code uri}, read as an auditor, each item as a map. */
    @SuppressWarnings("unchecked")
    protected java.util.List<java.util.Map<String, Object>> jsonList(String uri, String name) {
        return (java.util.List<java.util.Map<String, Object>>) http().get().uri(uri).retrieve().body(java.util.Map.class).get(name);
    }

    protected TestAgency agency(String code) {
        TestAgency agency = new TestAgency(code, bootstrapServers(), registryUrl());
        agencies.add(agency);
        return agency;
    }

    @AfterAll
    void closeAgencies() {
        agencies.forEach(TestAgency::close);
    }

    /** HTTP without credentials. */
    protected RestClient anonymousHttp() {
        return RestClient.create(httpUrl());
    }
}
