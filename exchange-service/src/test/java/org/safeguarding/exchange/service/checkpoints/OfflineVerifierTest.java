package org.safeguarding.exchange.service.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
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
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.SourceCoordinates;

/** The offline verifier over an export of several megabytes: read in blocks, lines cut across blocks, hashed in parallel. */
class OfflineVerifierTest {

    private static final int ENTRIES = 6_000;

    @TempDir
    Path folder;

    @Test
    void aLargeExportVerifiesWholeAndAChangedEntryFarIntoItIsNamed() throws IOException {
        List<String> lines = exportLines();
        Path export = Files.write(folder.resolve("register.jsonl"), lines, StandardCharsets.UTF_8);
        assertThat(Files.size(export)).as("spans several read blocks").isGreaterThan(3L << 20);

        VerificationReport intact = OfflineVerifier.verify(export, folder.resolve("checkpoint.note"), folder.resolve("key.pem"));
        assertThat(intact.intact()).as(intact.detail()).isTrue();
        assertThat(intact.leavesChecked()).isEqualTo(ENTRIES);
        assertThat(intact.entriesChecked()).isEqualTo(ENTRIES);

        // Entry 4,321 (sequence 4,322) claims another sender: found there, though it sits deep in a later block.
        int changed = 4_321;
        lines.set(changed, lines.get(changed).replace("\"sender\":\"SCH-OAKFIELD\"", "\"sender\":\"SCH-NEWLAND\""));
        Path tampered = Files.write(folder.resolve("tampered.jsonl"), lines, StandardCharsets.UTF_8);
        VerificationReport result = OfflineVerifier.verify(tampered, folder.resolve("checkpoint.note"), folder.resolve("key.pem"));
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBadSequence()).isEqualTo(changed + 1L);
        assertThat(result.firstBadLeafIndex()).isEqualTo((long) changed);
    }

    private List<String> exportLines() throws IOException {
        Random random = new Random(42);
        Chain chain = Chain.empty("exchange.share-requests/0");
        MerkleFrontier frontier = new MerkleFrontier();
        Instant at = Instant.parse("2026-11-21T09:00:00Z");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            byte[] payload = new byte[400 + random.nextInt(200)];
            random.nextBytes(payload);
            NewEntry message = new NewEntry("message-" + i, new SourceCoordinates("exchange.share-requests", 0, i), at.plusMillis(i),
                    "SCH-OAKFIELD", EntryOutcome.ACCEPTED, 1, payload, EntryEncoding.sha256(payload), payload.length, null,
                    new EntryFacts("ShareRequest", null, null, List.of(), null, null, null, null, null, null, null), Set.of(), List.of());
            var entry = chain.append(i + 1, message);
            frontier.append(MerkleHasher.hashLeaf(entry.canonicalEncoding()));
            lines.add(ExportFormat.line((long) i, entry));
        }
        KeyPair key = CheckpointKeys.generate();
        Files.writeString(folder.resolve("checkpoint.note"), new CheckpointSigner(key)
                .sign(new Checkpoint("safeguarding-exchange/register", ENTRIES, frontier.root(), at.plusSeconds(60))).toNote());
        Files.writeString(folder.resolve("key.pem"), CheckpointKeys.publicKeyToPem(key.getPublic()));
        return lines;
    }
}
