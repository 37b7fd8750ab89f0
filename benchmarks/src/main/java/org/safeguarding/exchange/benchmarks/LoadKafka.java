package org.safeguarding.exchange.benchmarks;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.safeguarding.exchange.testing.MixedTraffic.Message;

/** The Kafka plumbing the load drivers share: a fast agency-side sender, read_committed readers, topic creation. */
final class LoadKafka {

    private LoadKafka() {
    }

    /**
     * Who the driver's clients sign in as (bootstrap servers and Kafka's security settings): the load's agency gateway,
     * which may write the intake topics, and the broker's administrator, for what no agency may touch (every agency's
     * receipts and inboxes, the raw pipe's topics, the naive processor).
     */
    record Clients(Map<String, Object> sender, Map<String, Object> admin) {

        /** Everything as the administrator: the raw pipe's input is no intake topic. */
        Clients asAdmin() {
            return new Clients(admin, admin);
        }
    }

    /** A producer as a busy agency gateway would configure one: batching, acks from all replicas. */
    static KafkaProducer<String, byte[]> producer(Map<String, Object> client, int lingerMs) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    static ProducerRecord<String, byte[]> record(String topic, Message message) {
        return message.record(topic);
    }

    /** Sends every message as fast as the producer takes them (asynchronously); fails on the first send error. */
    static void sendAll(KafkaProducer<String, byte[]> producer, List<Message> messages, Function<Message, String> topic) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (Message message : messages) {
            if (failure.get() != null) {
                break;
            }
            producer.send(record(topic.apply(message), message), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("A load message could not be sent", failure.get());
        }
    }

    static KafkaConsumer<String, byte[]> readCommitted(Map<String, Object> client, String group) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Counts, in a thread of its own, what a read_committed reader sees on the given topics, and notes the moment the
     * count first reaches the target. Started (and assigned) before the first send, so that its start-up is not timed.
     */
    static final class CommittedCounter implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final long target;
        private final Thread thread;
        private volatile long count;
        private volatile long reachedAtNanos;
        private volatile boolean running = true;

        CommittedCounter(Map<String, Object> client, Collection<String> topics, long target) {
            this.consumer = readCommitted(client, "load-counter");
            this.target = target;
            consumer.subscribe(topics);
            // Join the group and take the partitions now, before anything is sent.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100));
            }
            // Count only what comes after this point.
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            thread = new Thread(this::run, "load-counter");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                while (running && count < target) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                    count += records.count();
                }
                // Also when there was nothing to wait for (no warm-up, say).
                if (count >= target) {
                    reachedAtNanos = System.nanoTime();
                }
            } finally {
                consumer.close(Duration.ofSeconds(2));
            }
        }

        /** Waits until the target is reached; returns the moment (System.nanoTime) it was, or throws. */
        long awaitTarget(Duration timeout) throws InterruptedException {
            thread.join(timeout.toMillis());
            if (reachedAtNanos == 0) {
                throw new IllegalStateException("Only " + count + " of " + target + " records were seen within " + timeout);
            }
            return reachedAtNanos;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }
    }

    /** Creates the topics that do not exist yet: a second measurement over the same topics finds them there. */
    static void createTopics(Map<String, Object> client, List<NewTopic> topics) throws Exception {
        try (Admin admin = Admin.create(client)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        }
    }
}
