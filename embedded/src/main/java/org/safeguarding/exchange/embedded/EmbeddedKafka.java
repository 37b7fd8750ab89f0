package org.safeguarding.exchange.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Kafka's own KRaft server, one node acting as broker and controller, with its log in a folder that outlives the
 * process: a restart finds every topic, offset and transaction as it left them. Clients connect on the
 * {@value #CLIENT_LISTENER} listener at a fixed port; the {@value #CONTROLLER_LISTENER} listener takes a free port at
 * each start, which the static one-voter quorum allows. Both listeners are named, not PLAINTEXT, so that SASL can be
 * mapped onto them later.
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final String CLIENT_LISTENER = "CLIENT";
    public static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int NODE_ID = 1;
    private static final String HOST = "localhost";

    private final KafkaRaftServer server;
    private final int port;
    private boolean stopped;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a broker keeping its log in {@code logDir} (formatted on first use) and serving clients on
     * {@code port}, or on a free port when {@code port} is 0.
     *
     * @throws PortInUseException when {@code port} is taken
     */
    public static EmbeddedKafka start(Path logDir, int port) {
        int clientPort = port == 0 ? freePort() : port;
        // Checked first: Kafka treats a listener that cannot bind as a fatal fault and halts the JVM.
        requireFree(clientPort);
        int controllerPort = freePort();
        Path dir = logDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            KafkaConfig config = new KafkaConfig(serverProperties(dir, clientPort, controllerPort), false);
            if (!Files.exists(dir.resolve("meta.properties"))) {
                format(dir);
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, clientPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka log folder " + dir, e);
        }
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker and waits until it has closed its log, so that the next start needs no recovery. */
    @Override
    public synchronized void close() {
        if (!stopped) {
            stopped = true;
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static Map<String, Object> serverProperties(Path logDir, int clientPort, int controllerPort) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort);
        properties.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("inter.broker.listener.name", CLIENT_LISTENER);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("log.dirs", logDir.toString());
        // A message to a topic that does not exist is an error, not a new topic.
        properties.put("auto.create.topics.enable", "false");
        // One node: every internal topic has one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // The compacted internal topics of one local node are small; the default cleaner buffer takes 128 MiB of heap.
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return properties;
    }

    /** What {@code kafka-storage.sh format} does: writes meta.properties and the bootstrap metadata. */
    private static void format(Path logDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log folder " + logDir, e);
        }
    }

    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new PortInUseException(port, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the Kafka broker", e);
        }
    }

    /** The client port is taken, most often by another broker or an earlier run still going. */
    public static final class PortInUseException extends IllegalStateException {

        private final int port;

        PortInUseException(int port, IOException cause) {
            super("Port " + port + " is already in use", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }
}
