package org.safeguarding.exchange.service.console.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safeguarding.exchange.service.register.RegisterTraffic;

/**
 * The register's traffic counts as the hub reads them: totals per intake topic and per sender, and a series per minute
 * (minutes without traffic included, as zeros) for the chart and the table beside it.
 */
public record TrafficSummary(List<Row> perTopic, List<Row> perSender, List<Minute> minutes) {

    /** Messages accepted, rejected and undecodable under one name (a topic or a sender). */
    public record Row(String name, long accepted, long rejected, long undecodable) {

        public long total() {
            return accepted + rejected + undecodable;
        }

        Row plus(String outcome, long messages) {
            return switch (outcome) {
                case "ACCEPTED" -> new Row(name, accepted + messages, rejected, undecodable);
                case "REJECTED" -> new Row(name, accepted, rejected + messages, undecodable);
                default -> new Row(name, accepted, rejected, undecodable + messages);
            };
        }
    }

    /** One minute of traffic, starting at {@code start}. */
    public record Minute(Instant start, long accepted, long rejected, long undecodable) {

        /** The minute as a duty manager reads it: {@code 14:05} (UTC). */
        public String label() {
            return HOURS_MINUTES.format(start);
        }
    }

    private static final java.time.format.DateTimeFormatter HOURS_MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC);

    /** The counts of the {@code window} minutes up to and including the minute of {@code now}. */
    public static TrafficSummary of(List<RegisterTraffic.Count> counts, Instant now, int window) {
        Map<String, Row> topics = new TreeMap<>();
        Map<String, Row> senders = new TreeMap<>();
        Instant last = now.truncatedTo(ChronoUnit.MINUTES);
        Instant first = last.minus(window - 1L, ChronoUnit.MINUTES);
        Map<Instant, Row> byMinute = new TreeMap<>();
        for (int i = 0; i < window; i++) {
            Instant minute = first.plus(i, ChronoUnit.MINUTES);
            byMinute.put(minute, new Row(minute.toString(), 0, 0, 0));
        }
        for (RegisterTraffic.Count count : counts) {
            if (count.minute().isBefore(first) || count.minute().isAfter(last)) {
                continue;
            }
            topics.merge(count.topic(), new Row(count.topic(), 0, 0, 0).plus(count.outcome(), count.messages()),
                    (a, b) -> a.plus(count.outcome(), count.messages()));
            senders.merge(count.sender(), new Row(count.sender(), 0, 0, 0).plus(count.outcome(), count.messages()),
                    (a, b) -> a.plus(count.outcome(), count.messages()));
            byMinute.computeIfPresent(count.minute(), (m, row) -> row.plus(count.outcome(), count.messages()));
        }
        List<Minute> minutes = new ArrayList<>();
        byMinute.forEach((start, row) -> minutes.add(new Minute(start, row.accepted(), row.rejected(), row.undecodable())));
        return new TrafficSummary(List.copyOf(topics.values()), List.copyOf(senders.values()), minutes);
    }

    /** {@link #chartSeries()} as JSON: numbers only, so written without a JSON library. */
    public String chartSeriesJson() {
        return chartSeries().stream().map(List::toString).collect(java.util.stream.Collectors.joining(",", "[", "]")).replace(" ", "");
    }

    /** The series as the chart takes it: seconds since the epoch, then accepted, rejected and undecodable per minute. */
    public List<List<Long>> chartSeries() {
        List<Long> x = new ArrayList<>();
        List<Long> accepted = new ArrayList<>();
        List<Long> rejected = new ArrayList<>();
        List<Long> undecodable = new ArrayList<>();
        for (Minute m : minutes) {
            x.add(m.start().getEpochSecond());
            accepted.add(m.accepted());
            rejected.add(m.rejected());
            undecodable.add(m.undecodable());
        }
        return List.of(x, accepted, rejected, undecodable);
    }
}
