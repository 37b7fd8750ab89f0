package org.safeguarding.exchange.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.connect.testing.ConnectWorker.await;

import exchange.v1.DeliveryConfirmation;
import exchange.v1.DeliveryOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.connect.testing.ConnectWorker;
import org.safeguarding.exchange.connect.testing.PartnerServer;
import org.safeguarding.exchange.connect.testing.PartnerServer.Answer;
import org.safeguarding.exchange.connect.testing.PartnerServer.Received;
import org.safeguarding.exchange.connect.testing.SelfSignedTls;
import org.safeguarding.exchange.registry.client.FakeSchemaRegistryServer;
import org.safeguarding.exchange.signing.SigningKey;
import org.safeguarding.exchange.testing.SampleRecords;

/**
 * The inbox webhook on a real Connect worker, delivering to a real HTTPS server that checks every request's signature.
 * One worker for the class; each test has an agency (inbox, dead-letter and confirmation topics) and a path of its own.
 */
class InboxWebhookSinkTest {

    private static final String SENDER = SampleRecords.SCHOOL;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path folder;
    private static EmbeddedConnectCluster connect;
    private static FakeSchemaRegistryServer registry;
    private static SelfSignedTls tls;
    private static KeyPair exchangeKey;
    private static PartnerServer partner;
    private static AgencyClient client;

    @BeforeAll
    static void start() throws Exception {
        registry = FakeSchemaRegistryServer.start();
        tls = SelfSignedTls.create(folder.resolve("tls"));
        exchangeKey = SigningKey.generate();
        partner = new PartnerServer(tls, exchangeKey.getPublic());
        connect = ConnectWorker.start("webhook");
        client = new AgencyClient(SENDER, Map.of("bootstrap.servers", connect.kafka().bootstrapServers(),
                "schema.registry.url", registry.url()));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (connect != null) {
            connect.stop();
        }
        if (partner != null) {
            partner.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void serverErrorsAndThrottlingAreRetriedAndEachMessageDeliveredOnceInOrder() throws Exception {
        partner.script("/retry", (n, request, body) -> switch (n) {
            case 1 -> Answer.of(503, "down for maintenance");
            case 2 -> new Answer(429, "slow down", Map.of("Retry-After", "1"), 0);
            default -> Answer.of(200);
        });
        createTopics("WH-RETRY");
        startConnector("WH-RETRY", "/retry", Map.of());

        List<String> sent = send("WH-RETRY", 3);

        List<DeliveryConfirmation> confirmations = confirmations("WH-RETRY", 3);
        List<Received> requests = partner.received("/retry");
        assertThat(requests).extracting(Received::idempotencyKey)
                .containsExactly(sent.get(0), sent.get(0), sent.get(0), sent.get(1), sent.get(2));
        assertThat(requests).extracting(Received::answered).containsExactly(503, 429, 200, 200, 200);
        assertThat(requests).allMatch(Received::signatureValid);
        assertThat(Duration.ofNanos(requests.get(2).atNanos() - requests.get(1).atNanos())).as("Retry-After: 1 honoured")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(confirmations).extracting(DeliveryConfirmation::getMessageId).containsExactlyElementsOf(sent);
        assertThat(confirmations).allMatch(c -> c.getOutcome() == DeliveryOutcome.DELIVERED && c.getHttpStatus() == 200);
        assertThat(confirmations).extracting(DeliveryConfirmation::getAttempts).containsExactly(3, 1, 1);

        Received first = requests.get(2);
        assertThat(first.header("exchange-sender")).isEqualTo(SENDER);
        assertThat(first.header("exchange-record-type")).isEqualTo("exchange.v1.ShareDecision");
        assertThat(first.json().path("messageId").asText()).isEqualTo(sent.get(0));
        assertThat(first.json().path("recipient").asText()).isEqualTo("WH-RETRY");
        assertThat(first.json().path("message").path("caseReference").asText()).isEqualTo(SampleRecords.CASE_REFERENCE);
        assertThat(first.json().path("message").path("occurredAt").asText()).isEqualTo(SampleRecords.OCCURRED_AT.toString());
        assertThat(first.json().has("bytes")).isFalse();
    }

    @Test
    void aRefusedMessageGoesToTheDeadLetterTopicWithItsReasonAndIsConfirmedAsFailed() throws Exception {
        partner.script("/refuse", (n, request, body) -> n == 1 ? Answer.of(400, "{\"error\":\"unknown case\"}") : Answer.of(200));
        createTopics("WH-REFUSE");
        startConnector("WH-REFUSE", "/refuse", Map.of(InboxWebhookConfig.INCLUDE_BYTES, "true"));

        List<String> sent = send("WH-REFUSE", 2);

        List<DeliveryConfirmation> confirmations = confirmations("WH-REFUSE", 2);
        assertThat(confirmations.get(0).getMessageId()).isEqualTo(sent.get(0));
        assertThat(confirmations.get(0).getOutcome()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(confirmations.get(0).getHttpStatus()).isEqualTo(400);
        assertThat(confirmations.get(0).getReason()).isEqualTo("the partner answered 400: {\"error\":\"unknown case\"}");
        assertThat(confirmations.get(1).getOutcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(partner.received("/refuse")).extracting(Received::idempotencyKey).containsExactlyElementsOf(sent);

        List<ConsumerRecord<String, byte[]>> deadLetters = client.readFromStart("dead-letter.WH-REFUSE", r -> !r.isEmpty(), WAIT);
        assertThat(deadLetters).hasSize(1);
        ConsumerRecord<String, byte[]> dead = deadLetters.get(0);
        byte[] original = client.readToEnd(inbox("WH-REFUSE"), WAIT).get(0).value();
        assertThat(dead.value()).isEqualTo(original);
        assertThat(AgencyClient.header(dead, "exchange-error")).isEqualTo(confirmations.get(0).getReason());
        assertThat(AgencyClient.header(dead, "exchange-original-topic")).isEqualTo(inbox("WH-REFUSE"));
        assertThat(AgencyClient.header(dead, "exchange-original-offset")).isEqualTo("0");
        assertThat(AgencyClient.header(dead, "exchange-message-id")).isEqualTo(sent.get(0));

        Received delivered = partner.received("/refuse").get(1);
        assertThat(delivered.signatureValid()).isTrue();
        assertThat(java.util.Base64.getDecoder().decode(delivered.json().path("bytes").asText()))
                .isEqualTo(client.readToEnd(inbox("WH-REFUSE"), WAIT).get(1).value());
    }

    @Test
    void aMessageThatCannotBeDecodedIsDeadLetteredWithoutReachingThePartner() throws Exception {
        partner.script("/undecodable", (n, request, body) -> Answer.of(200));
        createTopics("WH-UNDECODABLE");
        startConnector("WH-UNDECODABLE", "/undecodable", Map.of());
        String broken = UUID.randomUUID().toString();
        client.sendBytes(inbox("WH-UNDECODABLE"), SampleRecords.CASE_REFERENCE, "not avro".getBytes(StandardCharsets.UTF_8), broken, SENDER);
        List<String> sent = send("WH-UNDECODABLE", 1);

        List<DeliveryConfirmation> confirmations = confirmations("WH-UNDECODABLE", 2);
        assertThat(confirmations.get(0).getMessageId()).isEqualTo(broken);
        assertThat(confirmations.get(0).getOutcome()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(confirmations.get(0).getHttpStatus()).isNull();
        assertThat(confirmations.get(0).getReason()).startsWith("the message cannot be decoded");
        assertThat(confirmations.get(1).getOutcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(partner.received("/undecodable")).extracting(Received::idempotencyKey).containsExactly(sent.get(0));
        List<ConsumerRecord<String, byte[]>> deadLetters = client.readFromStart("dead-letter.WH-UNDECODABLE", r -> !r.isEmpty(), WAIT);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly("not avro".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSlowPartnerTimesOutAndIsTriedAgainWithTheSameKey() throws Exception {
        partner.script("/slow", (n, request, body) -> n == 1 ? new Answer(200, "", Map.of(), 3_000) : Answer.of(200));
        createTopics("WH-SLOW");
        startConnector("WH-SLOW", "/slow", Map.of(InboxWebhookConfig.TIMEOUT_MS, "1000"));

        List<String> sent = send("WH-SLOW", 1);

        List<DeliveryConfirmation> confirmations = confirmations("WH-SLOW", 1);
        assertThat(confirmations.get(0).getOutcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(confirmations.get(0).getAttempts()).isEqualTo(2);
        assertThat(partner.received("/slow")).extracting(Received::idempotencyKey).containsExactly(sent.get(0), sent.get(0));
        assertThat(partner.received("/slow")).allMatch(Received::signatureValid);
    }

    @Test
    void anOAuth2TokenThePartnerNoLongerAcceptsIsReplaced() throws Exception {
        AtomicReference<String> accepted = new AtomicReference<>("token-1");
        partner.tokenEndpoint("/token", n -> "token-" + n);
        partner.script("/oauth", (n, request, body) ->
                ("Bearer " + accepted.get()).equals(request.getRequestHeaders().getFirst("Authorization"))
                        ? Answer.of(200) : Answer.of(401));
        createTopics("WH-OAUTH");
        startConnector("WH-OAUTH", "/oauth", Map.of(
                InboxWebhookConfig.AUTH_TYPE, "OAUTH2",
                InboxWebhookConfig.OAUTH2_TOKEN_URL, partner.url("/token"),
                InboxWebhookConfig.OAUTH2_CLIENT_ID, "exchange",
                InboxWebhookConfig.OAUTH2_CLIENT_SECRET, "s3cret",
                InboxWebhookConfig.OAUTH2_SCOPE, "inbox.write"));

        List<String> sent = new ArrayList<>(send("WH-OAUTH", 1));
        confirmations("WH-OAUTH", 1);
        accepted.set("token-2");
        sent.addAll(send("WH-OAUTH", 1));

        List<DeliveryConfirmation> confirmations = confirmations("WH-OAUTH", 2);
        assertThat(confirmations).allMatch(c -> c.getOutcome() == DeliveryOutcome.DELIVERED);
        assertThat(partner.received("/oauth")).extracting(Received::idempotencyKey).containsExactly(sent.get(0), sent.get(1), sent.get(1));
        assertThat(partner.received("/oauth")).extracting(Received::answered).containsExactly(200, 401, 200);
        assertThat(partner.received("/oauth")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
        List<Received> tokenRequests = partner.received("/token");
        assertThat(tokenRequests).hasSize(2);
        assertThat(tokenRequests.get(0).body()).isEqualTo("grant_type=client_credentials&scope=inbox.write");
        assertThat(tokenRequests.get(0).header("Authorization"))
                .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("exchange:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWorkerStoppedMidStreamLosesNothingAndRepeatsCarryTheSameKey() throws Exception {
        partner.script("/restart", (n, request, body) -> new Answer(200, "", Map.of(), 300));
        // Written before the connector starts, so that the task takes them all in one batch: no offset is committed
        // until the batch is done, and the worker is stopped in the middle of it.
        createTopics("WH-RESTART");
        List<String> sent = send("WH-RESTART", 10);
        startConnector("WH-RESTART", "/restart", Map.of());

        await("some deliveries before the stop", WAIT, () -> partner.received("/restart").size() >= 3);
        connect.removeWorker();
        // The stopped worker gave its task a moment (task.shutdown.graceful.timeout.ms) and then abandoned it without
        // committing; in this JVM its thread finishes the batch, where a crashed worker's would simply be gone.
        await("the abandoned batch to end", WAIT, () -> partner.received("/restart").size() >= sent.size());
        connect.addWorker();
        await("every message delivered again by the new worker", Duration.ofSeconds(120),
                () -> partner.received("/restart").size() >= 2 * sent.size());

        List<String> keys = partner.received("/restart").stream().map(Received::idempotencyKey).toList();
        assertThat(new ArrayList<>(new LinkedHashSet<>(keys))).as("nothing lost, each first arrives in order").containsExactlyElementsOf(sent);
        assertThat(keys.subList(sent.size(), keys.size())).as("the repeats carry the keys already sent, in order")
                .containsExactlyElementsOf(sent);
        assertThat(partner.received("/restart")).allMatch(Received::signatureValid);
        Map<String, DeliveryConfirmation> byId = new LinkedHashMap<>();
        confirmations("WH-RESTART", 2 * sent.size()).forEach(c -> byId.putIfAbsent(c.getConfirmationId(), c));
        assertThat(byId.values()).as("a repeated delivery repeats its confirmation's id")
                .extracting(DeliveryConfirmation::getMessageId).containsExactlyElementsOf(sent);
    }

    @Test
    void mutualTlsAndAStaticHeaderSignTheConnectorIn() throws Exception {
        SelfSignedTls client = SelfSignedTls.create(folder.resolve("tls"), "exchange-connector");
        try (PartnerServer strict = new PartnerServer(tls, client, exchangeKey.getPublic())) {
            strict.script("/mtls", (n, request, body) -> "k3y".equals(request.getRequestHeaders().getFirst("X-Api-Key"))
                    ? Answer.of(200) : Answer.of(403));
            createTopics("WH-MTLS");
            startConnector("WH-MTLS", "/mtls", Map.of(
                    InboxWebhookConfig.URL, strict.url("/mtls"),
                    InboxWebhookConfig.KEYSTORE_PATH, client.keyStore().toString(),
                    InboxWebhookConfig.KEYSTORE_PASSWORD, client.password(),
                    InboxWebhookConfig.AUTH_TYPE, "HEADER",
                    InboxWebhookConfig.AUTH_HEADER_NAME, "X-Api-Key",
                    InboxWebhookConfig.AUTH_HEADER_VALUE, "k3y"));

            List<String> sent = send("WH-MTLS", 1);

            assertThat(confirmations("WH-MTLS", 1).get(0).getOutcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            assertThat(strict.received("/mtls")).extracting(Received::idempotencyKey).containsExactly(sent.get(0));
            assertThat(strict.received("/mtls").get(0).clientCertificate()).isEqualTo("CN=exchange-connector");
            assertThat(strict.received("/mtls").get(0).signatureValid()).isTrue();
        }
    }

    /**
     * The walkthrough in connectors/README.md: one share decision delivered over HTTPS, written out as the partner
     * received it (target/webhook-walkthrough.txt) with the confirmation that came back.
     */
    @Test
    void aMessageArrivesOverHttps() throws Exception {
        partner.script("/demo", (n, request, body) -> Answer.of(202, "{\"received\":true}"));
        createTopics("WH-DEMO");
        startConnector("WH-DEMO", "/demo", Map.of());

        String messageId = send("WH-DEMO", 1).get(0);

        DeliveryConfirmation confirmation = confirmations("WH-DEMO", 1).get(0);
        Received request = partner.received("/demo").get(0);
        assertThat(request.idempotencyKey()).isEqualTo(messageId);
        assertThat(request.signatureValid()).isTrue();
        assertThat(confirmation.getHttpStatus()).isEqualTo(202);
        StringBuilder transcript = new StringBuilder("POST " + partner.url("/demo") + "\n");
        new java.util.TreeMap<>(request.headers()).forEach((name, values) -> transcript.append(name).append(": ")
                .append(String.join(", ", values)).append('\n'));
        transcript.append('\n').append(request.json().toPrettyString()).append("\n\n")
                .append("The partner checked the signature with the exchange's public key: ").append(request.signatureValid())
                .append("\n\nThe confirmation on ").append("confirmations.WH-DEMO").append(":\n")
                .append(org.safeguarding.exchange.json.ContractJson.of(confirmation)).append('\n');
        java.nio.file.Files.writeString(Path.of("target/webhook-walkthrough.txt"), transcript);
        System.out.println(transcript);
    }

    /** The agency's inbox and the connector's dead-letter and confirmation topics, one partition each. */
    private static void createTopics(String agency) {
        connect.kafka().createTopic(inbox(agency), 1);
        connect.kafka().createTopic("dead-letter." + agency, 1);
        connect.kafka().createTopic("confirmations." + agency, 1);
    }

    private static void startConnector(String agency, String path, Map<String, String> extra) throws InterruptedException {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", InboxWebhookSinkConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topics", inbox(agency));
        // As connectors/README.md runs it: a group the service's principal may use.
        config.put("consumer.override.group.id", "exchange-webhook-" + agency);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put(InboxWebhookConfig.AGENCY_CODE, agency);
        config.put(InboxWebhookConfig.URL, partner.url(path));
        config.put(InboxWebhookConfig.TRUSTSTORE_PATH, tls.trustStore().toString());
        config.put(InboxWebhookConfig.TRUSTSTORE_PASSWORD, tls.password());
        config.put(SigningKey.KEY_ID, "EXCHANGE-webhook-1");
        config.put(SigningKey.PRIVATE_KEY, SigningKey.encodePrivateKey(exchangeKey.getPrivate()));
        config.put(InboxWebhookConfig.RETRY_BACKOFF_MS, "200");
        config.put(InboxWebhookConfig.RETRY_BACKOFF_MAX_MS, "1000");
        config.put(InboxWebhookConfig.DEAD_LETTER_TOPIC, "dead-letter." + agency);
        config.put(InboxWebhookConfig.CONFIRMATIONS_TOPIC, "confirmations." + agency);
        config.put("schema.registry.url", registry.url());
        config.put("kafka.bootstrap.servers", connect.kafka().bootstrapServers());
        config.putAll(extra);
        String name = "webhook-" + agency;
        connect.configureConnector(name, config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "the webhook did not start");
    }

    /** Writes share decisions into the agency's inbox as the exchange does, and returns their message ids. */
    private static List<String> send(String agency, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            client.sendBytes(inbox(agency), SampleRecords.CASE_REFERENCE, client.encode(inbox(agency), SampleRecords.shareDecision()),
                    id, SENDER);
            ids.add(id);
        }
        return ids;
    }

    private static List<DeliveryConfirmation> confirmations(String agency, int atLeast) {
        String topic = "confirmations." + agency;
        List<ConsumerRecord<String, byte[]>> records = client.readFromStart(topic, r -> r.size() >= atLeast, WAIT);
        assertThat(records).as("confirmations on " + topic).hasSizeGreaterThanOrEqualTo(atLeast);
        return records.stream().map(r -> (DeliveryConfirmation) client.decode(topic, r.value())).toList();
    }

    private static String inbox(String agency) {
        return "agency." + agency + ".inbox";
    }
}
