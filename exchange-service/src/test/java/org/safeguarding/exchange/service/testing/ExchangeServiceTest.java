package org.safeguarding.exchange.service.testing;

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
 * would both consume the shared intake topics and deliver twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ExchangeServiceTest {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.freshDatabase().registerIn(registry);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        // Files the service keeps (the generated checkpoint key) stay under target/.
        registry.add("exchange.embedded.data-dir", () -> "target/test-data");
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

    protected RestClient http() {
        return RestClient.create(httpUrl());
    }
}
