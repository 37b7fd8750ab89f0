package org.safeguarding.exchange.service.delivery;

import exchange.v1.Receipt;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.safeguarding.exchange.service.contract.ExchangeHeaders;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.delivery.internal.ReceiptFactory;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.safeguarding.exchange.service.register.Disposition;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.EntrySignature;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.Recorded;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.signing.MessageSignature;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends what a register entry calls for: accepted messages to each recipient's inbox, a receipt to the sender,
 * undecodable bytes to the dead-letter topic. Everything sent is derived from the register entry, so a delivery
 * can be re-driven from the register alone; consumers de-duplicate by the exchange-message-id header.
 */
@Component
public class Deliveries {

    private final KafkaTemplate<String, byte[]> kafka;
    private final AgencyDirectory directory;
    private final Serializer<Object> receiptSerializer;

    Deliveries(KafkaTemplate<String, byte[]> kafka, AgencyDirectory directory,
            @Qualifier("receiptSerializer") Serializer<Object> receiptSerializer) {
        this.kafka = kafka;
        this.directory = directory;
        this.receiptSerializer = receiptSerializer;
    }

    /**
     * Sends the outputs of one recorded message. Runs inside the intake's Kafka transaction; {@code original} is the
     * record as read, or null when re-driving from the register.
     */
    public void deliver(Recorded recorded, ConsumerRecord<String, byte[]> original) {
        RegisterEntry entry = recorded.entry();
        if (recorded.disposition() == Disposition.DUPLICATE) {
            // Contract rule 5: one entry and one delivery; the sender still learns what became of its message.
            sendReceipt(recorded.message().answerTo(), recorded.message().messageId(), entry, true);
            return;
        }
        NewEntry message = entry.message();
        if (message.outcome() == EntryOutcome.ACCEPTED) {
            for (String recipient : message.facts().recipientAgencies()) {
                directory.find(recipient).ifPresent(agency -> sendToInbox(agency, entry));
            }
        } else if (message.outcome() == EntryOutcome.UNDECODABLE) {
            sendToDeadLetter(entry, original);
        }
        sendReceipt(message.answerTo(), message.messageId(), entry, false);
    }

    private void sendToInbox(Agency agency, RegisterEntry entry) {
        NewEntry message = entry.message();
        Headers headers = new RecordHeaders();
        headers.add(ExchangeHeaders.MESSAGE_ID, ExchangeHeaders.utf8(message.messageId()));
        headers.add(ExchangeHeaders.SENDER, ExchangeHeaders.utf8(message.sender()));
        headers.add(ExchangeHeaders.RECORD_TYPE, ExchangeHeaders.utf8(message.facts().recordType()));
        headers.add(ExchangeHeaders.REGISTER_SEQUENCE, ExchangeHeaders.utf8(entry.sequence()));
        headers.add(ExchangeHeaders.ENTRY_HASH, ExchangeHeaders.utf8(HexFormat.of().formatHex(entry.entryHash())));
        if (message.signature() != null) {
            // The sender's own signature, so that the recipient can check for itself who sent these bytes.
            EntrySignature signature = message.signature();
            MessageSignature.addHeaders(headers, signature.keyId(), signature.signedAt().toEpochMilli(), signature.value());
        }
        // The exact bytes the sender wrote: the recipient reads what the register's hash covers.
        kafka.send(new ProducerRecord<>(agency.inboxTopic(), null, message.facts().caseReference(), message.payload(), headers));
    }

    private void sendToDeadLetter(RegisterEntry entry, ConsumerRecord<String, byte[]> original) {
        NewEntry message = entry.message();
        Headers headers = new RecordHeaders();
        if (original != null) {
            original.headers().forEach(h -> headers.add(h.key(), h.value()));
        }
        String error = message.violations().isEmpty() ? "undecodable" : message.violations().get(0).message();
        headers.add(ExchangeHeaders.ERROR, ExchangeHeaders.utf8(error));
        headers.add(ExchangeHeaders.ORIGINAL_TOPIC, ExchangeHeaders.utf8(message.source().topic()));
        headers.add(ExchangeHeaders.ORIGINAL_PARTITION, ExchangeHeaders.utf8(message.source().partition()));
        headers.add(ExchangeHeaders.ORIGINAL_OFFSET, ExchangeHeaders.utf8(message.source().offset()));
        headers.add(ExchangeHeaders.REGISTER_SEQUENCE, ExchangeHeaders.utf8(entry.sequence()));
        String key = original == null ? null : original.key();
        kafka.send(new ProducerRecord<>(IntakeTopic.DEAD_LETTER, null, key, message.payload(), headers));
    }

    private void sendReceipt(String sender, String messageId, RegisterEntry entry, boolean duplicate) {
        // A receipt goes only to a known agency: an unknown or missing sender has no receipts topic to write to.
        directory.find(sender).ifPresent(agency -> {
            Receipt receipt = ReceiptFactory.receiptFor(messageId, entry, duplicate);
            byte[] bytes = receiptSerializer.serialize(agency.receiptsTopic(), receipt);
            Headers headers = new RecordHeaders();
            headers.add(ExchangeHeaders.MESSAGE_ID, ExchangeHeaders.utf8(messageId));
            kafka.send(new ProducerRecord<>(agency.receiptsTopic(), null, entry.message().facts().caseReference(), bytes, headers));
        });
    }
}
