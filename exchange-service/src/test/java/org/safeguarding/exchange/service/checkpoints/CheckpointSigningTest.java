package org.safeguarding.exchange.service.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.RegisterCheckpoint;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.contract.ExchangeTopics;
import org.safeguarding.exchange.service.integrity.Checkpoint;
import org.safeguarding.exchange.service.integrity.CheckpointKeys;
import org.safeguarding.exchange.service.integrity.CheckpointVerifier;
import org.safeguarding.exchange.service.integrity.ProofVerifier;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The background signer as an auditor meets it: checkpoints appear by themselves, verify under the published key,
 * reach the checkpoint topic, and the proofs served check against them.
 */
@TestPropertySource(properties = {"exchange.checkpoints.every-seconds=1", "exchange.checkpoints.poll-millis=100"})
class CheckpointSigningTest extends ExchangeServiceTest {

    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    private SharingRegister register;

    @Test
    void checkpointsAreSignedPublishedAndProveInclusionAndConsistency() throws Exception {
        register.record(TestEntries.batch(30));
        Map<?, ?> first = awaitCheckpointOfAtLeast(30);
        register.record(TestEntries.batch(20));
        long firstSize = ((Number) first.get("treeSize")).longValue();
        Map<?, ?> second = awaitCheckpointOfAtLeast(firstSize + 20);
        long secondSize = ((Number) second.get("treeSize")).longValue();

        Map<?, ?> key = http().get().uri("/api/register/checkpoints/public-key").retrieve().body(Map.class);
        CheckpointVerifier verifier = new CheckpointVerifier(CheckpointKeys.publicKeyFromPem((String) key.get("pem")));
        assertThat(key.get("keyId")).isEqualTo(verifier.keyId()).isEqualTo(second.get("keyId"));
        Checkpoint verified = verifier.verifyNote((String) second.get("note"));
        assertThat(verified.treeSize()).isEqualTo(secondSize);
        assertThat(second.get("signedText")).isEqualTo(verified.body());
        assertThat(http().get().uri("/api/register/checkpoints/" + firstSize).retrieve().body(Map.class)).isEqualTo(first);

        long sequence = jdbc().queryForObject("select entry_sequence from register_leaf where leaf_index = 17", Long.class);
        Map<?, ?> inclusion = http().get().uri("/api/register/proofs/inclusion?sequence=" + sequence + "&treeSize=" + secondSize)
                .retrieve().body(Map.class);
        assertThat(((Number) inclusion.get("leafIndex")).longValue()).isEqualTo(17);
        ProofVerifier.verifyInclusion(17, secondSize, HEX.parseHex((String) inclusion.get("leafHash")),
                hashes(inclusion.get("auditPath")), verified.rootHash());

        Map<?, ?> consistency = http().get().uri("/api/register/proofs/consistency?from=" + firstSize + "&to=" + secondSize)
                .retrieve().body(Map.class);
        ProofVerifier.verifyConsistency(firstSize, secondSize, hashes(consistency.get("proof")),
                HEX.parseHex((String) first.get("rootHash")), verified.rootHash());

        try (TestAgency auditor = new TestAgency(SampleRecords.SCHOOL, bootstrapServers(), registryUrl())) {
            boolean published = auditor.readUntil(ExchangeTopics.REGISTER_CHECKPOINTS, seen -> seen.stream()
                    .flatMap(r -> published(auditor, r).stream())
                    .anyMatch(c -> c.getTreeSize() == secondSize && c.getKeyId().equals(verifier.keyId())
                            && c.getRootHash().equals(second.get("rootHash")) && c.getSignature().equals(second.get("signature"))),
                    Duration.ofSeconds(60)).stream()
                    .flatMap(r -> published(auditor, r).stream())
                    .anyMatch(c -> c.getTreeSize() == secondSize && c.getKeyId().equals(verifier.keyId()));
            assertThat(published).as("checkpoint " + secondSize + " on " + ExchangeTopics.REGISTER_CHECKPOINTS).isTrue();
        }

        assertThat(http().get().uri("/api/register/verify").retrieve().body(VerificationReport.class).intact()).isTrue();
    }

    /**
     * The checkpoint a record on the topic carries, if this class's service published it. The services of earlier test
     * classes publish on the same broker's topic with schema ids of their own registries, which this one may not know
     * or may give to another schema.
     */
    private static java.util.Optional<RegisterCheckpoint> published(TestAgency auditor, ConsumerRecord<String, byte[]> record) {
        try {
            return auditor.decode(record.topic(), record.value()) instanceof RegisterCheckpoint checkpoint
                    ? java.util.Optional.of(checkpoint) : java.util.Optional.empty();
        } catch (RuntimeException anotherRegistrysSchemaId) {
            return java.util.Optional.empty();
        }
    }

    @Test
    void aProofForAnEntryOutsideTheTreeOrASizeNeverSignedIsRefused() throws InterruptedException {
        register.record(TestEntries.batch(3));
        awaitCheckpointOfAtLeast(3);
        assertThatThrownBy(() -> http().get().uri("/api/register/checkpoints/987654").retrieve().body(Map.class))
                .isInstanceOf(HttpClientErrorException.NotFound.class);
        assertThatThrownBy(() -> http().get().uri("/api/register/proofs/inclusion?sequence=987654&treeSize=1").retrieve().body(Map.class))
                .isInstanceOf(HttpClientErrorException.NotFound.class);
        assertThatThrownBy(() -> http().get().uri("/api/register/proofs/consistency?from=5&to=987654").retrieve().body(Map.class))
                .isInstanceOf(HttpClientErrorException.BadRequest.class);
    }

    private Map<?, ?> awaitCheckpointOfAtLeast(long size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Map<?, ?> latest = jdbc().queryForObject("select count(*) from register_checkpoint", Long.class) == 0 ? null
                    : http().get().uri("/api/register/checkpoints/latest").retrieve().body(Map.class);
            if (latest != null && ((Number) latest.get("treeSize")).longValue() >= size) {
                return latest;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no checkpoint of " + size + " leaves within 60 s");
    }

    private static List<byte[]> hashes(Object hexList) {
        return ((List<?>) hexList).stream().map(h -> HEX.parseHex((String) h)).toList();
    }
}
