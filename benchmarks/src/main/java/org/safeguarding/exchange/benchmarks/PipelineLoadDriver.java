package org.safeguarding.exchange.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.benchmarks.LoadKafka.CommittedCounter;
import org.safeguarding.exchange.testing.MixedTraffic.Message;
import org.safeguarding.exchange.embedded.BrokerCredentials;
import org.safeguarding.exchange.embedded.EmbeddedKafka;
import org.safeguarding.exchange.service.signatures.AgencyKeys;
import org.safeguarding.exchange.signing.SigningKey;
import org.safeguarding.exchange.service.ExchangeApplication;
import org.safeguarding.exchange.service.deadlines.DeadlineQueries;
import org.safeguarding.exchange.service.deadlines.ReminderScheduler;
import org.safeguarding.exchange.service.security.Role;
import org.safeguarding.exchange.service.security.UserAccounts;
import org.safeguarding.exchange.testing.MixedTraffic;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Measures, on one machine and in one run, what the exchange sustains and what it is compared with:
 * <ol>
 *   <li>the pipeline end to end: mixed valid messages from agencies through broker, service and PostgreSQL, timed
 *       from the first send to the last receipt a read_committed reader sees; the register is then checked to hold
 *       exactly one entry per message;</li>
 *   <li>the raw pipe ({@link RawPipe}): the same transactional consume-produce shape with no work in it, the limit
 *       of the machine;</li>
 *   <li>a naive processor ({@link NaiveProcessor}): one autocommitted insert and one synchronous send per message;</li>
 *   <li>latency from send to the recipient's inbox at a steady rate ({@link InboxLatency}).</li>
 * </ol>
 * With no arguments it starts its own broker, PostgreSQL (in a fresh temporary directory, removed afterwards) and
 * the service in this process. Options ({@code --name=value}): {@code messages} (200000), {@code warmup-messages}
 * (20000), {@code naive-messages} (20000), {@code latency-rate} (1000), {@code latency-seconds} (30),
 * {@code bootstrap-servers} (with {@code client.<Kafka setting>} for how the driver's clients sign in to it) and
 * {@code jdbc-url} (+ {@code jdbc-username}, {@code jdbc-password}) to use running ones,
 * {@code keep-data} (true keeps the data directory), {@code profile} (true samples the intake threads' stacks
 * during the pipeline and latency runs), {@code only} (comma-separated of pipeline, floor, raw, naive, latency, raw-latency), and
 * {@code service.<property>} to set any property of the service under test, {@code pg-statements} (true prints
 * the statements PostgreSQL spent its time on in each measurement, from pg_stat_statements). After the pipeline run,
 * {@code floor} ({@link RegisterWriteFloor}, {@code floor-entries} of the run's entries, 100000) measures the least
 * PostgreSQL spends to store an entry, and with the raw pipe's CPU per message the ceiling the two imply.
 */
public final class PipelineLoadDriver {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private final Map<String, String> options;
    private final List<Figure> figures = new ArrayList<>();
    /** This process's CPU time when the current measurement began: broker, service and driver all run in it. */
    private long cpuMark;
    private long postgresCpuMark;
    private ThreadCpu threadCpuMark = ThreadCpu.mark();
    private BrokerRequests brokerRequestsMark = BrokerRequests.mark();
    private long markNanos = System.nanoTime();
    /** From the same run, for the ceiling they imply together; unset when not measured. */
    private RegisterWriteFloor.Result registerFloor;
    private double rawCpuMicrosPerMessage;

    private PipelineLoadDriver(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // Before any logging or Avro class loads: plain console logging at WARN, and Avro trusting the contract classes.
        System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The in-process broker's own chatter, and its noisy shutdown, would bury the figures.
        for (String broker : List.of("kafka", "org.apache.kafka.storage", "org.apache.kafka.common.utils.Utils",
                "org.apache.kafka.server", "org.apache.kafka.controller", "org.apache.kafka.raft")) {
            System.setProperty("org.slf4j.simpleLogger.log." + broker, System.getProperty("org.slf4j.simpleLogger.log." + broker, "off"));
        }
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES",
                    "java.lang,java.math,java.io,java.net,org.apache.avro.reflect,exchange.v1");
        }
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int status = 1;
        try {
            status = new PipelineLoadDriver(options).run() ? 0 : 2;
        } catch (Throwable failure) {
            // Printed here: the exit below (which stops the broker's and service's threads) would otherwise swallow it.
            failure.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    private int intOption(String name, int defaultValue) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(defaultValue)));
    }

    /** An option given as {@code --name=true}; absent means false. */
    private boolean flag(String name) {
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }

    /** Starts a measurement's CPU accounting: {@link #figure} reports the CPU used since. */
    private void markCpu() {
        cpuMark = processCpuNanos();
        postgresCpuMark = PostgresCpu.nanos();
        threadCpuMark = ThreadCpu.mark();
        brokerRequestsMark = BrokerRequests.mark();
        markNanos = System.nanoTime();
    }

    private boolean runs(String measurement) {
        String only = options.get("only");
        return only == null || List.of(only.split(",")).contains(measurement);
    }

    private boolean run() throws Exception {
        int messageCount = intOption("messages", 200_000);
        int warmupCount = intOption("warmup-messages", 20_000);
        int naiveCount = intOption("naive-messages", 20_000);
        int latencyRate = intOption("latency-rate", 1_000);
        int latencySeconds = intOption("latency-seconds", 30);
        int latencyWarmupSeconds = intOption("latency-warmup-seconds", 5);

        System.out.printf("Machine: %d processors, load average %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        Path dataDir = Files.createTempDirectory("exchange-load-");
        // A fresh broker on a free port unless one is named: each run measures from empty topics.
        // With SASL and ACLs on, as the embedded default runs: the service signs in as its own user and applies the ACLs.
        BrokerCredentials credentials = BrokerCredentials.in(dataDir);
        EmbeddedKafka kafka = options.containsKey("bootstrap-servers") ? null
                : EmbeddedKafka.start(dataDir.resolve("kafka"), 0, credentials);
        String bootstrap = kafka == null ? options.get("bootstrap-servers") : kafka.bootstrapServers();
        List<String> serviceArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--exchange.embedded.data-dir=" + dataDir,
                "--exchange.instance-id=load-" + UUID.randomUUID()));
        if (kafka != null) {
            kafka.addScramUser(BrokerCredentials.SERVICE_USER, credentials.servicePassword());
            credentials.serviceClientSettings().forEach((key, value) -> serviceArgs.add(key.equals("security.protocol")
                    ? "--spring.kafka.security.protocol=" + value : "--spring.kafka.properties." + key + "=" + value));
            credentials.adminClientSettings().forEach((key, value) -> serviceArgs.add("--exchange.access.admin." + key + "=" + value));
        }
        if (flag("pg-statements")) {
            serviceArgs.add("--exchange.embedded.postgres.settings.shared_preload_libraries=pg_stat_statements");
        }
        // --service.<property>=<value> sets a property of the service under test, to try other settings.
        options.forEach((name, value) -> {
            if (name.startsWith("service.")) {
                serviceArgs.add("--" + name.substring("service.".length()) + "=" + value);
            }
        });
        if (options.containsKey("jdbc-url")) {
            serviceArgs.add("--spring.datasource.url=" + options.get("jdbc-url"));
            serviceArgs.add("--spring.datasource.username=" + options.getOrDefault("jdbc-username", ""));
            serviceArgs.add("--spring.datasource.password=" + options.getOrDefault("jdbc-password", ""));
        }
        boolean allMet = true;
        try (ConfigurableApplicationContext service = SpringApplication.run(ExchangeApplication.class, serviceArgs.toArray(String[]::new))) {
            Environment env = service.getEnvironment();
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            String registryUrl = "http://localhost:" + port + env.getProperty("exchange.registry.base-path", "/registry");
            System.out.printf("Service up: Kafka %s, PostgreSQL %s, registry %s%n", bootstrap,
                    env.getProperty("spring.datasource.url"), registryUrl);
            awaitIntakeAssigned(service);
            LoadKafka.Clients clients = clients(kafka, bootstrap, dataDir);

            List<Message> messages;
            List<Message> warmup;
            List<Message> steady;
            // The encoder finds the intake subjects the service registered at start-up, as an agency user of its own.
            String encoderPassword = service.getBean(UserAccounts.class).addGeneratedUser("load-driver", Set.of(Role.AGENCY), "LOAD-DRIVER");
            Map<String, Object> encoderSettings = new HashMap<>(clients.sender());
            encoderSettings.put("schema.registry.url", registryUrl);
            encoderSettings.put("basic.auth.credentials.source", "USER_INFO");
            encoderSettings.put("basic.auth.user.info", "load-driver:" + encoderPassword);
            try (AgencyClient encoder = new AgencyClient("LOAD-DRIVER", encoderSettings)) {
                // Only what the chosen measurements send: encoding a quarter of a million records takes a while.
                boolean throughput = runs("pipeline") || runs("raw") || runs("naive");
                // Signed as each agency's own client would, with the keys the service made for them (signing is the
                // agencies' cost, so it happens here, up front, like encoding).
                Map<String, SigningKey> keys = MixedTraffic.signingKeys(dataDir.resolve(AgencyKeys.GENERATED_FOLDER));
                messages = throughput ? MixedTraffic.prepare(encoder, messageCount, 20_000, 1, keys) : List.of();
                warmup = runs("pipeline") ? MixedTraffic.prepare(encoder, warmupCount, 4_000, 2, keys) : List.of();
                steady = runs("latency") || runs("raw-latency") ? MixedTraffic.prepare(encoder, latencyRate * (latencySeconds + latencyWarmupSeconds), 4_000, 3, keys)
                        : List.of();
            }
            List<Message> prepared = messages.isEmpty() ? steady : messages;
            long bytes = prepared.stream().mapToLong(m -> m.value().length).sum();
            System.out.printf("Prepared %d messages, %d bytes on average (%d to %d)%n", prepared.size(), bytes / Math.max(1, prepared.size()),
                    prepared.stream().mapToInt(m -> m.value().length).min().orElse(0),
                    prepared.stream().mapToInt(m -> m.value().length).max().orElse(0));
            List<String> receipts = MixedTraffic.AGENCIES.stream().map(a -> "agency." + a + ".receipts").toList();
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            System.out.printf("PostgreSQL %s, synchronous_commit=%s, fsync=%s%n",
                    jdbc.queryForObject("show server_version", String.class),
                    jdbc.queryForObject("show synchronous_commit", String.class), jdbc.queryForObject("show fsync", String.class));

            double pipelineRate = 0;
            if (runs("pipeline")) {
                System.out.printf("Warm-up: %d messages through the pipeline%n", warmup.size());
                throughPipeline(clients, receipts, warmup);
                long lastSequence = jdbc.queryForObject("select coalesce(max(sequence), 0) from register_entry", Long.class);
                System.out.printf("Pipeline: %d messages%n", messages.size());
                resetStatements(jdbc);
                IntakePhases phases = IntakePhases.mark(service.getBean(MeterRegistry.class));
                markCpu();
                long nanos;
                CheckpointLag checkpointLag = new CheckpointLag(jdbc);
                if (flag("profile")) {
                    try (StackSampler sampler = new StackSampler("exchange-intake")) {
                        nanos = throughPipeline(clients, receipts, messages);
                    }
                } else {
                    nanos = throughPipeline(clients, receipts, messages);
                }
                checkpointLag.close();
                phases.print();
                printStatements(jdbc);
                printRegisterStorage(jdbc);
                printDeadlineQueries(service);
                pipelineRate = rate(messages.size(), nanos);
                int everySeconds = env.getProperty("exchange.checkpoints.every-seconds", Integer.class, 10);
                int catchUpGoal = everySeconds + 5;
                long entries = jdbc.queryForObject("select count(*) from register_entry where sequence > ?", Long.class, lastSequence);
                List<Map<String, Object>> outcomes = jdbc.queryForList(
                        "select outcome, count(*) as n from register_entry where sequence > ? group by outcome order by outcome", lastSequence);
                long accepted = jdbc.queryForObject("select count(*) from register_entry where sequence > ? and outcome = 'ACCEPTED'",
                        Long.class, lastSequence);
                // Valid traffic: a rejection here means the load is not what it claims to be, and the figure would flatter.
                boolean registered = entries == messages.size() && accepted == entries;
                System.out.printf("Register: %d new entries for %d messages (%s) %s%n", entries, messages.size(), outcomes,
                        registered ? "OK" : "MISMATCH");
                allMet &= registered;
                allMet &= figure("Pipeline, send -> committed receipt", messages.size(), nanos,
                        String.format("%,.0f msg/s", pipelineRate), ">= 20,000 msg/s", pipelineRate >= 20_000);
                CheckpointLag.CatchUp catchUp = checkpointLag.awaitSigned(120);
                // Keeping up: while the pipeline runs at its peak, the signed tree trails by about one checkpoint's worth,
                // and everything the run wrote is signed within one checkpoint interval (plus a poll) of its end.
                boolean keptUp = catchUp.nanos() >= 0 && catchUp.nanos() <= TimeUnit.SECONDS.toNanos(catchUpGoal);
                allMet &= figure("Checkpointing during that run", (int) catchUp.sequencesSigned(), nanos + Math.max(catchUp.nanos(), 0),
                        String.format("max %,d unsigned; all signed %s after", checkpointLag.maxBacklog(),
                                catchUp.nanos() < 0 ? "not within 120 s" : String.format("%.1f s", catchUp.nanos() / 1e9)),
                        String.format("signed <= %d s after", catchUpGoal), keptUp);
                if (runs("floor")) {
                    registerFloor = measureRegisterWriteFloor(service.getBean(DataSource.class), lastSequence,
                            intOption("floor-entries", 100_000), env.getProperty("spring.kafka.consumer.max-poll-records", Integer.class, 1_000));
                }
            }
            if (runs("raw")) {
                System.out.printf("Raw pipe: %d messages%n", messages.size());
                markCpu();
                long nanos = throughRawPipe(clients, messages, env);
                double rawRate = rate(messages.size(), nanos);
                figure("Raw transactional pipe (machine limit)", messages.size(), nanos,
                        String.format("%,.0f msg/s", rawRate), "(reference)", true);
                // Less the JIT compiler's threads: compiling the pipe's code is a cost of a young JVM, not of a message.
                Figure raw = figures.get(figures.size() - 1);
                double jitSeconds = threadCpuMark.nanosSince(group -> group.contains("CompilerThre")) / 1e9;
                rawCpuMicrosPerMessage = (raw.cpuSeconds() - jitSeconds + raw.postgresSeconds()) * 1e6 / messages.size();
            }
            if (runs("naive")) {
                LoadKafka.createTopics(clients.admin(), List.of(new NewTopic(NaiveProcessor.OUTPUT, 1, (short) 1)));
                if (!runs("pipeline")) {
                    // The naive processor reads what agencies sent; without the pipeline run, put some there first.
                    throughPipeline(clients, receipts, messages.subList(0, naiveCount));
                }
                System.out.printf("Naive processor: %d messages%n", naiveCount);
                markCpu();
                long nanos = NaiveProcessor.run(clients.admin(), service.getBean(DataSource.class), naiveCount);
                double naiveRate = rate(naiveCount, nanos);
                String goal = pipelineRate > 0 ? String.format("pipeline %.1fx (>= 10x)", pipelineRate / naiveRate) : "(pipeline not run)";
                allMet &= figure("Naive: insert + sync send per message", naiveCount, nanos,
                        String.format("%,.0f msg/s", naiveRate), goal, pipelineRate == 0 || pipelineRate >= 10 * naiveRate);
            }
            if (runs("latency")) {
                System.out.printf("Latency: %d msg/s for %d s (after %d s warm-up)%n", latencyRate, latencySeconds, latencyWarmupSeconds);
                markCpu();
                resetStatements(jdbc);
                IntakePhases phases = IntakePhases.mark(service.getBean(MeterRegistry.class));
                InboxLatency.Result result;
                if (flag("profile")) {
                    try (StackSampler sampler = new StackSampler("exchange-intake")) {
                        result = InboxLatency.run(clients, steady, latencyRate, latencyWarmupSeconds, latencySeconds);
                    }
                } else {
                    result = InboxLatency.run(clients, steady, latencyRate, latencyWarmupSeconds, latencySeconds);
                }
                phases.print();
                printStatements(jdbc);
                allMet &= result.lost() == 0;
                allMet &= figure(String.format("Send -> inbox, %.0f msg/s (%d timed, %d lost)", result.achievedRate(),
                                result.timed(), result.lost()), result.timed(), TimeUnit.SECONDS.toNanos(latencySeconds),
                        result.percentiles(),
                        "p99 <= 100 ms", result.p99Micros() <= 100_000);
            }
            if (runs("raw-latency")) {
                System.out.printf("Raw pipe latency: %d msg/s for %d s (after %d s warm-up)%n", latencyRate, latencySeconds,
                        latencyWarmupSeconds);
                markCpu();
                InboxLatency.Result result = rawPipeLatency(clients, steady, latencyRate, latencyWarmupSeconds, latencySeconds, env);
                figure(String.format("Raw pipe send -> inbox, %.0f msg/s (%d timed)", result.achievedRate(), result.timed()),
                        result.timed(), TimeUnit.SECONDS.toNanos(latencySeconds),
                        result.percentiles(), "(reference)", true);
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            if (!flag("keep-data")) {
                deleteRecursively(dataDir);
            }
        }
        printSummary(allMet);
        printCeiling();
        return allMet;
    }

    /** PostgreSQL's least cost per entry for the register's rows, in each of the table's shapes. */
    private RegisterWriteFloor.Result measureRegisterWriteFloor(DataSource dataSource, long afterSequence, int count, int perTransaction)
            throws Exception {
        RegisterWriteFloor floor = RegisterWriteFloor.of(dataSource, afterSequence, count, perTransaction);
        System.out.printf("Register write floor: %,d of the run's entries, by binary COPY, %,d per committed transaction%n",
                floor.entries(), perTransaction);
        RegisterWriteFloor.Result asRegister = null;
        for (RegisterWriteFloor.Shape shape : RegisterWriteFloor.Shape.values()) {
            markCpu();
            RegisterWriteFloor.Result result = floor.measure(shape);
            figure("Register write floor: " + shape.description, result.entries(), result.nanos(),
                    String.format("%.1f us PG backend cpu per entry", result.cpuMicrosPerEntry()), "(reference)", true);
            if (shape == RegisterWriteFloor.Shape.ALL_INDEXES) {
                asRegister = result;
            }
        }
        return asRegister;
    }

    /**
     * What the machine could sustain at best: every message costs at least the raw pipe's CPU (Kafka alone) plus the
     * register write floor's (PostgreSQL alone), before any of the exchange's own work.
     */
    private void printCeiling() {
        if (registerFloor == null || rawCpuMicrosPerMessage == 0) {
            return;
        }
        int processors = Runtime.getRuntime().availableProcessors();
        double perMessage = rawCpuMicrosPerMessage + registerFloor.cpuMicrosPerEntry();
        System.out.printf("Ceiling: raw pipe %.1f us (less the JIT compiler) + register write floor %.1f us = %.1f us of CPU per"
                        + " message, before any of the exchange's own work: at most %,.0f msg/s on %d processors%n", rawCpuMicrosPerMessage,
                registerFloor.cpuMicrosPerEntry(), perMessage, processors * 1e6 / perMessage, processors);
    }

    /** Waits until the service's intake listener holds every intake partition, so that start-up is not timed. */
    private static void awaitIntakeAssigned(ConfigurableApplicationContext service) throws InterruptedException {
        MessageListenerContainer intake = service.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("exchange-intake");
        int partitions = MixedTraffic.INTAKE_TOPICS.size()
                * service.getEnvironment().getProperty("exchange.intake.partitions", Integer.class, 4);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var assigned = intake.getAssignedPartitions();
            if (assigned != null && assigned.size() == partitions) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The intake listener did not take its " + partitions + " partitions");
    }

    /** Sends the messages to their intake topics; returns nanoseconds from the first send to the last receipt seen. */
    private static long throughPipeline(LoadKafka.Clients clients, List<String> receipts, List<Message> messages)
            throws InterruptedException {
        try (CommittedCounter counter = new CommittedCounter(clients.admin(), receipts, messages.size());
             KafkaProducer<String, byte[]> producer = LoadKafka.producer(clients.sender(), 5)) {
            long start = System.nanoTime();
            LoadKafka.sendAll(producer, messages, Message::topic);
            System.out.printf("  sent in %.1f s; waiting for receipts%n", (System.nanoTime() - start) / 1e9);
            return counter.awaitTarget(RUN_TIMEOUT) - start;
        }
    }

    private static long throughRawPipe(LoadKafka.Clients clients, List<Message> messages, Environment env) throws Exception {
        List<String> receipts = MixedTraffic.AGENCIES.stream().map(RawPipe::receipts).toList();
        try (RawPipe pipe = startRawPipe(clients.admin(), env);
             CommittedCounter counter = new CommittedCounter(clients.admin(), receipts, messages.size());
             KafkaProducer<String, byte[]> producer = LoadKafka.producer(clients.admin(), 5)) {
            long start = System.nanoTime();
            LoadKafka.sendAll(producer, messages, m -> RawPipe.INPUT);
            long end = counter.awaitTarget(RUN_TIMEOUT);
            if (pipe.failure() != null) {
                throw new IllegalStateException("The raw pipe failed", pipe.failure());
            }
            return end - start;
        }
    }

    /** The raw pipe's send -> inbox latency at the same steady rate as the pipeline's: Kafka's share of it. */
    private static InboxLatency.Result rawPipeLatency(LoadKafka.Clients clients, List<Message> steady, int rate, int warmupSeconds,
            int seconds, Environment env) throws Exception {
        try (RawPipe pipe = startRawPipe(clients.admin(), env)) {
            InboxLatency.Result result = InboxLatency.run(clients.asAdmin(), steady, rate, warmupSeconds, seconds, m -> RawPipe.INPUT,
                    MixedTraffic.AGENCIES.stream().map(RawPipe::inbox).toList());
            if (pipe.failure() != null) {
                throw new IllegalStateException("The raw pipe failed", pipe.failure());
            }
            return result;
        }
    }

    /**
     * How the driver's clients sign in. Its own broker: the load's gateway as the first load agency, with the settings
     * file the service wrote for it, and everything else as the broker's administrator. A broker named by
     * {@code bootstrap-servers}: every client with the {@code client.<Kafka setting>} options.
     */
    private LoadKafka.Clients clients(EmbeddedKafka kafka, String bootstrap, Path dataDir) {
        if (kafka == null) {
            Map<String, Object> client = new HashMap<>(Map.of("bootstrap.servers", bootstrap));
            options.forEach((name, value) -> {
                if (name.startsWith("client.")) {
                    client.put(name.substring("client.".length()), value);
                }
            });
            return new LoadKafka.Clients(client, client);
        }
        Map<String, Object> file = AgencyClient.settings(dataDir.resolve("agencies").resolve(MixedTraffic.AGENCIES.get(0) + ".properties"));
        Map<String, Object> sender = new HashMap<>();
        for (String key : List.of("bootstrap.servers", "security.protocol", "sasl.mechanism", "sasl.jaas.config")) {
            sender.put(key, file.get(key));
        }
        return new LoadKafka.Clients(sender, kafka.adminClientConfig());
    }

    /** Creates the raw pipe's topics (once) and starts it with the service's threads and Kafka settings. */
    private static RawPipe startRawPipe(Map<String, Object> admin, Environment env) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(RawPipe.INPUT, env.getProperty("exchange.intake.partitions", Integer.class, 4), (short) 1));
        for (String agency : MixedTraffic.AGENCIES) {
            topics.add(new NewTopic(RawPipe.inbox(agency), 1, (short) 1));
            topics.add(new NewTopic(RawPipe.receipts(agency), 1, (short) 1));
        }
        LoadKafka.createTopics(admin, topics);
        int threads = env.getProperty("spring.kafka.listener.concurrency", Integer.class, 1);
        int maxPoll = env.getProperty("spring.kafka.consumer.max-poll-records", Integer.class, 500);
        int linger = env.getProperty("spring.kafka.producer.properties.linger.ms", Integer.class, 5);
        Map<String, Object> consumerSettings = new HashMap<>();
        for (String setting : List.of("fetch.min.bytes", "fetch.max.wait.ms")) {
            String value = env.getProperty("spring.kafka.consumer.properties." + setting);
            if (value != null) {
                consumerSettings.put(setting, value);
            }
        }
        RawPipe pipe = new RawPipe(admin, threads, maxPoll, linger, consumerSettings);
        pipe.start();
        pipe.awaitAssigned(Duration.ofSeconds(30));
        return pipe;
    }

    /** With pg-statements=true: where PostgreSQL spent its time in the measurement just made, statement by statement. */
    private void printStatements(JdbcTemplate jdbc) {
        if (!flag("pg-statements")) {
            return;
        }
        System.out.println("  PostgreSQL statements by total time:");
        jdbc.query("""
                select round(total_exec_time::numeric, 0) as ms, calls, rows, round(max_exec_time::numeric, 1) as max_ms,
                       regexp_replace(left(query, 110), '\\s+', ' ', 'g') as query
                from pg_stat_statements order by total_exec_time desc limit 15""", rs -> {
            System.out.printf("    %8d ms %8d calls %9d rows %8.1f ms max  %s%n", rs.getLong(1), rs.getLong(2), rs.getLong(3),
                    rs.getDouble(4), rs.getString(5));
        });
        jdbc.execute("select pg_stat_statements_reset()");
    }

    /**
     * Where the register's bytes went: each entry is written to the heap, TOAST (large values) and every index. The
     * readable JSON is not stored (it is derived from the payload when read).
     */
    private static void printRegisterStorage(JdbcTemplate jdbc) {
        jdbc.query("""
                select count(*), pg_relation_size('register_entry'),
                       pg_table_size('register_entry') - pg_relation_size('register_entry'), pg_indexes_size('register_entry'),
                       avg(pg_column_size(payload)), avg(pg_column_size(register_entry.*)), pg_total_relation_size('register_entry')
                from register_entry""", rs -> {
            long entries = Math.max(1, rs.getLong(1));
            System.out.printf("  Register storage: %,d entries; heap %,d B, TOAST %,d B, indexes %,d B, in all %,d B per entry;"
                            + " payload %.0f B, whole row %.0f B%n",
                    rs.getLong(1), rs.getLong(2) / entries, rs.getLong(3) / entries, rs.getLong(4) / entries, rs.getLong(7) / entries,
                    rs.getDouble(5), rs.getDouble(6));
        });
    }

    /**
     * How long the deadline lists and one reminder run take over the register just written: the lists read every
     * open request, the reminder run (each minute, on every instance) only what can be due, and a poor plan shows
     * here first.
     */
    private static void printDeadlineQueries(ConfigurableApplicationContext service) {
        long runStart = System.nanoTime();
        int reminders = service.getBean(ReminderScheduler.class).runOnce();
        System.out.printf("  Reminder run over this register: %,d reminders sent in %,d ms%n", reminders,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - runStart));
        DeadlineQueries deadlines = service.getBean(DeadlineQueries.class);
        long start = System.nanoTime();
        int requests = deadlines.requests(false).size();
        long afterRequests = System.nanoTime();
        int reviews = deadlines.hazardReviewsDue().size();
        long afterReviews = System.nanoTime();
        int bringUps = deadlines.bringUpsDue().size();
        long end = System.nanoTime();
        System.out.printf("  Deadline lists over this register: %,d open requests in %,d ms, %,d hazard reviews due in %,d ms,"
                        + " %,d bring-ups due in %,d ms%n", requests, TimeUnit.NANOSECONDS.toMillis(afterRequests - start), reviews,
                TimeUnit.NANOSECONDS.toMillis(afterReviews - afterRequests), bringUps, TimeUnit.NANOSECONDS.toMillis(end - afterReviews));
    }

    private void resetStatements(JdbcTemplate jdbc) {
        if (flag("pg-statements")) {
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.execute("select pg_stat_statements_reset()");
        }
    }

    private boolean figure(String what, long messages, long nanos, String result, String goal, boolean met) {
        double cpuSeconds = (processCpuNanos() - cpuMark) / 1e9;
        double postgresSeconds = (PostgresCpu.nanos() - postgresCpuMark) / 1e9;
        figures.add(new Figure(what, messages, nanos / 1e9, cpuSeconds, postgresSeconds, result, goal, met, loadAverage()));
        System.out.printf("  %s: %s (%s) [load %s]%n", what, result, met ? "met" : "MISSED", loadAverage());
        System.out.printf("    JVM cpu by thread: %s%n", threadCpuMark.since(8));
        System.out.printf("    Broker requests/s: %s%n", brokerRequestsMark.since((System.nanoTime() - markNanos) / 1e9, 10));
        return met;
    }

    private void printSummary(boolean allMet) {
        String format = "| %-50s | %9s | %7s | %8s | %8s | %-44s | %-24s | %-4s | %-17s |%n";
        StringBuilder out = new StringBuilder("\n");
        out.append(String.format(format, "measurement", "messages", "seconds", "JVM cpu", "PG cpu", "result", "goal", "met", "load avg 1/5/15"));
        out.append(String.format(format, "-".repeat(50), "-".repeat(9), "-".repeat(7), "-".repeat(8), "-".repeat(8), "-".repeat(44),
                "-".repeat(24), "-".repeat(4), "-".repeat(17)));
        for (Figure f : figures) {
            out.append(String.format(format, f.what(), String.format("%,d", f.messages()), String.format("%.1f", f.seconds()),
                    String.format("%.1f s", f.cpuSeconds()), String.format("%.1f s", f.postgresSeconds()), f.result(), f.goal(),
                    f.met() ? "yes" : "NO", f.load()));
        }
        out.append("JVM cpu: CPU time of this process (broker, service and driver); PG cpu: of the PostgreSQL server's processes\n"
                + "(embedded only). CPU time does not depend on what else runs: (JVM + PG cpu) / messages is the cost of a message\n"
                + "on this machine's " + Runtime.getRuntime().availableProcessors() + " processors, however loaded.\n");
        out.append(allMet ? "All goals met.\n" : "Some goals were MISSED.\n");
        System.out.print(out);
    }

    private record Figure(String what, long messages, double seconds, double cpuSeconds, double postgresSeconds, String result,
            String goal, boolean met, String load) {
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double rate(long messages, long nanos) {
        return messages / (nanos / 1e9);
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them; other people's work on the machine shows here. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
