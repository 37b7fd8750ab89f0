package org.safeguarding.exchange.service.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ShareRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.embedded.BrokerCredentials;
import org.safeguarding.exchange.service.testing.ServiceProcess;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.testing.SampleRecords;

/**
 * The embedded default as {@code ./exchange run} starts it (its own Kafka broker and PostgreSQL, nothing configured
 * but the data folder and the broker's port), stopped and started again: the broker answers on the same port, and
 * the inboxes, receipts, checkpoints and the service's consumer offsets are as they were, so nothing is read or
 * delivered twice. The school signs in with the settings file the service wrote for it, and the same credentials
 * still sign it in after the restart; the test reads every topic as the broker's administrator.
 */
class EmbeddedDefaultRestartTest {

    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The intake listener's id, which Spring Kafka uses as its consumer group. */
    private static final String INTAKE_GROUP = "exchange-intake";
    private static final String CHECKPOINTS = "exchange.register-checkpoints";

    @Test
    void aRestartKeepsTopicsOffsetsAndPort() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "embedded-restart-");
        int kafkaPort = freePort();
        String bootstrap = "localhost:" + kafkaPort;
        Map<String, String> properties = new HashMap<>(Map.of(
                "exchange.embedded.data-dir", dataDir.toAbsolutePath().toString(),
                "exchange.embedded.kafka.port", Integer.toString(kafkaPort),
                "exchange.instance-id", "restart-test",
                "exchange.checkpoints.every-seconds", "1",
                "spring.main.banner-mode", "off"));
        TestAgency school;
        Set<String> sent;
        Map<String, Long> endOffsets;
        Map<TopicPartition, Long> intakeOffsets;
        Map<String, Object> schoolSettings;
        ServiceProcess first = ServiceProcess.embeddedDefault(properties, dataDir.resolve("first-run.log"));
        try {
            first.start(START);
            Path schoolFile = dataDir.resolve("agencies").resolve(SampleRecords.SCHOOL + ".properties");
            assertThat(Files.getPosixFilePermissions(schoolFile)).as("the school's settings, readable by their owner only")
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            schoolSettings = AgencyClient.settings(schoolFile);
            assertThat(schoolSettings).containsEntry("bootstrap.servers", bootstrap)
                    .containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("schema.registry.url", first.registryUrl())
                    .containsEntry("basic.auth.credentials.source", "USER_INFO");
            assertThat(schoolSettings.get("basic.auth.user.info").toString()).startsWith("sch-oakfield:");
            school = new TestAgency(SampleRecords.SCHOOL, schoolSettings);
            sent = Set.of(send(school), send(school), send(school));
            assertThat(ids(read(dataDir, bootstrap, school.receipts(), 3))).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(ids(read(dataDir, bootstrap, inbox(SampleRecords.COUNCIL), 3))).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(read(dataDir, bootstrap, CHECKPOINTS, 1)).as("a checkpoint signed and published").isNotEmpty();
            school.close();
            endOffsets = endOffsets(admin(dataDir, bootstrap), List.of(school.receipts(), inbox(SampleRecords.COUNCIL), CHECKPOINTS));
            intakeOffsets = committedOffsets(admin(dataDir, bootstrap));
            assertThat(intakeOffsets.values().stream().mapToLong(Long::longValue).sum()).as("intake offsets committed").isEqualTo(3);
        } finally {
            first.stop();
        }

        ServiceProcess second = ServiceProcess.embeddedDefault(properties, dataDir.resolve("second-run.log"));
        try {
            second.start(START);
            assertThat(endOffsets(admin(dataDir, bootstrap), List.copyOf(endOffsets.keySet())))
                    .as("every topic's records kept, none added").isEqualTo(endOffsets);
            assertThat(committedOffsets(admin(dataDir, bootstrap))).as("the service's consumer offsets kept").isEqualTo(intakeOffsets);
            assertThat(ids(read(dataDir, bootstrap, inbox(SampleRecords.COUNCIL), 3))).containsExactlyInAnyOrderElementsOf(sent);

            assertThat(AgencyClient.settings(dataDir.resolve("agencies").resolve(SampleRecords.SCHOOL + ".properties")))
                    .as("the same credentials after the restart").containsEntry("sasl.jaas.config", schoolSettings.get("sasl.jaas.config"));
            Map<String, Object> sameAsBefore = new HashMap<>(schoolSettings);
            sameAsBefore.put("schema.registry.url", second.registryUrl());
            try (TestAgency again = new TestAgency(SampleRecords.SCHOOL, sameAsBefore)) {
                String after = send(again);
                assertThat(ids(read(dataDir, bootstrap, again.receipts(), 4))).as("the new message answered, the old ones not again")
                        .hasSize(4).contains(after).containsAll(sent);
            }
        } finally {
            second.stop();
        }
    }

    private static String send(TestAgency school) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ShareRequest request = SampleRecords.shareRequest();
        request.setRequestId("REQ-RESTART-" + UUID.randomUUID());
        request.setOccurredAt(now.minusSeconds(600));
        request.getRecordedBy().setRecordedAt(now.minusSeconds(60));
        return school.send("exchange.share-requests", request.getCaseReference(), request);
    }

    private static String inbox(String agency) {
        return "agency." + agency + ".inbox";
    }

    /** The broker administrator of this data folder, whose password the embedded default keeps there. */
    private static Map<String, Object> admin(Path dataDir, String bootstrap) {
        Map<String, Object> admin = new HashMap<>(BrokerCredentials.in(dataDir).adminClientSettings());
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return admin;
    }

    /** At least {@code count} records of the topic, read_committed, from its start. */
    private static List<ConsumerRecord<String, byte[]>> read(Path dataDir, String bootstrap, String topic, int count) {
        return TestAgency.read(admin(dataDir, bootstrap), topic, seen -> seen.size() >= count, WAIT);
    }

    private static List<String> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> TestAgency.header(r, TestAgency.MESSAGE_ID)).toList();
    }

    private static Map<String, Long> endOffsets(Map<String, Object> adminConfig, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                    .forEach(p -> partitions.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(partitions).all().get().entrySet().stream().collect(Collectors.groupingBy(
                    e -> e.getKey().topic(), TreeMap::new, Collectors.summingLong(e -> e.getValue().offset())));
        }
    }

    private static Map<TopicPartition, Long> committedOffsets(Map<String, Object> adminConfig) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listConsumerGroupOffsets(INTAKE_GROUP).partitionsToOffsetAndMetadata().get()
                    .forEach((partition, offset) -> offsets.put(partition, offset.offset()));
            return offsets;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
