package org.safeguarding.exchange.service.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.registry.StandaloneRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The initializer gives the context a database of its own on the shared server, migrated by Flyway. */
@SpringBootTest(classes = StandaloneRegistry.Configuration.class)
@ContextConfiguration(initializers = TestInfrastructure.FreshDatabase.class)
class FreshDatabaseInitializerTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theContextRunsOnAFreshMigratedTestDatabase() {
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).startsWith("test_");
        assertThat(jdbc.sql("SELECT count(*) FROM registry_subject_version").query(Long.class).single()).isZero();
    }
}
