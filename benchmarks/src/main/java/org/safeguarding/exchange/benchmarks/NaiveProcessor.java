package org.safeguarding.exchange.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.testing.MixedTraffic;

/**
 * The design the exchange is measured against: the obvious processor that handles one message at a time, one
 * autocommitted JDBC insert and one synchronous Kafka send each. It reads messages already on the intake topics and
 * writes to a table and a topic of its own, so it touches nothing of the service.
 */
final class NaiveProcessor {

    static final String TABLE = "load_naive_entry";
    static final String OUTPUT = "load.naive.receipts";

    private NaiveProcessor() {
    }

    /** Processes {@code count} messages from the intake topics; returns the elapsed nanoseconds. */
    static long run(Map<String, Object> client, DataSource dataSource, int count) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists " + TABLE);
                ddl.execute("create table " + TABLE + " (message_id text primary key, sender text, source_topic text not null,"
                        + " source_partition integer not null, source_offset bigint not null, received_at timestamptz not null,"
                        + " payload bytea not null)");
            }
            try (KafkaConsumer<String, byte[]> consumer = consumer(client);
                 KafkaProducer<String, byte[]> producer = producer(client);
                 PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
                         + " (message_id, sender, source_topic, source_partition, source_offset, received_at, payload)"
                         + " values (?, ?, ?, ?, ?, ?, ?)")) {
                consumer.subscribe(MixedTraffic.INTAKE_TOPICS);
                int done = 0;
                long start = 0;
                while (done < count) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (start == 0) {
                            start = System.nanoTime();
                        }
                        if (done == count) {
                            break;
                        }
                        String messageId = AgencyClient.header(record, AgencyClient.MESSAGE_ID);
                        insert.setString(1, messageId);
                        insert.setString(2, AgencyClient.header(record, AgencyClient.SENDER));
                        insert.setString(3, record.topic());
                        insert.setInt(4, record.partition());
                        insert.setLong(5, record.offset());
                        insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
                        insert.setBytes(7, record.value());
                        insert.executeUpdate();
                        try {
                            producer.send(new ProducerRecord<>(OUTPUT, record.key(), record.value())).get();
                        } catch (ExecutionException e) {
                            throw new IllegalStateException("Naive processor could not send", e.getCause());
                        }
                        done++;
                    }
                }
                long elapsed = System.nanoTime() - start;
                consumer.commitSync();
                return elapsed;
            } finally {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("drop table if exists " + TABLE);
                }
            }
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "load-naive-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
