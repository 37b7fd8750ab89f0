package org.safeguarding.exchange.service.intake.internal;

import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.intake.IntakeProperties;
import org.safeguarding.exchange.service.policy.KnownAgencies;
import org.safeguarding.exchange.service.policy.RecordingPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
public class IntakeConfiguration {

    /** The recording rules every message is checked against (plain Java, see the policy package). */
    @Bean
    public RecordingPolicy recordingPolicy(KnownAgencies agencies, Clock clock) {
        return new RecordingPolicy(agencies, clock);
    }

    /** The intake topics and the dead-letter topic, created when missing; existing topics are left as they are. */
    @Bean
    public KafkaAdmin.NewTopics intakeTopics(IntakeProperties properties) {
        NewTopic[] topics = IntakeTopic.names().stream()
                .map(name -> TopicBuilder.name(name).partitions(properties.partitions()).build())
                .toArray(NewTopic[]::new);
        NewTopic[] all = java.util.Arrays.copyOf(topics, topics.length + 1);
        all[topics.length] = TopicBuilder.name(IntakeTopic.DEAD_LETTER).partitions(1).build();
        return new KafkaAdmin.NewTopics(all);
    }

    /**
     * A failed batch is only ever the exchange's own failure (a database or broker outage): agencies' faults end in
     * rejections, not exceptions. So it is retried, with back-off, for as long as it takes; no record is ever skipped.
     * The back-off stays short, so that intake resumes within seconds of the database or broker coming back.
     */
    @Bean
    public AfterRollbackProcessor<Object, Object> intakeRetryForever() {
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
        backOff.setMaxInterval(2_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultAfterRollbackProcessor<>(backOff);
    }
}
