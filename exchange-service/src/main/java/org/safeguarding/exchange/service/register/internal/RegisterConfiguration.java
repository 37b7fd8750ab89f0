package org.safeguarding.exchange.service.register.internal;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;

@Configuration(proxyBeanMethods = false)
class RegisterConfiguration {

    /**
     * The database transaction manager, declared because Kafka's transaction manager would otherwise make Boot back
     * off from creating it; primary, so that @Transactional means the register's database.
     */
    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }
}
