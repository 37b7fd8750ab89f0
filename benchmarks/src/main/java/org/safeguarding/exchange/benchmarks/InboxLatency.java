package org.safeguarding.exchange.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.testing.MixedTraffic.Message;
import org.safeguarding.exchange.testing.MixedTraffic;

/**
 * Latency at a steady, modest rate: each message's time from the agency's send to its arrival in the recipient's
 * inbox, as a read_committed reader sees it (so after the service's transaction committed). A warm-up at the same
 * rate comes first and is not counted. Messages without a recipient (consent outcomes) are sent but not timed; a
 * hazard notified to two agencies is timed to its first arrival.
 */
final class InboxLatency {

    record Result(int timed, int lost, long p50Micros, long p99Micros, long maxMicros, double achievedRate) {

        String percentiles() {
            return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0);
        }
    }

    private InboxLatency() {
    }

    static Result run(LoadKafka.Clients kafka, List<Message> messages, int ratePerSecond, int warmupSeconds, int seconds)
            throws InterruptedException {
        return run(kafka, messages, ratePerSecond, warmupSeconds, seconds, Message::topic,
                MixedTraffic.AGENCIES.stream().map(a -> "agency." + a + ".inbox").toList());
    }

    /** As above, sending each message to {@code topicOf} and timing its first arrival in any of {@code inboxes}. */
    static Result run(LoadKafka.Clients kafka, List<Message> messages, int ratePerSecond, int warmupSeconds, int seconds,
            Function<Message, String> topicOf, List<String> inboxes) throws InterruptedException {
        int warmup = ratePerSecond * warmupSeconds;
        int total = warmup + ratePerSecond * seconds;
        if (messages.size() < total) {
            throw new IllegalArgumentException("Need " + total + " messages, got " + messages.size());
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        // Each arrival as {nanos sent, nanos taken}: the percentiles, and a timeline that shows whether slow arrivals
        // come together (something periodic stalls the pipe) or spread out (the pipe is simply slow).
        List<long[]> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        KafkaConsumer<String, byte[]> reader = LoadKafka.readCommitted(kafka.admin(), "load-latency");
        reader.subscribe(inboxes);
        while (reader.assignment().size() < inboxes.size()) {
            reader.poll(Duration.ofMillis(100));
        }
        // Start at the end of every inbox: only this run's arrivals count.
        reader.seekToEnd(reader.assignment());
        reader.assignment().forEach(reader::position);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread readerThread = new Thread(() -> {
            try (reader) {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        Long sent = sentAt.remove(AgencyClient.header(record, AgencyClient.MESSAGE_ID));
                        if (sent != null) {
                            latencies.add(new long[] {sent, now - sent});
                        }
                    }
                }
            }
        }, "latency-reader");
        readerThread.setDaemon(true);
        readerThread.start();

        long timedSent = 0;
        long start;
        long end;
        // The Kafka client's default linger (5 ms since Kafka 4.0), as an agency's producer left at its defaults would
        // send; the wait counts in the latency measured.
        try (KafkaProducer<String, byte[]> producer = LoadKafka.producer(kafka.sender(), 5)) {
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
            start = System.nanoTime();
            long timedStart = start + warmup * intervalNanos;
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                Message message = messages.get(i);
                boolean timed = i >= warmup && !message.recipients().isEmpty();
                if (timed) {
                    sentAt.put(message.messageId(), System.nanoTime());
                    timedSent++;
                }
                producer.send(LoadKafka.record(topicOf.apply(message), message));
            }
            end = System.nanoTime();
            producer.flush();
            double achieved = (total - warmup) / ((end - timedStart) / 1e9);
            // Let the last messages arrive.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            running.set(false);
            readerThread.join(5_000);
            List<long[]> arrivals;
            synchronized (latencies) {
                arrivals = new ArrayList<>(latencies);
            }
            printTimeline(arrivals, timedStart);
            long[] sorted = arrivals.stream().mapToLong(arrival -> arrival[1]).sorted().toArray();
            if (sorted.length == 0) {
                throw new IllegalStateException("No message arrived in an inbox");
            }
            return new Result(sorted.length, (int) (timedSent - sorted.length), micros(percentile(sorted, 50)),
                    micros(percentile(sorted, 99)), micros(sorted[sorted.length - 1]), achieved);
        }
    }

    /** Per 5 seconds of sending: arrivals, p50, p99 and max, so that a stall shows where it happened. */
    private static void printTimeline(List<long[]> arrivals, long timedStart) {
        Map<Long, List<Long>> windows = new java.util.TreeMap<>();
        for (long[] arrival : arrivals) {
            long window = TimeUnit.NANOSECONDS.toSeconds(arrival[0] - timedStart) / 5;
            windows.computeIfAbsent(window, w -> new ArrayList<>()).add(arrival[1]);
        }
        windows.forEach((window, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  latency %3d-%3d s: %5d arrivals, p50 %7.1f ms, p99 %7.1f ms, max %7.1f ms%n", window * 5,
                    window * 5 + 5, sorted.length, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        });
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long micros(long nanos) {
        return TimeUnit.NANOSECONDS.toMicros(nanos);
    }
}
