package org.safeguarding.exchange.service.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.testing.TestAgency.header;

import exchange.v1.Receipt;
import exchange.v1.ReceiptStatus;
import exchange.v1.ShareRequest;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.security.UserAccounts;
import org.safeguarding.exchange.service.signatures.SenderProof;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.service.testing.TestKeys;
import org.safeguarding.exchange.service.testing.TestUsers;
import org.safeguarding.exchange.signing.SigningKey;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A partner agency's client that nobody on this project wrote (kafkajs, @kafkajs/confluent-schema-registry, and Node's
 * own crypto for the signature) signs what it sends as AUDITING.md describes, and the exchange accepts it; one flipped
 * byte, another agency's key, a retired key or no signature at all is refused with a receipt that says why.
 */
class ThirdPartyClientSigningTest extends ExchangeServiceTest {

    private static final String TOPIC = IntakeTopic.SHARE_REQUESTS.topic();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KeyPair CURRENT = SigningKey.generate();
    private static final KeyPair RETIRED = SigningKey.generate();
    private static final String CURRENT_ID = "SCH-OAKFIELD-2026";
    private static final String RETIRED_ID = "SCH-OAKFIELD-2025";

    private ThirdPartyNodeClient node;
    private TestAgency school;
    private TestAgency police;

    /** A directory in which the school lists its own keys: this year's, and last year's, retired at the year's end. */
    @DynamicPropertySource
    static void directoryWithTheSchoolsKeys(DynamicPropertyRegistry registry) {
        Map<String, String> directory = new HashMap<>();
        agency(directory, 0, SampleRecords.SCHOOL, "EDUCATION");
        agency(directory, 1, SampleRecords.COUNCIL, "LOCAL_AUTHORITY");
        agency(directory, 2, SampleRecords.POLICE, "POLICE");
        String school = "exchange.directory.agencies[0].keys";
        directory.put(school + "[0].id", CURRENT_ID);
        directory.put(school + "[0].public-key", Base64.getEncoder().encodeToString(SigningKey.rawPublicKey(CURRENT.getPublic())));
        directory.put(school + "[1].id", RETIRED_ID);
        directory.put(school + "[1].public-key", Base64.getEncoder().encodeToString(SigningKey.rawPublicKey(RETIRED.getPublic())));
        directory.put(school + "[1].valid-from", "2025-01-01T00:00:00Z");
        directory.put(school + "[1].valid-until", "2026-01-01T00:00:00Z");
        directory.forEach((key, value) -> registry.add(key, () -> value));
    }

    private static void agency(Map<String, String> directory, int index, String code, String kind) {
        directory.put("exchange.directory.agencies[" + index + "].code", code);
        directory.put("exchange.directory.agencies[" + index + "].name", code);
        directory.put("exchange.directory.agencies[" + index + "].kind", kind);
    }

    @BeforeAll
    void clients() {
        Optional<String> unavailable = ThirdPartyNodeClient.whyUnavailable();
        if (unavailable.isEmpty()) {
            node = ThirdPartyNodeClient.install(Path.of("src/test/node"), Path.of("target/third-party-node"));
        }
        school = agency(SampleRecords.SCHOOL);
        police = agency(SampleRecords.POLICE);
    }

    @BeforeEach
    void needsNode() {
        Optional<String> unavailable = ThirdPartyNodeClient.whyUnavailable();
        Assumptions.assumeTrue(unavailable.isEmpty(), unavailable.orElse(null));
    }

    @Test
    void aMessageSignedWithNodesOwnCryptoIsAcceptedAsFromItsSender() {
        String messageId = send(signing(CURRENT_ID, CURRENT, null), null);

        assertThat(receipt(school, messageId).getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
        assertThat(jdbc().queryForObject("select signature_key_id from register_entry where message_id = ? and proven_sender = ?",
                String.class, messageId, SampleRecords.SCHOOL)).isEqualTo(CURRENT_ID);
    }

    @Test
    void oneFlippedByteIsRefused() {
        String messageId = send(signing(CURRENT_ID, CURRENT, null), "class");

        assertThat(rules(receipt(school, messageId))).contains(SenderProof.RULE_INVALID);
    }

    @Test
    void anotherAgencysKeyIsRefusedAndTheRealSenderIsAnswered() {
        SigningKey policeKey = TestKeys.signingKey(SampleRecords.POLICE);
        String messageId = send(Map.of("keyId", policeKey.keyId(), "privateKey", SigningKey.encodePrivateKey(policeKey.privateKey())), null);

        assertThat(rules(receipt(police, messageId))).contains(SenderProof.RULE_SENDER_MISMATCH);
    }

    @Test
    void aRetiredKeyIsRefused() {
        String messageId = send(signing(RETIRED_ID, RETIRED, null), null);

        assertThat(rules(receipt(school, messageId))).contains(SenderProof.RULE_KEY_NOT_VALID);
    }

    @Test
    void aRetiredKeyStillProvesWhatItSignedWhileValid() {
        // Signed (by the send time it states) before the key's end: a message held back that long is still the school's.
        long sentWhileValid = Instant.parse("2025-12-31T23:00:00Z").toEpochMilli();
        String messageId = send(signing(RETIRED_ID, RETIRED, sentWhileValid), null);

        Receipt receipt = receipt(school, messageId);
        assertThat(receipt.getViolations()).extracting(v -> v.getRule()).doesNotContainAnyElementsOf(List.of(
                SenderProof.RULE_KEY_NOT_VALID, SenderProof.RULE_INVALID));
        assertThat(jdbc().queryForObject("select count(*) from register_entry where message_id = ? and proven_sender = ?",
                Integer.class, messageId, SampleRecords.SCHOOL)).isEqualTo(1);
    }

    @Test
    void noSignatureIsRefused() {
        String messageId = send(null, null);

        assertThat(rules(receipt(school, messageId))).contains(SenderProof.RULE_REQUIRED);
    }

    /** Sends a share request from the school through the Node client, signed with {@code signing} when given. */
    private String send(Map<String, Object> signing, String flipAfterSigning) {
        ShareRequest request = SampleRecords.shareRequest();
        request.setCaseReference("CASE-" + UUID.randomUUID());
        request.setReason("Worries shared by the class teacher");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        request.setOccurredAt(now.minusSeconds(600));
        request.getRecordedBy().setRecordedAt(now.minusSeconds(60));
        String messageId = UUID.randomUUID().toString();
        String kafkaUser = UserAccounts.agencyUserName(SampleRecords.SCHOOL);
        Map<String, Object> input = new HashMap<>(Map.of(
                "registryUrl", registryUrl(),
                "registryAuth", Map.of("username", TestUsers.SCHOOL, "password", TestUsers.password(TestUsers.SCHOOL)),
                "brokers", List.of(bootstrapServers().split(",")),
                "sasl", Map.of("mechanism", "scram-sha-512", "username", kafkaUser, "password", TestUsers.password(kafkaUser)),
                "topic", TOPIC,
                "key", request.getCaseReference(),
                "headers", Map.of("exchange-message-id", messageId, "exchange-sender", SampleRecords.SCHOOL),
                "records", List.of(ThirdPartyClientCompatibilityTest.contractRecord(TOPIC + "-" + ShareRequest.getClassSchema().getFullName(),
                        request))));
        if (signing != null) {
            input.put("signing", signing);
        }
        if (flipAfterSigning != null) {
            input.put("flipAfterSigning", flipAfterSigning);
        }
        node.run("produce", input);
        return messageId;
    }

    private static Map<String, Object> signing(String keyId, KeyPair key, Long sentAt) {
        Map<String, Object> signing = new HashMap<>(Map.of("keyId", keyId, "privateKey", SigningKey.encodePrivateKey(key.getPrivate())));
        if (sentAt != null) {
            signing.put("sentAt", sentAt);
        }
        return signing;
    }

    private static List<String> rules(Receipt receipt) {
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        return receipt.getViolations().stream().map(v -> v.getRule()).toList();
    }

    private static Receipt receipt(TestAgency agency, String messageId) {
        List<ConsumerRecord<String, byte[]>> mine = agency.readUntil(agency.receipts(),
                seen -> seen.stream().anyMatch(r -> messageId.equals(header(r, TestAgency.MESSAGE_ID))), WAIT)
                .stream().filter(r -> messageId.equals(header(r, TestAgency.MESSAGE_ID))).toList();
        assertThat(mine).as("receipts for " + messageId + " on " + agency.receipts()).hasSize(1);
        return (Receipt) agency.decode(mine.get(0).topic(), mine.get(0).value());
    }
}
