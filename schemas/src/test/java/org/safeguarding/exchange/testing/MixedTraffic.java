package org.safeguarding.exchange.testing;

import exchange.v1.ConsentOutcome;
import exchange.v1.HazardNotification;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.signing.MessageSignature;
import org.safeguarding.exchange.signing.SigningKey;

/**
 * Valid, mixed traffic for the load drivers and the service's scale-out and fault tests: all four intake record types in equal shares, between the agencies of
 * the embedded default's directory, over many case references, with free-text fields of varying length so that
 * messages have realistic, varying sizes. Records are encoded once, up front (through the service's own registry),
 * so that the timed part measures the exchange, not the driver; each message still gets its own message id.
 */
public final class MixedTraffic {

    /** The agencies of the embedded default's directory. */
    public static final List<String> AGENCIES = List.of("LA-HULL", "LA-EAST-RIDING", "POL-HUMBERSIDE", "NHS-HUMBER",
            "NHS-HULL-GP", "SCH-OAKFIELD", "SCH-NEWLAND", "PROB-YH", "CHY-ASPIRED", "CHY-FAMILY-SUPPORT");

    public static final List<String> INTAKE_TOPICS = List.of("exchange.share-requests", "exchange.consent-outcomes",
            "exchange.share-decisions", "exchange.hazard-notifications");

    /**
     * One message as an agency sends it: topic, key (the case reference), framed Avro bytes and its headers; signed as
     * its sender's {@code AgencyClient} would sign it when {@code signature} is not null.
     */
    public record Message(String topic, String key, byte[] value, String messageId, String sender, List<String> recipients,
            MessageSignatureHeaders signature) {

        /** The message as its sender's producer sends it to {@code topic}: id, sender and signature headers. */
        public ProducerRecord<String, byte[]> record(String topic) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            record.headers().add(AgencyClient.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
            record.headers().add(AgencyClient.SENDER, sender.getBytes(StandardCharsets.UTF_8));
            if (signature != null) {
                MessageSignature.addHeaders(record.headers(), signature.keyId(), signature.sentAt(), signature.signature());
            }
            return record;
        }
    }

    /** The signature headers of a message, made up front with the rest of it. */
    public record MessageSignatureHeaders(long sentAt, String keyId, byte[] signature) {
    }

    private static final String[] NOTES = {
            "Child disclosed worries about home to a teaching assistant during a reading session. ",
            "Attendance has dropped to 78% this term, with absences clustered on Mondays. ",
            "Mother reports that her partner has moved back into the household after a period away. ",
            "The child presented with a bruise to the upper arm and gave an inconsistent explanation. ",
            "Health visitor notes two missed appointments and concerns about the home conditions. ",
            "Police attended a domestic incident at the address; children were present and asleep upstairs. ",
    };

    private MixedTraffic() {
    }

    /**
     * {@code count} different records, each encoded once up front so that encoding cost stays outside the timed run,
     * spread over {@code cases} case references. Every record is its own: a hazard raised twice under one hazard id
     * would rightly be rejected, and the figures are for valid traffic. Each case has its own child, named by the
     * case's consent outcomes and linked to its hazards, as in life: a child linked to every case would make every
     * hazard go to every agency that ever touched any case.
     */
    public static List<Message> prepare(AgencyClient encoder, int count, int cases, long seed, Map<String, SigningKey> signingKeys) {
        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Message> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int caseNumber = random.nextInt(cases);
            String caseReference = "CASE-LOAD-" + seed + "-" + caseNumber;
            String child = "PERSON-CHILD-" + seed + "-" + caseNumber;
            messages.add(signed(message(encoder, i % 4, caseReference, child, random, now), signingKeys, now));
        }
        return messages;
    }

    private static Message message(AgencyClient encoder, int type, String caseReference, String child, Random random, Instant now) {
        String sender = AGENCIES.get(random.nextInt(AGENCIES.size()));
        String other = otherThan(random, sender);
        Instant occurredAt = now.minusSeconds(600 + random.nextInt(3_000));
        Instant recordedAt = occurredAt.plusSeconds(60 + random.nextInt(500));
        String notes = notes(random);
        SpecificRecord record;
        List<String> recipients;
        switch (type) {
            case 0 -> {
                ShareRequest r = SampleRecords.shareRequest();
                r.setRequestId("REQ-" + UUID.randomUUID());
                r.setCaseReference(caseReference);
                r.setRequesterAgency(sender);
                r.setRecipientAgency(other);
                r.setReason(notes);
                r.setOccurredAt(occurredAt);
                r.getRecordedBy().setRecordedAt(recordedAt);
                record = r;
                recipients = List.of(other);
            }
            case 1 -> {
                ConsentOutcome c = SampleRecords.consentOutcome();
                c.setConsentId("CON-" + UUID.randomUUID());
                c.setCaseReference(caseReference);
                c.setAgency(sender);
                c.setChildViews(notes);
                c.setPersonReference(child);
                c.setOccurredAt(occurredAt);
                c.getRecordedBy().setRecordedAt(recordedAt);
                record = c;
                recipients = List.of();
            }
            case 2 -> {
                ShareDecision d = SampleRecords.shareDecision();
                d.setDecisionId("DEC-" + UUID.randomUUID());
                d.setCaseReference(caseReference);
                d.setDecidingAgency(sender);
                d.setRecipientAgency(other);
                d.setOutcome(notes);
                d.setOccurredAt(occurredAt);
                d.getRecordedBy().setRecordedAt(recordedAt);
                record = d;
                recipients = List.of(other);
            }
            default -> {
                HazardNotification h = SampleRecords.hazardRaised();
                h.setHazardId("HAZ-" + UUID.randomUUID());
                h.setCaseReference(caseReference);
                h.setRaisingAgency(sender);
                String third = otherThan(random, sender, other);
                h.setNotifyAgencies(List.of(other, third));
                h.setLinkedChildren(List.of(child));
                h.setDetails(notes);
                h.setReviewDue(LocalDate.now().plusDays(90 + random.nextInt(90)));
                h.setOccurredAt(occurredAt);
                h.getRecordedBy().setRecordedAt(recordedAt);
                record = h;
                recipients = List.of(other, third);
            }
        }
        String topic = INTAKE_TOPICS.get(type);
        return new Message(topic, caseReference, encoder.encode(topic, record), UUID.randomUUID().toString(), sender, recipients, null);
    }

    /**
     * The message signed with its sender's key, when there is one: the same signature AgencyClient makes, with
     * BouncyCastle's signer, several times faster than the JDK's, so that preparing a quarter of a million messages
     * takes seconds rather than minutes.
     */
    private static Message signed(Message m, Map<String, SigningKey> signingKeys, Instant sentAt) {
        SigningKey key = signingKeys.get(m.sender());
        if (key == null) {
            return m;
        }
        byte[] signed = MessageSignature.signedBytesOfValue(m.messageId(), m.sender(), sentAt.toEpochMilli(), m.value());
        byte[] pkcs8 = key.privateKey().getEncoded();
        byte[] signature = new byte[MessageSignature.SIGNATURE_LENGTH];
        // An Ed25519 PKCS#8 key ends with its 32-byte seed, which is what the RFC 8032 signer takes.
        Ed25519.sign(pkcs8, pkcs8.length - Ed25519.SECRET_KEY_SIZE, signed, 0, signed.length, signature, 0);
        return new Message(m.topic(), m.key(), m.value(), m.messageId(), m.sender(), m.recipients(),
                new MessageSignatureHeaders(sentAt.toEpochMilli(), key.keyId(), signature));
    }

    /** Each agency's signing key, from the client settings files the service made in {@code folder}; none when absent. */
    public static Map<String, SigningKey> signingKeys(Path folder) {
        Map<String, SigningKey> keys = new HashMap<>();
        for (String agency : AGENCIES) {
            Path file = folder.resolve(agency + ".properties");
            if (Files.exists(file)) {
                keys.put(agency, SigningKey.fromConfig(AgencyClient.settings(file)));
            }
        }
        return keys;
    }

    /** One to six sentences of case notes: messages from a few hundred bytes to well over a kilobyte. */
    private static String notes(Random random) {
        StringBuilder out = new StringBuilder();
        int sentences = 1 + random.nextInt(6);
        for (int i = 0; i < sentences; i++) {
            out.append(NOTES[random.nextInt(NOTES.length)]);
        }
        return out.toString().trim();
    }

    private static String otherThan(Random random, String... excluded) {
        while (true) {
            String candidate = AGENCIES.get(random.nextInt(AGENCIES.size()));
            if (!List.of(excluded).contains(candidate)) {
                return candidate;
            }
        }
    }
}
