package org.safeguarding.exchange.service.checkpoints.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.safeguarding.exchange.service.integrity.Checkpoint;
import org.safeguarding.exchange.service.integrity.CheckpointSigner;
import org.safeguarding.exchange.service.integrity.MerkleFrontier;
import org.safeguarding.exchange.service.integrity.MerkleHasher;
import org.safeguarding.exchange.service.integrity.SignedCheckpoint;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grows the register's Merkle tree and signs it.
 *
 * <p><b>Leaf order.</b> Sequence numbers are allocated before commit and several writers commit at once, so sequence
 * 12 can be visible while 11 is still in flight. A leaf index, once given, never changes; so leaves are only given to
 * entries at or below the register's committed watermark ({@link SharingRegister#committedWatermark()}): the highest
 * sequence allocated, read while no writer holds an uncommitted sequence (writers hold a shared advisory lock from
 * allocation to commit; the watermark read takes it exclusively). Every entry at or below it is committed or will
 * never exist, so giving leaves in sequence order up to it leaves no gap that a late commit could fill. Leaf order is
 * therefore sequence order, always. Waiting for that lock would queue every new batch behind the slowest one in
 * flight (half a second and more under load), so a round only tries it, a few times; after
 * {@code wait-for-writers-after-rounds} rounds without an idle instant, a round waits, so the tree never starves.
 *
 * <p><b>One signer.</b> Each round runs in one transaction holding a second advisory lock, taken with try-lock: with
 * several instances on one database, one signs and the others skip the round. The leaf and checkpoint tables' primary
 * keys would refuse a second writer anyway, so the tree cannot fork.
 *
 * <p><b>Checkpoints.</b> A round signs when {@code every-entries} leaves are waiting, or {@code every-seconds} have
 * passed since the last checkpoint and any leaf is waiting. The frontier resumes from the last checkpoint (kept with
 * it) plus the leaves after it, so no round rereads the tree.
 */
@Component
public class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    private static final int LEAVES_PER_INSERT = 10_000;
    private static final int IDLE_TRIES_PER_ROUND = 10;
    private static final long PAUSE_BETWEEN_IDLE_TRIES_MILLIS = 5;

    private final CheckpointStore store;
    private final SharingRegister register;
    private final CheckpointSigner signer;
    private final CheckpointProperties properties;
    private final CheckpointPublisher publisher;
    private final Clock clock;
    private final TransactionTemplate transaction;
    /** Rounds in a row that found batches in flight at every try. */
    private final AtomicInteger busyRounds = new AtomicInteger();
    private ScheduledExecutorService schedule;

    public Checkpointer(CheckpointStore store, SharingRegister register, CheckpointSigner signer, CheckpointProperties properties,
            CheckpointPublisher publisher, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.register = register;
        this.signer = signer;
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (!properties.enabled() || schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "register-checkpointer"));
        schedule.scheduleWithFixedDelay(this::roundLoggingFailures, properties.pollMillis(), properties.pollMillis(), TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    public synchronized void stop() throws InterruptedException {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule.awaitTermination(30, TimeUnit.SECONDS);
            schedule = null;
        }
    }

    private void roundLoggingFailures() {
        try {
            round();
        } catch (RuntimeException e) {
            log.error("Register checkpoint round failed; retrying in {} ms", properties.pollMillis(), e);
        }
    }

    /**
     * One round: gives leaves to newly committed entries, signs a checkpoint when one is due, then publishes every
     * checkpoint not yet published (this one, and any an earlier round or instance signed but could not publish).
     * Returns the checkpoint signed, or empty (nothing due, or another instance is signing).
     */
    public Optional<SignedCheckpoint> round() {
        Optional<SignedCheckpoint> signed = signDue();
        publisher.publishUnpublished();
        return signed;
    }

    /** The first half of a round: leaves and, when due, a checkpoint, committed but not yet published. */
    public Optional<SignedCheckpoint> signDue() {
        return transaction.execute(status -> extendAndSign()).map(StoredCheckpoint::signed);
    }

    private Optional<StoredCheckpoint> extendAndSign() {
        if (!store.tryLockSigner()) {
            return Optional.empty();
        }
        CheckpointStore.LeafCount count = store.leafCount();
        Optional<StoredCheckpoint> last = store.latest();
        long signedSize = last.map(StoredCheckpoint::treeSize).orElse(0L);
        if (count.leaves() < signedSize) {
            throw new IllegalStateException("The leaf table holds " + count.leaves() + " leaves but checkpoint " + signedSize
                    + " covers more: leaves were removed. Refusing to sign; see GET /api/register/verify");
        }
        OptionalLong watermark = watermark();
        long leaves = watermark.isPresent() ? appendLeaves(count, watermark.getAsLong()) : count.leaves();
        long waiting = leaves - signedSize;
        if (waiting == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        boolean due = last.isEmpty() || waiting >= properties.everyEntries()
                || !now.isBefore(last.get().signed().checkpoint().issuedAt().plusSeconds(properties.everySeconds()));
        if (!due) {
            return Optional.empty();
        }
        MerkleFrontier frontier = last.map(StoredCheckpoint::restoreFrontier).orElseGet(MerkleFrontier::new);
        for (long from = signedSize; from < leaves; from += LEAVES_PER_INSERT) {
            store.leafHashes(from, Math.min(leaves, from + LEAVES_PER_INSERT)).forEach(frontier::append);
        }
        SignedCheckpoint checkpoint = signer.sign(new Checkpoint(properties.origin(), leaves, frontier.root(), now));
        StoredCheckpoint stored = new StoredCheckpoint(checkpoint, StoredCheckpoint.frontierBytes(frontier));
        store.insert(stored);
        return Optional.of(stored);
    }

    /** The register's committed watermark, or empty when this round found no idle instant and need not wait for one. */
    private OptionalLong watermark() {
        for (int tries = 0; tries < IDLE_TRIES_PER_ROUND; tries++) {
            OptionalLong idle = register.committedWatermarkIfIdle();
            if (idle.isPresent()) {
                busyRounds.set(0);
                return idle;
            }
            try {
                Thread.sleep(PAUSE_BETWEEN_IDLE_TRIES_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalLong.empty();
            }
        }
        if (busyRounds.incrementAndGet() < properties.waitForWritersAfterRounds()) {
            return OptionalLong.empty();
        }
        busyRounds.set(0);
        return OptionalLong.of(register.committedWatermark());
    }

    /** Gives the next leaf indexes to the entries after the last leaf, up to the watermark; returns the leaf count. */
    private long appendLeaves(CheckpointStore.LeafCount count, long watermark) {
        long[] next = {count.leaves()};
        List<CheckpointStore.Leaf> pending = new ArrayList<>();
        register.forEachHashableInSequenceOrder(count.lastSequence(), watermark, entry -> {
            pending.add(new CheckpointStore.Leaf(entry.sequence(), MerkleHasher.hashLeaf(entry.canonicalEncoding())));
            if (pending.size() == LEAVES_PER_INSERT) {
                store.insertLeaves(next[0], pending);
                next[0] += pending.size();
                pending.clear();
            }
        });
        store.insertLeaves(next[0], pending);
        return next[0] + pending.size();
    }
}
