package org.safeguarding.exchange.service.access;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.safeguarding.exchange.service.access.internal.AccessProperties;
import org.safeguarding.exchange.service.access.internal.KafkaAccess;
import org.safeguarding.exchange.service.contract.ExchangeHeaders;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.directory.Agency;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Who has not read what: each agency's unread inbox messages (from its consumer groups' committed offsets, or from the
 * inbox's start where it has never read), the oldest one's age and whether a hazard notification is among them; and
 * the exchange's own intake lag. Agencies' offsets are read with the Kafka administrator's settings
 * ({@code exchange.access.admin.*}), since the service's own user may not look at agencies' groups; without them the
 * inboxes are not known. Messages are counted by reading them (as the service may), not by subtracting offsets, which
 * would count transaction markers as messages.
 */
@Component
public class KafkaBacklogs {

    /** The intake listener's consumer group (IntakeListener's id). */
    public static final String INTAKE_GROUP = "exchange-intake";
    /** Beyond this many unread messages an inbox is reported as "at least" this many. */
    public static final int MAX_COUNTED = 10_000;
    private static final Duration READ_WAIT = Duration.ofSeconds(2);
    private static final long TIMEOUT_SECONDS = 10;

    /**
     * One agency's unread inbox.
     *
     * @param unread          messages after the agency's committed position (at most {@link #MAX_COUNTED})
     * @param oldestUnreadAt  when the oldest unread message was written to the inbox, or null with none unread
     * @param hazardsUnread   unread hazard notifications
     * @param everRead        whether any consumer group of the agency has committed a position
     */
    public record InboxBacklog(String agency, long unread, Instant oldestUnreadAt, long hazardsUnread, boolean everRead) {
    }

    private final ConsumerFactory<?, ?> consumers;
    private final Admin admin;
    private final Admin ownAdmin;

    KafkaBacklogs(ConsumerFactory<?, ?> consumers, KafkaAdmin kafkaAdmin, AccessProperties properties) {
        this.consumers = consumers;
        this.ownAdmin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.admin = properties.administers()
                ? Admin.create(KafkaAccess.adminClientConfig(kafkaAdmin.getConfigurationProperties(), properties)) : null;
    }

    @PreDestroy
    void close() {
        ownAdmin.close(Duration.ofSeconds(2));
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** Each agency's unread inbox; empty when the service has no administrator's settings to read agencies' offsets with. */
    public Optional<List<InboxBacklog>> inboxes(Collection<Agency> agencies) {
        if (admin == null) {
            return Optional.empty();
        }
        List<String> groups = await(admin.listConsumerGroups().all()).stream().map(ConsumerGroupListing::groupId).toList();
        List<InboxBacklog> backlogs = new ArrayList<>();
        try (Consumer<String, byte[]> reader = reader()) {
            for (Agency agency : agencies) {
                backlogs.add(inbox(agency, groups, reader));
            }
        }
        return Optional.of(backlogs);
    }

    /** Messages on the intake topics the exchange has not yet taken (end offsets less its committed positions). */
    public long intakeLag() {
        Map<TopicPartition, OffsetAndMetadata> committed = await(ownAdmin.listConsumerGroupOffsets(INTAKE_GROUP).partitionsToOffsetAndMetadata());
        List<TopicPartition> partitions = new ArrayList<>();
        Map<String, org.apache.kafka.clients.admin.TopicDescription> topics = await(ownAdmin.describeTopics(IntakeTopic.names()).allTopicNames());
        topics.values().forEach(t -> t.partitions().forEach(p -> partitions.add(new TopicPartition(t.name(), p.partition()))));
        Map<TopicPartition, Long> ends = ends(ownAdmin, partitions);
        long lag = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata at = committed.get(tp);
            lag += Math.max(0, ends.get(tp) - (at == null ? 0 : at.offset()));
        }
        return lag;
    }

    private InboxBacklog inbox(Agency agency, List<String> groups, Consumer<String, byte[]> reader) {
        String prefix = AclPlan.ownPrefix(agency);
        // Whatever any of the agency's groups has read counts as read: the agency has it.
        Map<TopicPartition, Long> read = new HashMap<>();
        for (String group : groups) {
            if (group.startsWith(prefix)) {
                await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).forEach((tp, offset) -> {
                    if (tp.topic().equals(agency.inboxTopic()) && offset != null) {
                        read.merge(tp, offset.offset(), Math::max);
                    }
                });
            }
        }
        List<TopicPartition> partitions = reader.partitionsFor(agency.inboxTopic()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        Map<TopicPartition, Long> starts = reader.beginningOffsets(partitions);
        long unread = 0;
        long hazards = 0;
        Instant oldest = null;
        for (TopicPartition tp : partitions) {
            long from = Math.max(read.getOrDefault(tp, 0L), starts.get(tp));
            long end = ends.get(tp);
            if (from >= end) {
                continue;
            }
            reader.assign(List.of(tp));
            reader.seek(tp, from);
            long deadline = System.nanoTime() + READ_WAIT.toNanos();
            while (reader.position(tp) < end && unread < MAX_COUNTED && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(100))) {
                    unread++;
                    Instant at = Instant.ofEpochMilli(record.timestamp());
                    oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
                    if ("HazardNotification".equals(ExchangeHeaders.text(record.headers(), ExchangeHeaders.RECORD_TYPE))) {
                        hazards++;
                    }
                }
            }
        }
        return new InboxBacklog(agency.code(), unread, oldest, hazards, !read.isEmpty());
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        await(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> reader() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return (Consumer<String, byte[]>) consumers.createConsumer(null, "exchange-inbox-backlog", null, overrides);
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading Kafka offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read Kafka offsets: " + e.getMessage(), e);
        }
    }
}
