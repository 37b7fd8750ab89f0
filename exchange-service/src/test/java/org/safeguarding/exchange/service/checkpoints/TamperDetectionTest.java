package org.safeguarding.exchange.service.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ShareRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.service.checkpoints.internal.Checkpointer;
import org.safeguarding.exchange.service.integrity.Checkpoint;
import org.safeguarding.exchange.service.integrity.CheckpointKeys;
import org.safeguarding.exchange.service.integrity.CheckpointSigner;
import org.safeguarding.exchange.service.integrity.SignedCheckpoint;
import org.safeguarding.exchange.service.register.EntryEncoding;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.RegisterSearch;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.MessageBytes;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.test.context.TestPropertySource;

/**
 * Tampering with the register as the database superuser, past its append-only triggers: each change is detected and
 * located, both by {@code GET /api/register/verify} and by the offline verifier on a fresh export, whichever value the
 * register serves it touches. The register is put back after each test.
 */
@TestPropertySource(properties = {"exchange.checkpoints.enabled=false", "exchange.checkpoints.every-entries=10"})
class TamperDetectionTest extends ExchangeServiceTest {

    private static final Path FILES = Path.of("target", "tamper-detection");

    @Autowired
    private SharingRegister register;
    @Autowired
    private Checkpointer checkpointer;
    @Autowired
    private SchemaRegistryClient registry;

    private Path publicKey;

    /** 55 entries in four chains; checkpoints at 40 and 50; the last 5 entries have leaves but no checkpoint yet. */
    @BeforeAll
    void fillTheRegister() throws IOException {
        register.record(TestEntries.batch(40));
        assertThat(checkpointer.round()).hasValueSatisfying(c -> assertThat(c.checkpoint().treeSize()).isEqualTo(40));
        register.record(TestEntries.batch(10));
        assertThat(checkpointer.round()).hasValueSatisfying(c -> assertThat(c.checkpoint().treeSize()).isEqualTo(50));
        register.record(TestEntries.batch(5));
        assertThat(checkpointer.round()).isEmpty();
        Files.createDirectories(FILES);
        // The auditor fetched the public key before anything went wrong.
        publicKey = download("/api/register/checkpoints/public-key", "public-key.json");
        asSuperuser("create table backup_entry as select * from register_entry",
                "create table backup_leaf as select * from register_leaf",
                "create table backup_checkpoint as select * from register_checkpoint");
    }

    @AfterEach
    void putTheRegisterBack() {
        asSuperuser("delete from register_leaf", "delete from register_checkpoint", "delete from register_entry",
                "insert into register_entry select * from backup_entry",
                "insert into register_leaf select * from backup_leaf",
                "insert into register_checkpoint select * from backup_checkpoint");
    }

    @Test
    void anUntouchedRegisterVerifiesOnlineAndOffline() throws IOException {
        VerificationReport online = online();
        assertThat(online.intact()).as(online.detail()).isTrue();
        assertThat(online.entriesChecked()).isEqualTo(55);
        assertThat(online.leavesChecked()).isEqualTo(55);
        assertThat(online.checkpointsChecked()).isEqualTo(2);
        VerificationReport offline = offline();
        assertThat(offline.intact()).as(offline.detail()).isTrue();
        assertThat(offline.entriesChecked()).isEqualTo(55);
    }

    @Test
    void oneChangedByteOfAMessageIsFoundAndNamed() throws IOException {
        long sequence = sequenceOfLeaf(20);
        asSuperuser("update register_entry set payload = set_byte(payload, 5, (get_byte(payload, 5) + 1) % 256) where sequence = " + sequence);
        for (VerificationReport result : List.of(online(), offline())) {
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSequence()).as(result.detail()).isEqualTo(sequence);
            assertThat(result.detail()).contains("message bytes do not match");
        }
    }

    @Test
    void aChangedSearchableHashedFieldIsFoundAndNamed() throws IOException {
        long sequence = sequenceOfLeaf(33);
        asSuperuser("update register_entry set record_type = 'HazardNotification' where sequence = " + sequence);
        for (VerificationReport result : List.of(online(), offline())) {
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSequence()).as(result.detail()).isEqualTo(sequence);
            assertThat(result.detail()).contains("do not match its hash");
        }
    }

    /**
     * Every value the register serves, changed one at a time: each is under the entry hash (version 2), so each change is
     * found at its entry. Each pair is the column and the change made to it.
     */
    static Stream<Arguments> servedValues() {
        return Stream.of(
                Arguments.of("case_reference", "'CASE-ELSEWHERE'"),
                Arguments.of("sending_agency", "'POL-HUMBERSIDE'"),
                Arguments.of("recipient_agencies", "array['LA-HULL']"),
                Arguments.of("requester_name", "'Someone Else'"),
                Arguments.of("decision", "'DECLINE'"),
                Arguments.of("consent_status", "'REFUSED'"),
                Arguments.of("occurred_at", "occurred_at + interval '1 microsecond'"),
                Arguments.of("recorded_at", "recorded_at - interval '1 day'"),
                Arguments.of("corrects_message_id", "null"),
                Arguments.of("request_id", "'REQ-OTHER'"),
                Arguments.of("flags", "'{}'"),
                Arguments.of("person_references", "array['PERSON-SOMEONE-ELSE']"),
                Arguments.of("proven_sender", "'NHS-HUMBER'"),
                Arguments.of("signature_key_id", "'NHS-HUMBER-2026'"),
                Arguments.of("signature_signed_at", "signature_signed_at + interval '1 millisecond'"),
                Arguments.of("signature", "set_byte(signature, 0, (get_byte(signature, 0) + 1) % 256)"),
                Arguments.of("schema_sha256", "sha256('another schema'::bytea)"),
                Arguments.of("violations", "'[{\"field\": \"x\", \"rule\": \"y\", \"message\": \"z\"}]'"),
                // Claiming the older encoding, which covers fewer values, does not make a change pass.
                Arguments.of("entry_version", "1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servedValues")
    void aChangedServedValueIsFoundAndNamedOnlineAndOffline(String column, String change) throws IOException {
        long sequence = sequenceOfLeaf(17);
        asSuperuser("update register_entry set " + column + " = " + change + " where sequence = " + sequence);
        for (VerificationReport result : List.of(online(), offline())) {
            assertThat(result.intact()).as(column).isFalse();
            assertThat(result.firstBadSequence()).as(result.detail()).isEqualTo(sequence);
            assertThat(result.detail()).contains("entry " + sequence, "do not match its hash");
        }
    }

    /** Records an entry holding a real ShareRequest from Priya Shah, as its exact bytes; returns its sequence. */
    private long recordARealMessage() {
        ShareRequest request = SampleRecords.shareRequest();
        request.getRequester().setName("Priya Shah");
        byte[] payload = new MessageBytes(registry).encode(request);
        NewEntry entry = TestEntries.entry(TestEntries.TOPIC);
        return register.record(List.of(new NewEntry(entry.messageId(), entry.source(), entry.receivedAt(), entry.sender(),
                entry.outcome(), MessageBytes.schemaId(payload), payload, EntryEncoding.sha256(payload), payload.length,
                entry.facts(), entry.flags(), entry.violations(), entry.provenSender(),
                TestEntries.schoolSignature(entry.messageId(), payload, entry.signature().signedAt())))).get(0).entry().sequence();
    }

    @Test
    void theMessageReadersAreShownIsReadFromItsHashedBytesSoRewritingItIsFound() throws IOException {
        long sequence = recordARealMessage();
        assertThat(requesterShownIn(sequence)).isEqualTo("Priya Shah");
        assertThat(online().intact()).isTrue();

        // The requester's name rewritten inside the message: the only copy of it is the exact bytes the agency sent.
        asSuperuser("update register_entry set payload = overlay(payload placing 'x'::bytea from position('Priya'::bytea in payload) + 1)"
                + " where sequence = " + sequence);
        assertThat(requesterShownIn(sequence)).isEqualTo("Pxiya Shah");
        for (VerificationReport result : List.of(online(), offline())) {
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSequence()).as(result.detail()).isEqualTo(sequence);
            assertThat(result.detail()).contains("message bytes do not match");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMessageThatCannotBeReadBackWithItsRecordedSchemaIsNotShownAndIsWithheldFromItsSubject() throws IOException {
        long sequence = recordARealMessage();
        String caseReference = jdbc().queryForObject("select case_reference from register_entry where sequence = ?", String.class, sequence);
        asSuperuser("update register_entry set schema_sha256 = null where sequence = " + sequence);

        Map<String, Object> detail = http().get().uri("/api/audit/entries/" + sequence).retrieve().body(Map.class);
        assertThat(((Map<String, Object>) detail.get("entry")).get("message")).isNull();
        Map<String, Object> subjectAccess = http().get().uri("/api/audit/subject-access?caseReference=" + caseReference).retrieve()
                .body(Map.class);
        assertThat(subjectAccess).containsEntry("disclosedCount", 0);
        assertThat((Map<String, Object>) ((Map<String, Object>) subjectAccess.get("withheld")).get("grounds"))
                .containsOnlyKeys(RegisterSearch.UNREADABLE);
        for (VerificationReport result : List.of(online(), offline())) {
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSequence()).as(result.detail()).isEqualTo(sequence);
        }
    }

    @SuppressWarnings("unchecked")
    private String requesterShownIn(long sequence) {
        Map<String, Object> detail = http().get().uri("/api/audit/entries/" + sequence).retrieve().body(Map.class);
        Map<String, Object> message = (Map<String, Object>) ((Map<String, Object>) detail.get("entry")).get("message");
        return (String) ((Map<String, Object>) message.get("requester")).get("name");
    }

    @Test
    void aDeletedEntryIsFoundAndItsPlaceNamed() throws IOException {
        long sequence = sequenceOfLeaf(12);
        asSuperuser("delete from register_entry where sequence = " + sequence);
        VerificationReport online = online();
        assertThat(online.intact()).isFalse();
        assertThat(online.firstBadSequence()).as(online.detail()).isEqualTo(sequence);
        assertThat(online.firstBadLeafIndex()).isEqualTo(12);
        assertThat(online.detail()).contains("missing");
        VerificationReport offline = offline();
        assertThat(offline.intact()).isFalse();
        assertThat(offline.firstBadLeafIndex()).as(offline.detail()).isEqualTo(12);
        assertThat(offline.detail()).contains("leaf 12 is missing");
    }

    @Test
    void twoSwappedEntriesAreFoundAtTheFirstOfThem() throws IOException {
        long first = sequenceOfLeaf(7);
        long second = sequenceOfLeaf(29);
        asSuperuser("update register_entry set sequence = -1 where sequence = " + first,
                "update register_entry set sequence = " + first + " where sequence = " + second,
                "update register_entry set sequence = " + second + " where sequence = -1");
        for (VerificationReport result : List.of(online(), offline())) {
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSequence()).as(result.detail()).isEqualTo(first);
            assertThat(result.firstBadLeafIndex()).isEqualTo(7);
        }
    }

    @Test
    void aCutTailIsRevealedByTheCheckpoint() throws IOException {
        long firstCut = sequenceOfLeaf(45);
        asSuperuser("delete from register_leaf where entry_sequence >= " + firstCut,
                "delete from register_entry where sequence >= " + firstCut);
        for (VerificationReport result : List.of(online(), offline())) {
            assertThat(result.intact()).isFalse();
            assertThat(result.entriesChecked()).isEqualTo(45);
            assertThat(result.firstBadLeafIndex()).as(result.detail()).isEqualTo(45);
            assertThat(result.detail()).contains("checkpoint 50");
        }
    }

    @Test
    void aCheckpointResignedWithAnotherKeyIsRefused() throws Exception {
        SignedCheckpoint genuine = SignedCheckpoint.parseNote(
                http().get().uri("/api/register/checkpoints/50").retrieve().body(java.util.Map.class).get("note").toString());
        Checkpoint forged = new Checkpoint(genuine.checkpoint().origin(), 50, new byte[32], genuine.checkpoint().issuedAt());
        SignedCheckpoint resigned = new CheckpointSigner(CheckpointKeys.generate()).sign(forged);
        asSuperuser("update register_checkpoint set root_hash = '\\x" + "00".repeat(32) + "', key_id = '" + resigned.keyId()
                + "', signature = decode('" + Base64.getEncoder().encodeToString(resigned.signature()) + "', 'base64') where tree_size = 50");
        for (VerificationReport result : List.of(online(), offline())) {
            assertThat(result.intact()).isFalse();
            assertThat(result.detail()).as(result.detail()).contains("checkpoint 50 is not signed by the register's key");
        }
    }

    private VerificationReport online() {
        return http().get().uri("/api/register/verify").retrieve().body(VerificationReport.class);
    }

    private VerificationReport offline() throws IOException {
        Path export = download("/api/register/export", "register.jsonl");
        Path checkpoint = download("/api/register/checkpoints/latest", "checkpoint.json");
        return OfflineVerifier.verify(export, checkpoint, publicKey);
    }

    private Path download(String path, String file) throws IOException {
        Path target = FILES.resolve(file);
        Files.write(target, http().get().uri(path).retrieve().body(byte[].class));
        return target;
    }

    private long sequenceOfLeaf(int leafIndex) {
        return jdbc().queryForObject("select entry_sequence from register_leaf where leaf_index = ?", Long.class, leafIndex);
    }

    /** Runs statements on one connection with every trigger off, as a superuser tampering with the database would. */
    private void asSuperuser(String... statements) {
        jdbc().execute((ConnectionCallback<Void>) connection -> {
            try (var sql = connection.createStatement()) {
                sql.execute("set session_replication_role = replica");
                for (String statement : statements) {
                    sql.execute(statement);
                }
                sql.execute("reset session_replication_role");
            }
            return null;
        });
    }
}
