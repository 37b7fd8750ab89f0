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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Kafka's own KRaft server, one node acting as broker and controller, with its log in a folder that outlives the
 * process: a restart finds every topic, offset and transaction as it left them. Clients connect on the
 * {@value #CLIENT_LISTENER} listener at a fixed port; the {@value #CONTROLLER_LISTENER} listener takes a free port at
 * each start, which the static one-voter quorum allows.
 * <p>
 * Nobody is anonymous: both listeners take SASL only. Clients sign in with SCRAM-SHA-512 (the service and the
 * agencies, users created at run time with {@link #addScramUser}); the broker's own administrator, a super user, signs
 * in with PLAIN against the password the listeners are given ({@link BrokerCredentials}), which is also how the broker
 * talks to its controller. Kafka's {@code StandardAuthorizer} refuses whatever no ACL allows.
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final String CLIENT_LISTENER = "CLIENT";
    public static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int NODE_ID = 1;
    private static final String HOST = "localhost";
    /** Kafka's least for SCRAM-SHA-512; the passwords are long and random, so more rounds would buy little. */
    private static final int SCRAM_ITERATIONS = 4096;

    private final KafkaRaftServer server;
    private final int port;
    private final BrokerCredentials credentials;
    private boolean stopped;

    private EmbeddedKafka(KafkaRaftServer server, int port, BrokerCredentials credentials) {
        this.server = server;
        this.port = port;
        this.credentials = credentials;
    }

    /**
     * Starts a broker keeping its log in {@code logDir} (formatted on first use) and serving clients on
     * {@code port}, or on a free port when {@code port} is 0, with {@code credentials}' administrator as its super user.
     *
     * @throws PortInUseException when {@code port} is taken
     */
    public static EmbeddedKafka start(Path logDir, int port, BrokerCredentials credentials) {
        int clientPort = port == 0 ? freePort() : port;
        // Checked first: Kafka treats a listener that cannot bind as a fatal fault and halts the JVM.
        requireFree(clientPort);
        int controllerPort = freePort();
        Path dir = logDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            KafkaConfig config = new KafkaConfig(serverProperties(dir, clientPort, controllerPort, credentials), false);
            if (!Files.exists(dir.resolve("meta.properties"))) {
                format(dir, NODE_ID, CONTROLLER_LISTENER);
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, clientPort, credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka log folder " + dir, e);
        }
    }

    /**
     * Kafka's own KRaft server with exactly these server properties, one node, its log in {@code logDir} (formatted on
     * first use): for a test that checks another deployment's broker settings, such as the production stack's. The
     * properties name every listener; closing the result stops the server.
     */
    public static AutoCloseable startConfigured(Path logDir, Map<String, Object> serverProperties) {
        Path dir = logDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka log folder " + dir, e);
        }
        Map<String, Object> properties = new HashMap<>(serverProperties);
        properties.put("log.dirs", dir.toString());
        KafkaConfig config = new KafkaConfig(properties, false);
        if (!Files.exists(dir.resolve("meta.properties"))) {
            format(dir, Integer.parseInt(String.valueOf(properties.get("node.id"))),
                    String.valueOf(properties.get("controller.listener.names")).split(",")[0]);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return () -> {
            server.shutdown();
            server.awaitShutdown();
        };
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** What a Kafka client signing in as the broker's administrator (a super user) needs, bootstrap servers included. */
    public Map<String, Object> adminClientConfig() {
        Map<String, Object> config = new HashMap<>(credentials.adminClientSettings());
        config.put("bootstrap.servers", bootstrapServers());
        return config;
    }

    /**
     * Creates the SCRAM-SHA-512 user, or gives it this password if it exists, and returns once the user can sign in:
     * the broker learns of the credential a moment after its controller has stored it, and a client refused in between
     * would not try again.
     */
    public void addScramUser(String user, String password) {
        try (Admin admin = Admin.create(adminClientConfig())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)))
                    .all().get(30, TimeUnit.SECONDS);
            Map<String, Object> asUser = new HashMap<>(BrokerCredentials.scramClientSettings(user, password));
            asUser.put("bootstrap.servers", bootstrapServers());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try (Admin signedIn = Admin.create(asUser)) {
                    signedIn.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof SaslAuthenticationException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(20);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka user " + user, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the Kafka user " + user + ": " + e.getMessage(), e);
        }
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

    private static Map<String, Object> serverProperties(Path logDir, int clientPort, int controllerPort,
            BrokerCredentials credentials) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort);
        properties.put("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        properties.put("inter.broker.listener.name", CLIENT_LISTENER);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        // Clients: SCRAM. PLAIN only for the administrator, whose password is in the listener's own user list, and for
        // the broker's calls to itself and to its controller.
        String admin = BrokerCredentials.ADMIN_USER;
        String password = credentials.adminPassword();
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin
                + "\" password=\"" + password + "\" user_" + admin + "=\"" + password + "\";";
        properties.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512");
        properties.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        properties.put("sasl.mechanism.controller.protocol", "PLAIN");
        properties.put("listener.name.client.plain.sasl.jaas.config", plain);
        properties.put("listener.name.client.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        properties.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        properties.put("listener.name.controller.plain.sasl.jaas.config", plain);
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("super.users", "User:" + admin);
        properties.put("allow.everyone.if.no.acl.found", "false");
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
    private static void format(Path logDir, int nodeId, String controllerListener) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(controllerListener)
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
