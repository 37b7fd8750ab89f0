package org.safeguarding.exchange.connect.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.connect.testing.ConnectWorker.await;

import exchange.v1.HazardNotification;
import exchange.v1.ShareRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.connect.converter.ExchangeAvroConverter;
import org.safeguarding.exchange.connect.testing.ConnectWorker;
import org.safeguarding.exchange.connect.testing.RecordingSinkConnector;
import org.safeguarding.exchange.json.ContractJson;
import org.safeguarding.exchange.registry.client.FakeSchemaRegistryServer;
import org.safeguarding.exchange.signing.MessageSignature;
import org.safeguarding.exchange.signing.SigningKey;
import org.safeguarding.exchange.testing.SampleRecords;

/** The file-drop intake on a real Connect worker: files in, signed messages on the intake topics, a worker restarted. */
class FileDropSourceTest {

    private static final String AGENCY = SampleRecords.SCHOOL;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path folder;
    private static EmbeddedConnectCluster connect;
    private static FakeSchemaRegistryServer registry;
    private static KeyPair agencyKey;
    private static AgencyClient reader;

    @BeforeAll
    static void start() throws Exception {
        registry = FakeSchemaRegistryServer.start();
        agencyKey = SigningKey.generate();
        connect = ConnectWorker.start("filedrop");
        for (String topic : List.of("exchange.share-requests", "exchange.share-decisions", "exchange.consent-outcomes",
                "exchange.hazard-notifications")) {
            connect.kafka().createTopic(topic, 1);
        }
        reader = new AgencyClient(AGENCY, Map.of("bootstrap.servers", connect.kafka().bootstrapServers(),
                "schema.registry.url", registry.url(), "specific.avro.reader", true));
    }

    @AfterAll
    static void stop() {
        if (reader != null) {
            reader.close();
        }
        if (connect != null) {
            connect.stop();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void droppedFilesBecomeSignedIntakeMessagesAndAMalformedOneIsSetAsideWithItsReason() throws Exception {
        Path in = Files.createDirectories(folder.resolve("in"));
        Path done = folder.resolve("done");
        Path failed = folder.resolve("failed");
        Path settings = settingsFile();
        Files.writeString(in.resolve("001-request.json"), ContractJson.of(SampleRecords.shareRequest()));
        Files.writeString(in.resolve("002-broken.json"), ContractJson.of(SampleRecords.shareRequest())
                .replace("\"occurredAt\":\"2026-03-02T09:15:00Z\",", ""));
        Files.writeString(in.resolve("003-hazard.json"), ContractJson.of(SampleRecords.hazardRaised()));
        Files.writeString(in.resolve("004-half-written.json.part"), "{\"requestId\":");

        Map<String, String> config = new HashMap<>();
        config.put("connector.class", FileDropSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        // The exchange's converter, handing the signed bytes on unchanged (ByteArrayConverter does the same).
        config.put("value.converter", "org.safeguarding.exchange.connect.converter.ExchangeAvroConverter");
        config.put("value.converter.bytes.passthrough", "true");
        config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put(FileDropConfig.AGENCY_CODE, AGENCY);
        config.put(FileDropConfig.SETTINGS_FILE, settings.toString());
        config.put(FileDropConfig.INPUT_FOLDER, in.toString());
        config.put(FileDropConfig.DONE_FOLDER, done.toString());
        config.put(FileDropConfig.FAILED_FOLDER, failed.toString());
        config.put(FileDropConfig.POLL_INTERVAL_MS, "100");
        connect.configureConnector("file-drop", config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("file-drop", 1, "the file drop did not start");

        await("two files done", WAIT, () -> Files.exists(done.resolve("001-request.json")) && Files.exists(done.resolve("003-hazard.json")));
        assertThat(failed.resolve("002-broken.json")).exists();
        assertThat(Files.readString(failed.resolve("002-broken.json.reason.txt"))).contains("ShareRequest.occurredAt is missing");
        assertThat(in.resolve("004-half-written.json.part")).as("not a *.json yet").exists();

        ConsumerRecord<String, byte[]> request = only("exchange.share-requests", 1).get(0);
        assertThat(reader.decode("exchange.share-requests", request.value())).isEqualTo(SampleRecords.shareRequest());
        assertThat(request.key()).isEqualTo(SampleRecords.CASE_REFERENCE);
        assertThat(AgencyClient.header(request, "exchange-sender")).isEqualTo(AGENCY);
        assertThat(AgencyClient.header(request, "exchange-message-id")).isEqualTo(
                new DroppedFile("001-request.json", Files.readAllBytes(done.resolve("001-request.json"))).messageId(AGENCY));
        assertThat(AgencyClient.header(request, "exchange-signature-key")).isEqualTo("SCH-OAKFIELD-test");
        assertThat(signatureHolds(request)).as("the agency's signature over the exact bytes").isTrue();
        ConsumerRecord<String, byte[]> hazard = only("exchange.hazard-notifications", 1).get(0);
        assertThat(reader.decode("exchange.hazard-notifications", hazard.value())).isInstanceOf(HazardNotification.class)
                .isEqualTo(SampleRecords.hazardRaised());
        assertThat(signatureHolds(hazard)).isTrue();

        // The worker stops; a new file arrives meanwhile, and the partner drops an already sent file again.
        connect.removeWorker();
        ShareRequest second = SampleRecords.shareRequest();
        second.setRequestId("REQ-SECOND");
        Files.writeString(in.resolve("005-second.json"), ContractJson.of(second));
        Files.copy(done.resolve("001-request.json"), in.resolve("001-request.json"));
        connect.addWorker();

        await("the new file done", WAIT, () -> Files.exists(done.resolve("005-second.json")));
        await("the file dropped again set aside", WAIT, () -> !Files.exists(in.resolve("001-request.json")));
        List<ConsumerRecord<String, byte[]>> requests = only("exchange.share-requests", 2);
        assertThat(requests).extracting(r -> ((ShareRequest) reader.decode("exchange.share-requests", r.value())).getRequestId())
                .containsExactly(SampleRecords.shareRequest().getRequestId(), "REQ-SECOND");
    }

    /** A connector that knows nothing of the exchange reads an intake topic as structs through the converter. */
    @Test
    void anyConnectorReadsTheExchangesTopicsAsStructsThroughTheConverter() throws Exception {
        ShareRequest request = SampleRecords.shareRequest();
        request.setRequestId("REQ-FOR-THE-SINK");
        try (AgencyClient school = new AgencyClient(AGENCY, Map.of("bootstrap.servers", connect.kafka().bootstrapServers(),
                "schema.registry.url", registry.url()))) {
            connect.kafka().createTopic("copy.share-requests", 1);
            school.send("copy.share-requests", request.getCaseReference(), request);
        }
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", RecordingSinkConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topics", "copy.share-requests");
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", ExchangeAvroConverter.class.getName());
        config.put("value.converter.schema.registry.url", registry.url());
        connect.configureConnector("recording-sink", config);

        await("the sink to receive the request", WAIT, () -> !RecordingSinkConnector.RECEIVED.isEmpty());
        Struct received = (Struct) RecordingSinkConnector.RECEIVED.get(0).value();
        assertThat(received.schema().name()).isEqualTo("exchange.v1.ShareRequest");
        assertThat(received.getString("requestId")).isEqualTo("REQ-FOR-THE-SINK");
        assertThat(received.get("occurredAt")).isEqualTo(java.util.Date.from(request.getOccurredAt()));
        assertThat(received.getStruct("consent").getString("status")).isEqualTo(request.getConsent().getStatus().name());
        connect.deleteConnector("recording-sink");
    }

    /** The topic's records once it holds {@code count}; waits a moment longer to see that no more come. */
    private static List<ConsumerRecord<String, byte[]>> only(String topic, int count) throws InterruptedException {
        await(count + " on " + topic, WAIT, () -> reader.readToEnd(topic, WAIT).size() >= count);
        Thread.sleep(1_000);
        List<ConsumerRecord<String, byte[]>> records = reader.readToEnd(topic, WAIT);
        assertThat(records).as(topic).hasSize(count);
        return records;
    }

    private static boolean signatureHolds(ConsumerRecord<String, byte[]> record) throws Exception {
        byte[] signed = MessageSignature.signedBytesOfValue(AgencyClient.header(record, "exchange-message-id"), AGENCY,
                Long.parseLong(AgencyClient.header(record, "exchange-sent-at")), record.value());
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(agencyKey.getPublic());
        ed25519.update(signed);
        return ed25519.verify(MessageSignature.decodeOrNull(AgencyClient.header(record, "exchange-signature")));
    }

    /** The agency's settings file, as the exchange writes it (its Kafka sign-in is the worker's, here plain). */
    private static Path settingsFile() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("schema.registry.url", registry.url());
        properties.setProperty(SigningKey.KEY_ID, "SCH-OAKFIELD-test");
        properties.setProperty(SigningKey.PRIVATE_KEY, SigningKey.encodePrivateKey(agencyKey.getPrivate()));
        Path file = folder.resolve(AGENCY + ".properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, null);
        }
        return file;
    }
}
