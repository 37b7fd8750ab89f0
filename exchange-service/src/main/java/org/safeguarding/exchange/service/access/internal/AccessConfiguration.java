package org.safeguarding.exchange.service.access.internal;

import org.safeguarding.exchange.service.ExchangeProperties;
import org.safeguarding.exchange.service.access.AgencyClientSettings;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.safeguarding.exchange.service.registry.RegistryProperties;
import org.safeguarding.exchange.service.security.UserAccounts;
import org.safeguarding.exchange.service.signatures.AgencyKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
public class AccessConfiguration {

    @Bean
    public KafkaAccessSetup kafkaAccessSetup(AccessProperties properties, AgencyDirectory directory, UserAccounts accounts,
            KafkaAdmin kafkaAdmin) {
        return new KafkaAccessSetup(properties, directory, accounts, kafkaAdmin);
    }

    @Bean
    public AgencyClientSettings agencyClientSettings(KafkaAccessSetup setup, AgencyDirectory directory, UserAccounts accounts,
            AgencyKeys keys, ExchangeProperties exchange, RegistryProperties registry, Environment environment) {
        return new AgencyClientSettings(setup, directory, accounts, keys, exchange.dataDir().resolve("agencies"), registry, environment);
    }
}
