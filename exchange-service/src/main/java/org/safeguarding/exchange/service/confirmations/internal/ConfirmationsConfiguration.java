package org.safeguarding.exchange.service.confirmations.internal;

import org.safeguarding.exchange.service.contract.ExchangeTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
public class ConfirmationsConfiguration {

    /** The topic the inbox webhook connector writes its confirmations to, created when missing. */
    @Bean
    public KafkaAdmin.NewTopics confirmationTopics() {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(ExchangeTopics.DELIVERY_CONFIRMATIONS).partitions(1).build());
    }
}
