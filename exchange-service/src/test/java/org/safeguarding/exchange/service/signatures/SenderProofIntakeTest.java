package org.safeguarding.exchange.service.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.testing.TestAgency.header;

import exchange.v1.Receipt;
import exchange.v1.ReceiptStatus;
import exchange.v1.ShareRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.service.policy.EntryFlag;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.service.testing.TestKeys;
import org.safeguarding.exchange.signing.MessageSignature;
import org.safeguarding.exchange.signing.SigningKey;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.test.context.TestPropertySource;

/**
 * Who sent a message is proven by its signature, on the real SASL broker: an agency cannot send as another, a changed
 * or unsigned message is refused with a receipt saying why, and a message id cannot be pre-empted by another agency.
 * The council is allowed to send unsigned ({@code optional}), as an agency still moving to signing would be.
 */
@TestPropertySource(properties = "exchange.signatures.agencies.LA-HULL=optional")
class SenderProofIntakeTest extends ExchangeServiceTest {

    private static final String TOPIC = "exchange.share-requests";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestAgency school;
    private TestAgency council;
    private TestAgency police;

    @BeforeAll
    void agencies() {
        school = agency(SampleRecords.SCHOOL);
        council = agency(SampleRecords.COUNCIL);
        police = agency(SampleRecords.POLICE);
    }

    @Test
    void aSignedMessageIsRegisteredAsFromItsSenderAndReachesTheInboxWithItsSignature() {
        ShareRequest request = request();
        String messageId = school.send(TOPIC, request.getCaseReference(), request);

        assertThat(receipt(school, messageId).getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
        Map<String, Object> entry = entry(messageId, SampleRecords.SCHOOL);
        assertThat(entry).containsEntry("signature_key_id", TestKeys.signingKey(SampleRecords.SCHOOL).keyId());
        ConsumerRecord<String, byte[]> copy = inboxCopy(council, messageId);
        assertThat(header(copy, MessageSignature.SIGNATURE_HEADER)).isNotBlank();
        assertThat(header(copy, MessageSignature.KEY_ID_HEADER)).isEqualTo(TestKeys.signingKey(SampleRecords.SCHOOL).keyId());
    }

    @Test
    void anAgencySigningWithItsOwnKeyAsAnotherIsRefusedAnsweredAndNeverDelivered() {
        ShareRequest request = request();
        String messageId = UUID.randomUUID().toString();
        // The police sign, validly, a message that claims to come from the school.
        police.sendRecord(signed(request, messageId, SampleRecords.SCHOOL, TestKeys.signingKey(SampleRecords.POLICE)));

        Receipt receipt = receipt(police, messageId);
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(receipt.getViolations()).anySatisfy(v -> assertThat(v.getRule()).isEqualTo(SenderProof.RULE_SENDER_MISMATCH));
        assertThat(entry(messageId, SampleRecords.POLICE)).containsEntry("outcome", "REJECTED").containsEntry("sender", SampleRecords.SCHOOL);
        assertThat(inboxCopies(council, messageId, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void anotherAgencysKeyIdAFlippedByteOrNoSignatureIsRefusedWithAReceiptThatSaysWhy() {
        SigningKey schoolKey = TestKeys.signingKey(SampleRecords.SCHOOL);
        SigningKey policeKey = TestKeys.signingKey(SampleRecords.POLICE);

        String borrowedKeyId = UUID.randomUUID().toString();
        school.sendRecord(signed(request(), borrowedKeyId, SampleRecords.SCHOOL, new SigningKey(schoolKey.keyId(), policeKey.privateKey())));

        String flippedId = UUID.randomUUID().toString();
        ShareRequest toChange = request();
        toChange.setReason("Worries shared by the class teacher");
        ProducerRecord<String, byte[]> flipped = signed(toChange, flippedId, SampleRecords.SCHOOL, schoolKey);
        // One bit of one letter of the reason: still a valid message, no longer the one signed ("class" -> "Class").
        flipped.value()[indexOf(flipped.value(), "class".getBytes(StandardCharsets.UTF_8))] ^= 0x20;
        school.sendRecord(flipped);

        String unsignedId = UUID.randomUUID().toString();
        ShareRequest unsigned = request();
        ProducerRecord<String, byte[]> bare = new ProducerRecord<>(TOPIC, unsigned.getCaseReference(), school.encode(TOPIC, unsigned));
        bare.headers().add(AgencyClient.MESSAGE_ID, unsignedId.getBytes(StandardCharsets.UTF_8));
        bare.headers().add(AgencyClient.SENDER, SampleRecords.SCHOOL.getBytes(StandardCharsets.UTF_8));
        school.sendRecord(bare);

        assertThat(rules(receipt(school, borrowedKeyId))).contains(SenderProof.RULE_INVALID);
        assertThat(rules(receipt(school, flippedId))).contains(SenderProof.RULE_INVALID);
        assertThat(rules(receipt(school, unsignedId))).contains(SenderProof.RULE_REQUIRED);
        for (String id : List.of(borrowedKeyId, flippedId, unsignedId)) {
            assertThat(jdbc().queryForObject("select outcome from register_entry where message_id = ? and proven_sender is null", String.class, id))
                    .isEqualTo("REJECTED");
            assertThat(inboxCopies(council, id, Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void anAgencyAllowedToSendUnsignedIsAcceptedButFlaggedAsNotProven() {
        ShareRequest request = request();
        request.setRequesterAgency(SampleRecords.COUNCIL);
        request.setRecipientAgency(SampleRecords.SCHOOL);
        String messageId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> bare = new ProducerRecord<>(TOPIC, request.getCaseReference(), council.encode(TOPIC, request));
        bare.headers().add(AgencyClient.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
        bare.headers().add(AgencyClient.SENDER, SampleRecords.COUNCIL.getBytes(StandardCharsets.UTF_8));
        council.sendRecord(bare);

        Receipt receipt = receipt(council, messageId);
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
        assertThat(receipt.getFlags()).contains(EntryFlag.SENDER_NOT_PROVEN.name());
        assertThat(jdbc().queryForObject("select count(*) from register_entry where message_id = ? and proven_sender is null"
                + " and 'SENDER_NOT_PROVEN' = any(flags)", Integer.class, messageId)).isEqualTo(1);
        // Where signatures are required (everyone else), the same unsigned message is refused: see the test above.
    }

    @Test
    void anotherAgencyCannotPreemptAMessageIdByUsingItFirst() {
        // The police learn two ids the school will use and send first: one forged as the school (refused, and
        // registered as the police's), one as themselves (accepted, as theirs).
        String forgedFirst = UUID.randomUUID().toString();
        String usedFirst = UUID.randomUUID().toString();
        police.sendRecord(signed(request(), forgedFirst, SampleRecords.SCHOOL, TestKeys.signingKey(SampleRecords.POLICE)));
        ShareRequest policeOwn = request();
        policeOwn.setRequesterAgency(SampleRecords.POLICE);
        police.sendRecord(signed(policeOwn, usedFirst, SampleRecords.POLICE, TestKeys.signingKey(SampleRecords.POLICE)));
        assertThat(receipt(police, forgedFirst).getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(receipt(police, usedFirst).getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);

        for (String messageId : List.of(forgedFirst, usedFirst)) {
            ShareRequest real = request();
            school.sendRaw(TOPIC, real.getCaseReference(), school.encode(TOPIC, real), messageId, SampleRecords.SCHOOL);

            Receipt receipt = receipt(school, messageId);
            assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
            assertThat(receipt.getFlags()).doesNotContain("DUPLICATE");
            assertThat(entry(messageId, SampleRecords.SCHOOL)).containsEntry("outcome", "ACCEPTED");
            assertThat(inboxCopies(council, messageId, WAIT)).extracting(r -> header(r, AgencyClient.SENDER)).contains(SampleRecords.SCHOOL);
        }
    }

    private ProducerRecord<String, byte[]> signed(ShareRequest request, String messageId, String claimedSender, SigningKey key) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, request.getCaseReference(), school.encode(TOPIC, request));
        record.headers().add(AgencyClient.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(AgencyClient.SENDER, claimedSender.getBytes(StandardCharsets.UTF_8));
        return TestKeys.sign(record, key, messageId, claimedSender, Instant.now().toEpochMilli());
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    private static ShareRequest request() {
        ShareRequest request = SampleRecords.shareRequest();
        request.setCaseReference("CASE-" + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        request.setOccurredAt(now.minusSeconds(600));
        request.getRecordedBy().setRecordedAt(now.minusSeconds(60));
        return request;
    }

    private Map<String, Object> entry(String messageId, String provenSender) {
        return jdbc().queryForMap("select outcome, sender, signature_key_id from register_entry where message_id = ? and proven_sender = ?",
                messageId, provenSender);
    }

    private static List<String> rules(Receipt receipt) {
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        return receipt.getViolations().stream().map(v -> v.getRule()).toList();
    }

    private Receipt receipt(TestAgency agency, String messageId) {
        return receipts(agency, messageId, 1).get(0);
    }

    private List<Receipt> receipts(TestAgency agency, String messageId, int count) {
        List<ConsumerRecord<String, byte[]>> mine = agency.readUntil(agency.receipts(),
                seen -> seen.stream().filter(r -> messageId.equals(header(r, AgencyClient.MESSAGE_ID))).count() >= count, WAIT)
                .stream().filter(r -> messageId.equals(header(r, AgencyClient.MESSAGE_ID))).toList();
        assertThat(mine).as("receipts for " + messageId + " on " + agency.receipts()).hasSize(count);
        return mine.stream().map(r -> (Receipt) agency.decode(r.topic(), r.value())).toList();
    }

    private ConsumerRecord<String, byte[]> inboxCopy(TestAgency agency, String messageId) {
        List<ConsumerRecord<String, byte[]>> copies = inboxCopies(agency, messageId, WAIT);
        assertThat(copies).hasSize(1);
        return copies.get(0);
    }

    private static List<ConsumerRecord<String, byte[]>> inboxCopies(TestAgency agency, String messageId, Duration wait) {
        return agency.readUntil(agency.inbox(), seen -> seen.stream().anyMatch(r -> messageId.equals(header(r, AgencyClient.MESSAGE_ID))), wait)
                .stream().filter(r -> messageId.equals(header(r, AgencyClient.MESSAGE_ID))).toList();
    }
}
