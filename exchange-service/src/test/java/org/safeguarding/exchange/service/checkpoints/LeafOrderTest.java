package org.safeguarding.exchange.service.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.checkpoints.internal.CheckpointProperties;
import org.safeguarding.exchange.service.checkpoints.internal.CheckpointPublisher;
import org.safeguarding.exchange.service.checkpoints.internal.CheckpointStore;
import org.safeguarding.exchange.service.checkpoints.internal.Checkpointer;
import org.safeguarding.exchange.service.checkpoints.internal.StoredCheckpoint;
import org.safeguarding.exchange.service.integrity.CheckpointSigner;
import org.safeguarding.exchange.service.integrity.LeafHashes;
import org.safeguarding.exchange.service.integrity.MerkleTreeHash;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leaves go to committed entries in sequence order even when a later sequence commits first, and two signers on one
 * database produce one tree and one run of checkpoints. Rounds are run by hand (no background signer).
 */
@TestPropertySource(properties = {"exchange.checkpoints.enabled=false", "exchange.checkpoints.every-entries=1"})
class LeafOrderTest extends ExchangeServiceTest {

    @Autowired
    private SharingRegister register;
    @Autowired
    private Checkpointer checkpointer;
    @Autowired
    private CheckpointStore store;
    @Autowired
    private CheckpointSigner signer;
    @Autowired
    private CheckpointProperties properties;
    @Autowired
    private CheckpointPublisher publisher;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private RegisterVerifier verifier;

    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void anEarlierSequenceStillInFlightHoldsBackTheTreeUntilItCommitsWithoutTheSignerHoldingWritersBack() throws Exception {
        checkpointer.round();
        long leavesBefore = leafCount();
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> slowWriter = slowWriter(commit);
        register.record(TestEntries.batch(5)); // later sequences, committed first

        long started = System.nanoTime();
        checkpointer.round();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("the round did not wait for the writer")
                .isLessThan(2_000);
        assertThat(leafCount()).as("no leaf while an earlier sequence is in flight").isEqualTo(leavesBefore);
        register.record(TestEntries.batch(3)); // a writer is not held back by the signer either

        commit.countDown();
        slowWriter.get(60, TimeUnit.SECONDS);
        checkpointer.round();

        assertEveryEntryHasALeafInSequenceOrder();
    }

    @Test
    void afterRoundsThatFoundWritersBusyARoundWaitsForThemSoTheTreeCannotStarve() throws Exception {
        checkpointer.round();
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> slowWriter = slowWriter(commit);
        for (int round = 1; round < properties.waitForWritersAfterRounds(); round++) {
            checkpointer.round();
        }

        Future<?> waitingRound = threads.submit(checkpointer::round);
        assertThat(waitsAtLeast(waitingRound, 2)).as("round " + properties.waitForWritersAfterRounds() + " waits").isTrue();
        commit.countDown();
        slowWriter.get(60, TimeUnit.SECONDS);
        waitingRound.get(60, TimeUnit.SECONDS);

        assertEveryEntryHasALeafInSequenceOrder();
    }

    /** A writer that records a batch and keeps its sequences in flight until {@code commit} opens. */
    private Future<?> slowWriter(CountDownLatch commit) throws InterruptedException {
        CountDownLatch recorded = new CountDownLatch(1);
        Future<?> writer = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            register.record(TestEntries.batch(5, "test.slow-writer"));
            recorded.countDown();
            await(commit);
        }));
        assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();
        return writer;
    }

    private long leafCount() {
        return jdbc().queryForObject("select count(*) from register_leaf", Long.class);
    }

    @Test
    void twoSignersOnOneDatabaseMakeOneTreeAndOneRunOfCheckpoints() throws Exception {
        Checkpointer other = new Checkpointer(store, register, signer, properties, publisher, Clock.systemUTC(), transactions);
        Future<?> writer = threads.submit(() -> {
            for (int i = 0; i < 30; i++) {
                register.record(TestEntries.batch(7));
            }
        });
        List<Future<Integer>> signers = new ArrayList<>();
        for (Checkpointer each : List.of(checkpointer, other)) {
            signers.add(threads.submit(() -> {
                int signed = 0;
                while (!writer.isDone()) {
                    signed += each.round().isPresent() ? 1 : 0;
                }
                return signed;
            }));
        }
        writer.get(120, TimeUnit.SECONDS);
        int signedByBoth = signers.get(0).get(60, TimeUnit.SECONDS) + signers.get(1).get(60, TimeUnit.SECONDS);
        checkpointer.round();

        assertEveryEntryHasALeafInSequenceOrder();
        List<StoredCheckpoint> checkpoints = store.all();
        assertThat(signedByBoth).isPositive();
        assertThat(checkpoints).extracting(StoredCheckpoint::treeSize).doesNotHaveDuplicates().isSorted();
        LeafHashes leaves = leafTable();
        for (StoredCheckpoint checkpoint : checkpoints) {
            assertThat(checkpoint.signed().checkpoint().rootHash()).as("root at " + checkpoint.treeSize())
                    .isEqualTo(MerkleTreeHash.root(leaves, checkpoint.treeSize()));
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    private void assertEveryEntryHasALeafInSequenceOrder() {
        List<Long> entrySequences = jdbc().queryForList("select sequence from register_entry order by sequence", Long.class);
        List<Long> leafSequences = jdbc().queryForList("select entry_sequence from register_leaf order by leaf_index", Long.class);
        List<Long> leafIndexes = jdbc().queryForList("select leaf_index from register_leaf order by leaf_index", Long.class);
        assertThat(leafSequences).isEqualTo(entrySequences);
        for (int i = 0; i < leafIndexes.size(); i++) {
            assertThat(leafIndexes.get(i)).isEqualTo(i);
        }
    }

    private LeafHashes leafTable() {
        List<byte[]> hashes = jdbc().queryForList("select leaf_hash from register_leaf order by leaf_index", byte[].class);
        return new LeafHashes() {
            @Override
            public long size() {
                return hashes.size();
            }

            @Override
            public byte[] leafHash(long index) {
                return hashes.get((int) index);
            }
        };
    }

    private static boolean waitsAtLeast(Future<?> future, int seconds) throws Exception {
        try {
            future.get(seconds, TimeUnit.SECONDS);
            return false;
        } catch (TimeoutException stillWaiting) {
            return true;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
