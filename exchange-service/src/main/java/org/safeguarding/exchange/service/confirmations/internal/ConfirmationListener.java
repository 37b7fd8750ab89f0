package org.safeguarding.exchange.service.confirmations.internal;

import exchange.v1.DeliveryConfirmation;
import exchange.v1.DeliveryOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.serde.ExchangeAvroDeserializer;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.service.contract.ExchangeHeaders;
import org.safeguarding.exchange.service.contract.ExchangeTopics;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.safeguarding.exchange.service.register.ConfirmedDelivery;
import org.safeguarding.exchange.service.register.DeliveryConfirmations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Records each poll's confirmations in the register, then passes each on to the sender's receipts topic, inside the
 * listener's Kafka transaction as the intake does: if the transaction aborts the poll is read again, the register
 * recognises what it holds, and the confirmations are passed on again (under the same exchange-message-id, the
 * confirmation id, by which a reader of receipts de-duplicates).
 */
@Component
class ConfirmationListener {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationListener.class);

    private final DeliveryConfirmations register;
    private final AgencyDirectory directory;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final Deserializer<Object> deserializer;
    private final Serializer<Object> serializer;

    ConfirmationListener(DeliveryConfirmations register, AgencyDirectory directory, KafkaTemplate<String, byte[]> kafka, Clock clock,
            SchemaRegistryClient registry) {
        this.register = register;
        this.directory = directory;
        this.kafka = kafka;
        this.clock = clock;
        this.deserializer = new ExchangeAvroDeserializer(registry, Map.of(ExchangeAvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        // Written as receipts are: Confluent framing, TopicRecordNameStrategy subject, registered on first use.
        this.serializer = new ExchangeAvroSerializer(registry, Map.of(
                ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true,
                ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"),
                false);
    }

    @KafkaListener(id = "exchange-confirmations", topics = ExchangeTopics.DELIVERY_CONFIRMATIONS, batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<ConfirmedDelivery> confirmed = new ArrayList<>();
        List<DeliveryConfirmation> readable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            DeliveryConfirmation confirmation = decode(record);
            if (confirmation != null) {
                readable.add(confirmation);
                confirmed.add(new ConfirmedDelivery(confirmation.getConfirmationId(), confirmation.getMessageId(),
                        confirmation.getSender(), confirmation.getRecipientAgency(), null,
                        confirmation.getOutcome() == DeliveryOutcome.DELIVERED, confirmation.getHttpStatus(), confirmation.getReason(),
                        confirmation.getEndpoint(), confirmation.getAttempts(), confirmation.getConfirmedAt(), clock.instant(),
                        record.value()));
            }
        }
        register.record(confirmed);
        for (DeliveryConfirmation confirmation : readable) {
            directory.find(confirmation.getSender()).ifPresent(sender -> passOn(sender, confirmation));
        }
    }

    private DeliveryConfirmation decode(ConsumerRecord<String, byte[]> record) {
        try {
            if (deserializer.deserialize(record.topic(), record.value()) instanceof DeliveryConfirmation confirmation) {
                return confirmation;
            }
            log.warn("Not a DeliveryConfirmation at {}-{} offset {}: skipped", record.topic(), record.partition(), record.offset());
        } catch (RuntimeException e) {
            log.warn("Unreadable confirmation at {}-{} offset {}: skipped ({})", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
        return null;
    }

    private void passOn(Agency sender, DeliveryConfirmation confirmation) {
        String topic = sender.receiptsTopic();
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, confirmation.getCaseReference(),
                serializer.serialize(topic, confirmation));
        out.headers().add(ExchangeHeaders.MESSAGE_ID, confirmation.getConfirmationId().getBytes(StandardCharsets.UTF_8));
        out.headers().add(ExchangeHeaders.SENDER, EXCHANGE_SENDER);
        kafka.send(out);
    }

    private static final byte[] EXCHANGE_SENDER = "EXCHANGE".getBytes(StandardCharsets.UTF_8);
}
