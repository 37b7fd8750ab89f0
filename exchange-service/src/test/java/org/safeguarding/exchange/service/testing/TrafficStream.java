package org.safeguarding.exchange.service.testing;

import exchange.v1.ShareRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.signing.SigningKey;
import org.safeguarding.exchange.testing.MixedTraffic;
import org.safeguarding.exchange.testing.SampleRecords;

/**
 * A steady stream of signed messages from every directory agency, as the load drivers send it ({@link MixedTraffic}),
 * with some share requests made two weeks ago and never answered among them, each of which the exchange must remind
 * its recipient of once. Sent at a fixed rate from a thread of its own, so that a test can break things while it
 * flows; sent as the broker's administrator, since an agency's Kafka user proves nothing the signature does not.
 */
public final class TrafficStream implements AutoCloseable {

    private final List<ProducerRecord<String, byte[]>> records;
    private final Set<String> messageIds;
    private final Set<String> overdueRequestIds;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private Thread sender;

    private TrafficStream(List<ProducerRecord<String, byte[]>> records, Set<String> messageIds, Set<String> overdueRequestIds,
            Map<String, Object> producerConfig) {
        this.records = records;
        this.messageIds = messageIds;
        this.overdueRequestIds = overdueRequestIds;
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A broker stopped for a while holds sends back; they must go when it returns, never be dropped.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * {@code count} messages, {@code overdue} of them share requests two weeks old, encoded through the registry at
     * {@code registryUrl} (logged in to as the school's user) and signed with the keys the services under test made
     * ({@link TestKeys}), to be sent with {@code kafkaConfig}.
     */
    public static TrafficStream prepare(Map<String, Object> kafkaConfig, String registryUrl, int count, int overdue, long seed) {
        Map<String, Object> encoderConfig = new HashMap<>(kafkaConfig);
        encoderConfig.put("schema.registry.url", registryUrl);
        encoderConfig.put("basic.auth.credentials.source", "USER_INFO");
        encoderConfig.put("basic.auth.user.info", TestUsers.userInfo(TestUsers.SCHOOL));
        try (AgencyClient encoder = new AgencyClient(SampleRecords.SCHOOL, encoderConfig)) {
            return prepare(encoder, count, overdue, seed, kafkaConfig);
        }
    }

    private static TrafficStream prepare(AgencyClient encoder, int count, int overdue, long seed, Map<String, Object> producerConfig) {
        Map<String, SigningKey> keys = new HashMap<>();
        MixedTraffic.AGENCIES.forEach(agency -> keys.put(agency, TestKeys.signingKey(agency)));
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        Set<String> ids = new java.util.HashSet<>();
        for (MixedTraffic.Message message : MixedTraffic.prepare(encoder, count - overdue, Math.max(1, count / 8), seed, keys)) {
            records.add(message.record(message.topic()));
            ids.add(message.messageId());
        }
        Set<String> overdueIds = new java.util.HashSet<>();
        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant twoWeeksAgo = now.minus(Duration.ofDays(14));
        SigningKey school = keys.get(SampleRecords.SCHOOL);
        String topic = "exchange.share-requests";
        for (int i = 0; i < overdue; i++) {
            ShareRequest request = SampleRecords.shareRequest();
            String caseReference = "CASE-OVERDUE-" + seed + "-" + i;
            request.setCaseReference(caseReference);
            request.setRequestId("REQ-OVERDUE-" + seed + "-" + i);
            request.setOccurredAt(twoWeeksAgo);
            request.getRecordedBy().setRecordedAt(twoWeeksAgo.plusSeconds(60));
            String messageId = UUID.randomUUID().toString();
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, caseReference, encoder.encode(topic, request));
            record.headers().add(AgencyClient.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
            record.headers().add(AgencyClient.SENDER, SampleRecords.SCHOOL.getBytes(StandardCharsets.UTF_8));
            records.add(random.nextInt(records.size() + 1), TestKeys.sign(record, school, messageId, SampleRecords.SCHOOL, now.toEpochMilli()));
            ids.add(messageId);
            overdueIds.add(request.getRequestId());
        }
        return new TrafficStream(records, Collections.unmodifiableSet(ids), Collections.unmodifiableSet(overdueIds), producerConfig);
    }

    /** Starts sending, {@code perSecond} messages a second, in slices of a tenth of a second. */
    public TrafficStream start(int perSecond) {
        sender = new Thread(() -> {
            long start = System.nanoTime();
            int slice = Math.max(1, perSecond / 10);
            try {
                for (int i = 0; i < records.size(); i++) {
                    producer.send(records.get(i), (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    if (sent.incrementAndGet() % slice == 0) {
                        long due = start + (long) sent.get() * 1_000_000_000L / perSecond;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            }
        }, "traffic-stream");
        sender.start();
        return this;
    }

    public int size() {
        return records.size();
    }

    public int sent() {
        return sent.get();
    }

    public boolean sending() {
        return sender != null && sender.isAlive();
    }

    /** Every message id of the stream. */
    public Set<String> messageIds() {
        return messageIds;
    }

    /** The ids of the stream's overdue share requests, each owed one reminder. */
    public Set<String> overdueRequestIds() {
        return overdueRequestIds;
    }

    /** Waits until every message has been sent and acknowledged; fails if the broker refused one. */
    public void awaitSent(Duration timeout) throws InterruptedException {
        sender.join(timeout.toMillis());
        if (sender.isAlive()) {
            throw new IllegalStateException("The stream was not sent within " + timeout + ": " + sent.get() + " of " + records.size());
        }
        if (failure.get() != null) {
            throw new IllegalStateException("A send failed", failure.get());
        }
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
