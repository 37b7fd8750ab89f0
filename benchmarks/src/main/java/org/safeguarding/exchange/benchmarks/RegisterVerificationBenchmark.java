package org.safeguarding.exchange.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.safeguarding.exchange.service.checkpoints.ExportFormat;
import org.safeguarding.exchange.service.checkpoints.OfflineVerifier;
import org.safeguarding.exchange.service.checkpoints.VerificationReport;
import org.safeguarding.exchange.service.integrity.Checkpoint;
import org.safeguarding.exchange.service.integrity.CheckpointKeys;
import org.safeguarding.exchange.service.integrity.CheckpointSigner;
import org.safeguarding.exchange.service.integrity.MerkleFrontier;
import org.safeguarding.exchange.service.integrity.MerkleHasher;
import org.safeguarding.exchange.service.register.Chain;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.register.SourceCoordinates;

/**
 * Full verification of a register of a million entries, as the offline verifier does it: read the export (JSON Lines
 * with each message's bytes), recompute every payload hash, entry hash, chain link and leaf hash, the Merkle root, and
 * check the checkpoint's signature. One measurement is one whole verification.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegisterVerificationBenchmark {

    private static final int ENTRIES = 1_000_000;
    private static final int PAYLOAD_BYTES = 300;
    private static final int CHAINS = 4;

    private Path folder;
    private Path export;
    private Path checkpoint;
    private Path publicKey;

    /** Writes the export of a million-entry register in four chains, its signed checkpoint and the public key. */
    @Setup(Level.Trial)
    public void writeRegister() throws Exception {
        folder = Files.createTempDirectory("register-verification");
        export = folder.resolve("register.jsonl");
        SplittableRandom random = new SplittableRandom(6962);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        List<Chain> chains = new ArrayList<>();
        for (int c = 0; c < CHAINS; c++) {
            chains.add(Chain.empty("exchange.share-requests/" + c));
        }
        MerkleFrontier frontier = new MerkleFrontier();
        Instant at = Instant.parse("2026-11-21T09:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            for (int i = 0; i < ENTRIES; i++) {
                byte[] payload = new byte[PAYLOAD_BYTES];
                random.nextBytes(payload);
                int partition = i % CHAINS;
                NewEntry message = new NewEntry("message-" + i, new SourceCoordinates("exchange.share-requests", partition, i / CHAINS),
                        at.plusMillis(i), "SCH-OAKFIELD", EntryOutcome.ACCEPTED, 1, payload, sha256.digest(payload), PAYLOAD_BYTES,
                        new EntryFacts("ShareRequest", null, null, List.of(), null, null, null, null, null, null, null, List.of()),
                        Set.of(), List.of(), null, null);
                RegisterEntry entry = chains.get(partition).append(i + 1, message);
                frontier.append(MerkleHasher.hashLeaf(entry.canonicalEncoding()));
                out.write(ExportFormat.line((long) i, entry));
                out.write('\n');
            }
        }
        KeyPair key = CheckpointKeys.generate();
        checkpoint = Files.writeString(folder.resolve("checkpoint.note"), new CheckpointSigner(key)
                .sign(new Checkpoint("safeguarding-exchange/register", ENTRIES, frontier.root(), at.plusSeconds(3600))).toNote());
        publicKey = Files.writeString(folder.resolve("public-key.pem"), CheckpointKeys.publicKeyToPem(key.getPublic()));
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        for (Path file : List.of(export, checkpoint, publicKey, folder)) {
            Files.deleteIfExists(file);
        }
    }

    /** Verifies the whole export against the checkpoint; fails loudly if it does not verify. */
    @Benchmark
    public VerificationReport verifyMillionEntryExport() throws IOException {
        VerificationReport result = OfflineVerifier.verify(export, checkpoint, publicKey);
        if (!result.intact() || result.leavesChecked() != ENTRIES) {
            throw new IllegalStateException("the benchmark register does not verify: " + result.detail());
        }
        return result;
    }
}
