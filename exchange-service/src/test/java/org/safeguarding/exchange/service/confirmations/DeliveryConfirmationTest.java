package org.safeguarding.exchange.service.confirmations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.DeliveryConfirmation;
import exchange.v1.DeliveryOutcome;
import exchange.v1.ReceiptStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.service.contract.ExchangeTopics;
import org.safeguarding.exchange.service.register.ConfirmedDelivery;
import org.safeguarding.exchange.service.register.DeliveryConfirmations;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.service.testing.TestKafka;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A delivery confirmation as the inbox webhook connector writes it: kept in the register beside the entry of the
 * message it confirms, once however often it is written, read beside it over HTTP, and passed on to the sender with its
 * receipts.
 */
class DeliveryConfirmationTest extends ExchangeServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private DeliveryConfirmations confirmations;
    @Autowired
    private SchemaRegistryClient registry;
    private TestAgency school;

    @BeforeAll
    void agencies() {
        school = agency(SampleRecords.SCHOOL);
    }

    @Test
    void aConfirmationIsKeptBesideTheMessageItConfirmsAndPassedOnToTheSender() {
        var request = SampleRecords.shareRequest();
        request.setRequestId("REQ-" + UUID.randomUUID());
        request.setOccurredAt(Instant.now().minusSeconds(600));
        request.getRecordedBy().setRecordedAt(Instant.now());
        String messageId = school.send("exchange.share-requests", request.getCaseReference(), request);
        var receipt = school.receipt(messageId, WAIT);
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);

        DeliveryConfirmation confirmation = DeliveryConfirmation.newBuilder().setConfirmationId(UUID.randomUUID().toString())
                .setMessageId(messageId).setSender(SampleRecords.SCHOOL).setRecipientAgency(SampleRecords.COUNCIL)
                .setCaseReference(request.getCaseReference()).setRecordType("exchange.v1.ShareRequest")
                .setOutcome(DeliveryOutcome.DELIVERED).setHttpStatus(202).setReason(null).setEndpoint("https://council.example")
                .setAttempts(2).setInboxPartition(0).setInboxOffset(3).setConfirmedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
        byte[] bytes = writeAsTheConnector(confirmation);
        writeAsTheConnector(confirmation);

        List<ConsumerRecord<String, byte[]>> passedOn = school.readUntil(school.receipts(), seen -> seen.stream()
                .anyMatch(r -> confirmation.getConfirmationId().equals(TestAgency.header(r, TestAgency.MESSAGE_ID))), WAIT);
        ConsumerRecord<String, byte[]> followUp = passedOn.stream()
                .filter(r -> confirmation.getConfirmationId().equals(TestAgency.header(r, TestAgency.MESSAGE_ID))).findFirst().orElseThrow();
        assertThat(school.decode(followUp.topic(), followUp.value())).isEqualTo(confirmation);
        assertThat(TestAgency.header(followUp, "exchange-sender")).isEqualTo("EXCHANGE");

        List<ConfirmedDelivery> kept = confirmations.ofMessage(SampleRecords.SCHOOL, messageId);
        assertThat(kept).as("written twice, kept once").hasSize(1);
        ConfirmedDelivery delivery = kept.get(0);
        assertThat(delivery.entrySequence()).as("beside the message's entry").isEqualTo(receipt.getRegisterSequence());
        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.httpStatus()).isEqualTo(202);
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.recipientAgency()).isEqualTo(SampleRecords.COUNCIL);
        assertThat(delivery.confirmedAt()).isEqualTo(confirmation.getConfirmedAt());
        assertThat(delivery.payload()).isEqualTo(bytes);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> read = http().get().uri("/api/audit/entries/{sequence}/deliveries", receipt.getRegisterSequence())
                .retrieve().body(List.class);
        assertThat(read).singleElement().satisfies(d -> {
            assertThat(d.get("confirmationId")).isEqualTo(confirmation.getConfirmationId());
            assertThat(d.get("delivered")).isEqualTo(true);
            assertThat(d.get("httpStatus")).isEqualTo(202);
            assertThat(d.get("endpoint")).isEqualTo("https://council.example");
        });
        assertThatThrownBy(() -> jdbc().update("delete from register_delivery")).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc().update("update register_delivery set outcome = 'FAILED'")).rootCause()
                .hasMessageContaining("append-only");
    }

    /** As the connector writes it: as the service's principal (here the broker's administrator), with the contract's headers. */
    private byte[] writeAsTheConnector(DeliveryConfirmation confirmation) {
        ExchangeAvroSerializer serializer = new ExchangeAvroSerializer(registry, Map.of(
                ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy"), false);
        byte[] bytes = serializer.serialize(ExchangeTopics.DELIVERY_CONFIRMATIONS, confirmation);
        Map<String, Object> config = new HashMap<>(TestKafka.adminConfig());
        config.put("bootstrap.servers", bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(ExchangeTopics.DELIVERY_CONFIRMATIONS,
                    confirmation.getCaseReference(), bytes);
            record.headers().add("exchange-message-id", confirmation.getConfirmationId().getBytes(StandardCharsets.UTF_8));
            record.headers().add("exchange-sender", "EXCHANGE".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return bytes;
    }
}
