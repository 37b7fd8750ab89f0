package org.safeguarding.exchange.benchmarks;

import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Watches, while the pipeline runs, how far the signed checkpoints trail the register: every 250 ms, the register's
 * highest sequence against the sequence of the last entry the latest checkpoint covers. After the run, waits until a
 * checkpoint covers everything the run wrote. A checkpointer slower than the pipeline shows as a backlog that grows
 * through the run and takes long to clear; one that keeps up trails by about one checkpoint interval.
 */
final class CheckpointLag implements AutoCloseable {

    private static final String LAG = """
            select coalesce((select max(sequence) from register_entry), 0),
                   coalesce((select l.entry_sequence from register_leaf l
                             where l.leaf_index = (select max(tree_size) - 1 from register_checkpoint)), 0)""";

    private final JdbcTemplate jdbc;
    private final Thread sampler;
    private final long startSigned;
    private volatile long maxBacklog;
    private volatile boolean running = true;

    CheckpointLag(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.startSigned = sample()[1];
        this.sampler = new Thread(this::sampleUntilClosed, "checkpoint-lag");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The largest number of register sequences written but not yet under a signed checkpoint, seen during the run. */
    long maxBacklog() {
        return maxBacklog;
    }

    /**
     * Waits until the latest checkpoint covers the register's current end; returns the nanoseconds that took, or -1 if
     * it did not happen within {@code timeoutSeconds}. Also the count of sequences signed since this watch began.
     */
    CatchUp awaitSigned(int timeoutSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long target = sample()[0];
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            long[] now = sample();
            if (now[1] >= target) {
                return new CatchUp(System.nanoTime() - start, now[1] - startSigned);
            }
            Thread.sleep(50);
        }
        return new CatchUp(-1, sample()[1] - startSigned);
    }

    record CatchUp(long nanos, long sequencesSigned) {
    }

    private void sampleUntilClosed() {
        while (running) {
            long[] now = sample();
            maxBacklog = Math.max(maxBacklog, now[0] - now[1]);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long[] sample() {
        return jdbc.query(LAG, rs -> {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        });
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
