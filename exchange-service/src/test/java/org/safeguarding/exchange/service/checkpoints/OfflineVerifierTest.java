package org.safeguarding.exchange.service.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.exchange.service.integrity.Checkpoint;
import org.safeguarding.exchange.service.integrity.CheckpointKeys;
import org.safeguarding.exchange.service.integrity.CheckpointSigner;
import org.safeguarding.exchange.service.integrity.MerkleFrontier;
import org.safeguarding.exchange.service.integrity.MerkleHasher;
import org.safeguarding.exchange.service.register.Chain;
import org.safeguarding.exchange.service.register.EntryEncoding;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.EntrySignature;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.SourceCoordinates;
import org.safeguarding.exchange.signing.MessageSignature;
import org.safeguarding.exchange.signing.SigningKey;

/** The offline verifier over an export of several megabytes: read in blocks, lines cut across blocks, hashed in parallel. */
class OfflineVerifierTest {

    private static final int ENTRIES = 6_000;

    @TempDir
    Path folder;

    /** The schema every entry's message names, as the export gives it with the first of them. */
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"ShareRequest\",\"namespace\":\"exchange.v1\",\"fields\":[]}";

    @Test
    void aLargeExportVerifiesWholeAndAChangedEntryFarIntoItIsNamed() throws IOException {
        List<String> lines = exportLines();
        Path export = write("register.jsonl", SCHEMA, lines);
        assertThat(Files.size(export)).as("spans several read blocks").isGreaterThan(3L << 20);

        VerificationReport intact = OfflineVerifier.verify(export, folder.resolve("checkpoint.note"), folder.resolve("key.pem"));
        assertThat(intact.intact()).as(intact.detail()).isTrue();
        assertThat(intact.leavesChecked()).isEqualTo(ENTRIES);
        assertThat(intact.entriesChecked()).isEqualTo(ENTRIES);

        // Entry 4,321 (sequence 4,322) claims another sender: found there, though it sits deep in a later block.
        int changed = 4_321;
        lines.set(changed, lines.get(changed).replace("\"sender\":\"SCH-OAKFIELD\"", "\"sender\":\"SCH-NEWLAND\""));
        Path tampered = write("tampered.jsonl", SCHEMA, lines);
        VerificationReport result = OfflineVerifier.verify(tampered, folder.resolve("checkpoint.note"), folder.resolve("key.pem"));
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBadSequence()).isEqualTo(changed + 1L);
        assertThat(result.firstBadLeafIndex()).isEqualTo((long) changed);
    }

    @Test
    void aSchemaThatIsNotTheOneTheEntriesRecordedIsFoundAtTheFirstEntryNamingIt() throws IOException {
        List<String> lines = exportLines();
        // A field renamed in the schema would show each message's values under other names.
        VerificationReport changed = OfflineVerifier.verify(write("changed-schema.jsonl", SCHEMA.replace("[]", "[{\"name\":\"x\",\"type\":\"int\"}]"),
                lines), folder.resolve("checkpoint.note"), folder.resolve("key.pem"));
        assertThat(changed.intact()).isFalse();
        assertThat(changed.firstBadSequence()).isEqualTo(1L);
        assertThat(changed.detail()).contains("schema 1 in the export is not the schema the entry recorded");

        VerificationReport missing = OfflineVerifier.verify(write("no-schema.jsonl", null, lines), folder.resolve("checkpoint.note"),
                folder.resolve("key.pem"));
        assertThat(missing.intact()).isFalse();
        assertThat(missing.firstBadSequence()).isEqualTo(1L);
        assertThat(missing.detail()).contains("names schema 1, which the export does not hold");
    }

    @Test
    void givenTheAgenciesKeysEveryProvenSenderMustHaveSignedItsEntry() throws IOException {
        KeyPair school = SigningKey.generate();
        Path keys = folder.resolve("agency-keys.json");
        Files.writeString(keys, "[{\"keyId\":\"SCH-OAKFIELD-1\",\"agency\":\"SCH-OAKFIELD\",\"publicKey\":\""
                + Base64.getEncoder().encodeToString(SigningKey.rawPublicKey(school.getPublic())) + "\",\"validFrom\":null,\"validUntil\":null}]");
        Path export = write("signed.jsonl", SCHEMA, exportLines(3, (messageId, payload, at) -> MessageSignature.sign(school.getPrivate(),
                MessageSignature.signedBytesOfValue(messageId, "SCH-OAKFIELD", at.toEpochMilli(), payload))));

        VerificationReport signed = OfflineVerifier.verify(export, folder.resolve("checkpoint.note"), folder.resolve("key.pem"), keys);
        assertThat(signed.intact()).as(signed.detail()).isTrue();
        assertThat(signed.signaturesChecked()).isEqualTo(3L);
        assertThat(OfflineVerifier.verify(export, folder.resolve("checkpoint.note"), folder.resolve("key.pem")).signaturesChecked()).isNull();

        // Entries whose hashes all hold, but whose signature the school never made: the exchange cannot show the school sent them.
        Path forged = write("forged.jsonl", SCHEMA, exportLines(3, (messageId, payload, at) -> new byte[64]));
        VerificationReport unsigned = OfflineVerifier.verify(forged, folder.resolve("checkpoint.note"), folder.resolve("key.pem"), keys);
        assertThat(unsigned.intact()).isFalse();
        assertThat(unsigned.firstBadSequence()).isEqualTo(1L);
        assertThat(unsigned.detail()).contains("signature does not verify with SCH-OAKFIELD's key SCH-OAKFIELD-1");
    }

    /** The export of these entries, the first of them holding the text of the schema they name, if one is given. */
    private Path write(String name, String schema, List<String> entries) throws IOException {
        List<String> lines = new ArrayList<>(entries);
        if (schema != null) {
            ExportFormat.ExportedEntry first = ExportFormat.parse(lines.get(0));
            lines.set(0, ExportFormat.line(first.leafIndex(), first.entry(), schema));
        }
        return Files.write(folder.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private List<String> exportLines() throws IOException {
        return exportLines(ENTRIES, (messageId, payload, at) -> new byte[64]);
    }

    /** How an entry's signature is made from its message id, exact bytes and send time. */
    private interface Signer {
        byte[] sign(String messageId, byte[] payload, Instant sentAt);
    }

    private List<String> exportLines(int count, Signer signer) throws IOException {
        Random random = new Random(42);
        Chain chain = Chain.empty("exchange.share-requests/0");
        MerkleFrontier frontier = new MerkleFrontier();
        Instant at = Instant.parse("2026-11-21T09:00:00Z");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] payload = new byte[400 + random.nextInt(200)];
            random.nextBytes(payload);
            NewEntry message = new NewEntry("message-" + i, new SourceCoordinates("exchange.share-requests", 0, i), at.plusMillis(i),
                    "SCH-OAKFIELD", EntryOutcome.ACCEPTED, 1, payload, EntryEncoding.sha256(payload), payload.length,
                    new EntryFacts("ShareRequest", "CASE-" + i, "SCH-OAKFIELD", List.of("LA-HULL"), "Priya Shah", null, "GIVEN",
                            at, at.plusSeconds(1), null, "REQ-" + i, List.of()), Set.of(), List.of(), "SCH-OAKFIELD",
                    new EntrySignature("SCH-OAKFIELD-1", at, signer.sign("message-" + i, payload, at)));
            var entry = chain.append(i + 1, message, EntryEncoding.sha256(SCHEMA.getBytes(StandardCharsets.UTF_8)));
            frontier.append(MerkleHasher.hashLeaf(entry.canonicalEncoding()));
            lines.add(ExportFormat.line((long) i, entry));
        }
        KeyPair key = CheckpointKeys.generate();
        Files.writeString(folder.resolve("checkpoint.note"), new CheckpointSigner(key)
                .sign(new Checkpoint("safeguarding-exchange/register", count, frontier.root(), at.plusSeconds(60))).toNote());
        Files.writeString(folder.resolve("key.pem"), CheckpointKeys.publicKeyToPem(key.getPublic()));
        return lines;
    }
}
