package org.safeguarding.exchange.service.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.registry.StandaloneRegistry;
import org.safeguarding.exchange.service.testing.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A datasource URL that a test supplies through {@code @DynamicPropertySource} is added after the
 * environment post-processors have run; the embedded PostgreSQL must still stay down.
 */
@SpringBootTest(classes = StandaloneRegistry.Configuration.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "exchange.embedded.data-dir=target/embedded-dynamic-unused")
class DynamicDatasourceTest {

    private static final TestInfrastructure.Database DATABASE = TestInfrastructure.freshDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.registerIn(registry);
    }

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDynamicUrlWinsAndNoEmbeddedServerStarts() {
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(DATABASE.jdbcUrl());
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).isEqualTo(DATABASE.name());
        assertThat(Files.exists(Path.of("target", "embedded-dynamic-unused"))).isFalse();
    }
}
