package org.safeguarding.exchange.service.testing;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.Reminder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.testing.MixedTraffic;

/**
 * What "exactly once" means for a stream of messages, checked from the outside after a test has broken things: the
 * register holds every message once; a {@code read_committed} reader finds each accepted message once in each inbox the
 * register names, one receipt per message in its sender's receipts topic, and one reminder per overdue request; every
 * chain and the Merkle tree verify, and the newest signed checkpoint covers the whole register.
 */
public final class ExactlyOnceCheck {

    private static final Pattern TREE_SIZE = Pattern.compile("\"latestCheckpointTreeSize\":(\\d+)");

    private ExactlyOnceCheck() {
    }

    /** The counts a test prints and requires to be zero. */
    public record Outcome(int sent, long registered, int lost, int doubled, int remindersOwed, int remindersMissing,
            int remindersDoubled, List<String> problems) {

        public String line() {
            return "sent " + sent + ", registered " + registered + ", lost " + lost + ", doubled " + doubled + ", reminders owed "
                    + remindersOwed + " (missing " + remindersMissing + ", doubled " + remindersDoubled + ")";
        }

        /** Every one of {@code messages} sent, registered, delivered and answered once, and each reminder sent once. */
        public void assertEachMessageHandledOnce(int messages) {
            assertThat(problems).isEmpty();
            assertThat(sent).isEqualTo(messages);
            assertThat(registered).isEqualTo(messages);
            assertThat(lost).isZero();
            assertThat(doubled).isZero();
            assertThat(remindersMissing).isZero();
            assertThat(remindersDoubled).isZero();
        }
    }

    public static long registered(TestInfrastructure.Database database) throws SQLException {
        try (Connection db = database.connect(); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("select count(*) from register_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until the register holds at least this many entries; returns how many it holds. */
    public static long waitForRegistered(TestInfrastructure.Database database, long atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        while (System.nanoTime() < deadline) {
            try {
                count = registered(database);
                if (count >= atLeast) {
                    return count;
                }
            } catch (SQLException beforeMigrationsOrDatabaseAway) {
                // keep waiting
            }
            Thread.sleep(50);
        }
        return count;
    }

    /**
     * How long after {@code since} every chain (intake partition) had registered a message again: the time intake took
     * to recover everywhere. Null while some chain with entries before has none since.
     */
    public static Duration recoveredAfter(TestInfrastructure.Database database, Instant since) throws SQLException {
        try (Connection db = database.connect();
             var sql = db.prepareStatement("""
                     select count(*) filter (where first_after is null), max(first_after)
                     from (select chain_id, min(received_at) filter (where received_at > ?) first_after
                           from register_entry group by chain_id) chains""")) {
            sql.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                Timestamp last = rs.getTimestamp(2);
                return rs.getLong(1) > 0 || last == null ? null : Duration.between(since, last.toInstant());
            }
        }
    }

    /** Waits for {@link #recoveredAfter}; fails after {@code timeout}. */
    public static Duration waitForRecovery(TestInfrastructure.Database database, Instant since, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Duration recovered = recoveredAfter(database, since);
                if (recovered != null) {
                    return recovered;
                }
            } catch (SQLException databaseAway) {
                // keep waiting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not every intake partition registered a message within " + timeout + " of " + since);
    }

    /**
     * Checks everything once the stream has been sent: waits up to {@code timeout} for the register, the topics and the
     * newest checkpoint to be complete, then reads on a few seconds more for second copies.
     */
    public static Outcome check(TrafficStream stream, TestInfrastructure.Database database, Map<String, Object> adminConfig,
            String registryUrl, String serviceUrl, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> ids = stream.messageIds();
        waitForRegistered(database, ids.size(), timeout);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> entries = new HashMap<>();
        Map<String, Set<String>> expectedCopies = new HashMap<>();
        try (Connection db = database.connect(); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("""
                     select message_id, coalesce(proven_sender, sender), outcome, recipient_agencies from register_entry""")) {
            while (rs.next()) {
                String id = rs.getString(1);
                entries.merge(id, 1, Integer::sum);
                Set<String> topics = expectedCopies.computeIfAbsent(id, x -> new HashSet<>());
                topics.add("agency." + rs.getString(2) + ".receipts");
                if ("ACCEPTED".equals(rs.getString(3))) {
                    for (String recipient : (String[]) rs.getArray(4).getArray()) {
                        topics.add("agency." + recipient + ".inbox");
                    }
                }
            }
        }
        Set<String> lost = new HashSet<>();
        Set<String> doubled = new HashSet<>();
        for (String id : ids) {
            if (!entries.containsKey(id)) {
                lost.add(id);
                problems.add("not registered: " + id);
            } else if (entries.get(id) > 1) {
                doubled.add(id);
                problems.add("registered " + entries.get(id) + " times: " + id);
            }
        }

        Map<String, Map<String, Integer>> copies = new HashMap<>();
        Map<String, Integer> reminders = new HashMap<>();
        try (AgencyClient decoder = new AgencyClient(MixedTraffic.AGENCIES.get(0), with(adminConfig, "schema.registry.url", registryUrl))) {
            readAll(adminConfig, deadline, decoder, copies, reminders, ids, expectedCopies, stream.overdueRequestIds());
        }
        for (String id : ids) {
            Map<String, Integer> found = copies.getOrDefault(id, Map.of());
            for (String topic : expectedCopies.getOrDefault(id, Set.of())) {
                int n = found.getOrDefault(topic, 0);
                if (n == 0) {
                    lost.add(id);
                    problems.add("no copy on " + topic + ": " + id);
                } else if (n > 1) {
                    doubled.add(id);
                    problems.add(n + " copies on " + topic + ": " + id);
                }
            }
            for (String topic : found.keySet()) {
                if (!expectedCopies.getOrDefault(id, Set.of()).contains(topic)) {
                    doubled.add(id);
                    problems.add("a copy on " + topic + ", which the register does not name: " + id);
                }
            }
        }
        int remindersMissing = 0;
        int remindersDoubled = 0;
        for (String request : stream.overdueRequestIds()) {
            int n = reminders.getOrDefault(request, 0);
            remindersMissing += n == 0 ? 1 : 0;
            remindersDoubled += n > 1 ? 1 : 0;
        }
        verifyRegister(serviceUrl, ids.size(), deadline, problems);
        return new Outcome(stream.sent(), entries.size(), lost.size(), doubled.size(), stream.overdueRequestIds().size(),
                remindersMissing, remindersDoubled, problems.stream().limit(20).toList());
    }

    private static void readAll(Map<String, Object> adminConfig, long deadline, AgencyClient decoder,
            Map<String, Map<String, Integer>> copies, Map<String, Integer> reminders, Set<String> ids,
            Map<String, Set<String>> expectedCopies, Set<String> overdue) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long expected = expectedCopies.entrySet().stream().filter(e -> ids.contains(e.getKey())).mapToLong(e -> e.getValue().size()).sum();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String agency : MixedTraffic.AGENCIES) {
                for (String topic : List.of("agency." + agency + ".inbox", "agency." + agency + ".receipts")) {
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long found = 0;
            long completeAt = 0;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String id = AgencyClient.header(record, AgencyClient.MESSAGE_ID);
                    if (ids.contains(id)) {
                        int n = copies.computeIfAbsent(id, x -> new HashMap<>()).merge(record.topic(), 1, Integer::sum);
                        if (n == 1 && expectedCopies.getOrDefault(id, Set.of()).contains(record.topic())) {
                            found++;
                        }
                    } else if ("Reminder".equals(AgencyClient.header(record, "exchange-record-type"))) {
                        Reminder reminder = (Reminder) decoder.decode(record.topic(), record.value());
                        if (overdue.contains(reminder.getSubjectReference())) {
                            reminders.merge(reminder.getSubjectReference(), 1, Integer::sum);
                        }
                    }
                }
                boolean complete = found >= expected && reminders.keySet().containsAll(overdue);
                if (complete && completeAt == 0) {
                    completeAt = System.nanoTime();
                }
                // A second copy would come after the first: read on a little once everything is there.
                if (completeAt != 0 && System.nanoTime() - completeAt > Duration.ofSeconds(3).toNanos()) {
                    return;
                }
            }
        }
    }

    /** Every chain and the Merkle tree verify, with the newest checkpoint covering every entry. */
    private static void verifyRegister(String serviceUrl, long entries, long deadline, List<String> problems) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/api/register/verify"))
                    .header("Authorization", TestUsers.basicAuthorization(TestUsers.AUDITOR)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher treeSize = TREE_SIZE.matcher(body);
            if (treeSize.find() && Long.parseLong(treeSize.group(1)) >= entries) {
                break;
            }
            Thread.sleep(1000);
        }
        if (!body.contains("\"intact\":true") || !body.contains("\"entriesChecked\":" + entries)
                || !body.contains("\"latestCheckpointTreeSize\":" + entries)) {
            problems.add("the register does not verify whole: " + body);
        }
    }

    private static Map<String, Object> with(Map<String, Object> config, String key, Object value) {
        Map<String, Object> more = new HashMap<>(config);
        more.put(key, value);
        return more;
    }
}
