package org.safeguarding.exchange.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.testing.MixedTraffic;

/**
 * The machine's limit for the exchange's shape of work: the service's consume-produce loop with everything but Kafka
 * taken out. Same consumer and producer settings, same number of threads, one Kafka transaction per poll carrying the
 * consumer offsets, two outputs per input (an inbox copy and a receipt, over as many single-partition topics as the
 * service writes), but the bytes are passed on unread: no decoding, no policy, no database.
 */
final class RawPipe implements AutoCloseable {

    static final String INPUT = "load.raw-pipe.intake";

    private final List<Thread> threads = new ArrayList<>();
    private final List<KafkaConsumer<String, byte[]>> consumers = new ArrayList<>();
    private volatile boolean running = true;
    private volatile Throwable failure;
    private final java.util.concurrent.CountDownLatch assigned;

    static String inbox(String agency) {
        return "load.raw-pipe." + agency + ".inbox";
    }

    static String receipts(String agency) {
        return "load.raw-pipe." + agency + ".receipts";
    }

    RawPipe(Map<String, Object> client, int threadCount, int maxPollRecords, int lingerMs, Map<String, Object> consumerSettings) {
        String group = "load-raw-pipe-" + UUID.randomUUID();
        assigned = new java.util.concurrent.CountDownLatch(threadCount);
        for (int i = 0; i < threadCount; i++) {
            KafkaConsumer<String, byte[]> consumer = consumer(client, group, maxPollRecords, consumerSettings);
            KafkaProducer<String, byte[]> producer = producer(client, group + "-" + i, lingerMs);
            consumers.add(consumer);
            Thread thread = new Thread(() -> loop(consumer, producer), "raw-pipe-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /** Waits until every thread holds partitions, so that the group's start-up is not timed. */
    void awaitAssigned(Duration timeout) throws InterruptedException {
        if (!assigned.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The raw pipe's consumers did not all get partitions");
        }
    }

    Throwable failure() {
        return failure;
    }

    private void loop(KafkaConsumer<String, byte[]> consumer, KafkaProducer<String, byte[]> producer) {
        try (consumer; producer) {
            producer.initTransactions();
            consumer.subscribe(List.of(INPUT), new ConsumerRebalanceListener() {
                private boolean counted;

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty() && !counted) {
                        counted = true;
                        assigned.countDown();
                    }
                }
            });
            List<String> agencies = MixedTraffic.AGENCIES;
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                producer.beginTransaction();
                for (ConsumerRecord<String, byte[]> record : records) {
                    // Routed without reading the message: by key to an inbox, by the sender header to its receipts.
                    String recipient = agencies.get(Math.floorMod(record.key().hashCode(), agencies.size()));
                    producer.send(new ProducerRecord<>(inbox(recipient), null, record.key(), record.value(), record.headers()));
                    Header sender = record.headers().lastHeader(AgencyClient.SENDER);
                    producer.send(new ProducerRecord<>(receipts(new String(sender.value())), null, record.key(),
                            record.headers().lastHeader(AgencyClient.MESSAGE_ID).value()));
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (TopicPartition partition : records.partitions()) {
                    List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
                    offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable e) {
            failure = e;
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> client, String group, int maxPollRecords,
            Map<String, Object> settings) {
        Map<String, Object> props = new HashMap<>(settings);
        props.putAll(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> client, String transactionalId, int lingerMs) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumers.forEach(KafkaConsumer::wakeup);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
