package org.safeguarding.exchange.service.checkpoints.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.service.ExchangeProperties;
import org.safeguarding.exchange.service.integrity.CheckpointSigner;
import org.safeguarding.exchange.service.integrity.CheckpointVerifier;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckpointProperties.class)
public class CheckpointConfiguration {

    @Bean
    public CheckpointKeyPair checkpointSigningKey(CheckpointProperties properties, ExchangeProperties exchange) {
        return new CheckpointKeyPair(CheckpointKeyLoader.load(properties, exchange.dataDir()));
    }

    @Bean
    public CheckpointSigner checkpointSigner(CheckpointKeyPair key) {
        return new CheckpointSigner(key.pair());
    }

    /** Trusts only this register's key: what verification checks every stored checkpoint against. */
    @Bean
    public CheckpointVerifier checkpointVerifier(CheckpointKeyPair key) {
        return new CheckpointVerifier(key.pair().getPublic());
    }

    /**
     * How far the signed checkpoints trail the register, in sequences: an entry not yet under a signed checkpoint is
     * not yet provably in the register. Read from the database at each scrape, so every instance reports the same.
     */
    @Bean
    public Gauge checkpointLag(MeterRegistry meters, CheckpointStore store, SharingRegister register) {
        return Gauge.builder("exchange.checkpoints.lag", () -> Math.max(0, register.highestRecordedSequence() - store.lastSignedSequence()))
                .description("Register sequences written but not yet covered by a signed checkpoint").register(meters);
    }

    /** Checkpoints are written as receipts are: Confluent framing, TopicRecordNameStrategy subjects. */
    @Bean
    public Serializer<Object> checkpointSerializer(SchemaRegistryClient registry) {
        return new ExchangeAvroSerializer(registry, Map.of(
                ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true,
                ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"),
                false);
    }
}
