package org.safeguarding.exchange.service.delivery.internal;

import org.apache.kafka.clients.admin.NewTopic;
import org.safeguarding.exchange.service.contract.ExchangeTopics;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    /** Each agency's inbox and receipts topics, and the checkpoint topic, created when missing. */
    @Bean
    public KafkaAdmin.NewTopics agencyTopics(AgencyDirectory directory) {
        return new KafkaAdmin.NewTopics(java.util.stream.Stream.concat(
                directory.all().stream().flatMap(a -> java.util.stream.Stream.of(a.inboxTopic(), a.receiptsTopic())),
                java.util.stream.Stream.of(ExchangeTopics.REGISTER_CHECKPOINTS))
                .map(name -> TopicBuilder.name(name).partitions(1).build())
                .toArray(NewTopic[]::new));
    }
}
