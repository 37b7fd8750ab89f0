package org.safeguarding.exchange.connect.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * A real Kafka Connect worker (distributed mode, one worker, one broker of its own), started once per test class. It
 * finds plugins by their ServiceLoader manifests only, as a worker with this plugin folder on its plugin.path would, so
 * a missing manifest fails the tests.
 */
public final class ConnectWorker {

    private ConnectWorker() {
    }

    public static EmbeddedConnectCluster start(String name) {
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.discovery", "service_load");
        worker.put("offset.flush.interval.ms", "500");
        worker.put("connector.client.config.override.policy", "All");
        // A stopped worker abandons a task still busy after this long, as a crashed one would, without committing.
        worker.put("task.shutdown.graceful.timeout.ms", "1000");
        EmbeddedConnectCluster cluster = (EmbeddedConnectCluster) new EmbeddedConnectCluster.Builder()
                .name(name).numWorkers(1).numBrokers(1).workerProps(worker).build();
        cluster.start();
        return cluster;
    }

    /** Waits until the condition holds, or fails naming what was awaited. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
