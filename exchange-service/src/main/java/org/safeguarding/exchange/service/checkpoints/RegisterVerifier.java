package org.safeguarding.exchange.service.checkpoints;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.safeguarding.exchange.service.checkpoints.internal.CheckpointStore;
import org.safeguarding.exchange.service.checkpoints.internal.HashedEntry;
import org.safeguarding.exchange.service.checkpoints.internal.StoredCheckpoint;
import org.safeguarding.exchange.service.checkpoints.internal.StreamingVerification;
import org.safeguarding.exchange.service.integrity.CheckpointVerifier;
import org.safeguarding.exchange.service.register.EntryEncoding;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.safeguarding.exchange.service.signatures.AgencyKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the whole register in leaf order, each entry beside its recorded leaf, from one database snapshot: to verify
 * it ({@link StreamingVerification}, with the schemas the registry holds now) or to export it ({@link ExportFormat},
 * with the schemas the entries name). Holds the leaf table in memory (about 40 bytes a
 * leaf) and streams the entries, one row at a time.
 */
@Service
public class RegisterVerifier {

    private final SharingRegister register;
    private final CheckpointStore store;
    private final CheckpointVerifier verifier;
    private final AgencyKeys agencyKeys;
    private final TransactionTemplate snapshot;

    RegisterVerifier(SharingRegister register, CheckpointStore store, CheckpointVerifier verifier, AgencyKeys agencyKeys,
            PlatformTransactionManager transactions) {
        this.register = register;
        this.agencyKeys = agencyKeys;
        this.store = store;
        this.verifier = verifier;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** Recomputes every chain link, entry hash and leaf hash, the root at every checkpoint and every signature. */
    public VerificationReport verify() {
        return snapshot.execute(status -> {
            Map<Integer, Optional<byte[]>> schemaHashes = new HashMap<>();
            StreamingVerification audit = new StreamingVerification(verifier, store.all().stream().map(StoredCheckpoint::signed).toList(),
                    id -> schemaHashes.computeIfAbsent(id, this::schemaSha256).orElse(null), "the registry", agencyKeys::find);
            inLeafOrder(new Visitor() {
                @Override
                public void leaf(long leafIndex, long sequence, byte[] leafHash, RegisterEntry entry) {
                    audit.leaf(leafIndex, sequence, leafHash, entry == null ? null : HashedEntry.of(entry));
                }

                @Override
                public void notYetInTree(RegisterEntry entry) {
                    audit.notYetInTree(HashedEntry.of(entry));
                }
            });
            return audit.finish();
        });
    }

    private Optional<byte[]> schemaSha256(int schemaId) {
        return register.schemaText(schemaId).map(text -> EntryEncoding.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes the verifiable export (JSON Lines, {@link ExportFormat}), the first entry naming each schema with the
     * schema's text; returns how many entries it wrote.
     */
    public long export(OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long[] written = {0};
        Set<Integer> schemasGiven = new HashSet<>();
        Function<RegisterEntry, String> schemaIfFirst = entry -> {
            Integer schemaId = entry.message().schemaId();
            return schemaId != null && schemasGiven.add(schemaId) ? register.schemaText(schemaId).orElse(null) : null;
        };
        snapshot.executeWithoutResult(status -> inLeafOrder(new Visitor() {
            @Override
            public void leaf(long leafIndex, long sequence, byte[] leafHash, RegisterEntry entry) {
                if (entry != null) {
                    write(writer, ExportFormat.line(leafIndex, entry, schemaIfFirst.apply(entry)));
                    written[0]++;
                }
            }

            @Override
            public void notYetInTree(RegisterEntry entry) {
                write(writer, ExportFormat.line(null, entry, schemaIfFirst.apply(entry)));
                written[0]++;
            }
        }));
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }

    private static void write(Writer writer, String line) {
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Visitor {
        /** A leaf, with its entry or null when the register no longer holds it. */
        void leaf(long leafIndex, long sequence, byte[] leafHash, RegisterEntry entry);

        void notYetInTree(RegisterEntry entry);
    }

    /**
     * Merges the leaf table with the entries, both in sequence order (leaf order is sequence order, see
     * {@link Checkpointer}): a leaf whose entry is gone is reported with none; an entry with no leaf is after the tree.
     */
    private void inLeafOrder(Visitor visitor) {
        Leaves leaves = new Leaves();
        store.forEachLeaf(rs -> leaves.add(rs.getLong(1), rs.getLong(2), rs.getBytes(3)));
        int[] next = {0};
        register.forEachInSequenceOrder(0, Long.MAX_VALUE, entry -> {
            while (next[0] < leaves.count && leaves.sequences[next[0]] < entry.sequence()) {
                visitor.leaf(leaves.indexes[next[0]], leaves.sequences[next[0]], leaves.hash(next[0]), null);
                next[0]++;
            }
            if (next[0] < leaves.count && leaves.sequences[next[0]] == entry.sequence()) {
                visitor.leaf(leaves.indexes[next[0]], entry.sequence(), leaves.hash(next[0]), entry);
                next[0]++;
            } else {
                visitor.notYetInTree(entry);
            }
        });
        for (; next[0] < leaves.count; next[0]++) {
            visitor.leaf(leaves.indexes[next[0]], leaves.sequences[next[0]], leaves.hash(next[0]), null);
        }
    }

    /** The leaf table in flat arrays: a million leaves in about 48 MB. */
    private static final class Leaves {
        private long[] indexes = new long[1024];
        private long[] sequences = new long[1024];
        private byte[] hashes = new byte[1024 * 32];
        private int count;

        void add(long index, long sequence, byte[] hash) {
            if (count == indexes.length) {
                indexes = Arrays.copyOf(indexes, count * 2);
                sequences = Arrays.copyOf(sequences, count * 2);
                hashes = Arrays.copyOf(hashes, count * 2 * 32);
            }
            indexes[count] = index;
            sequences[count] = sequence;
            System.arraycopy(hash, 0, hashes, count * 32, 32);
            count++;
        }

        byte[] hash(int i) {
            return Arrays.copyOfRange(hashes, i * 32, i * 32 + 32);
        }
    }
}
