package org.safeguarding.exchange.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Requests the in-process broker has served, by type, from its own request metrics: at a modest rate the broker's
 * CPU goes by requests, not by messages, and this shows which clients' requests those are. Empty for a broker in
 * another process.
 */
final class BrokerRequests {

    private final Map<String, Long> countsAtMark;

    private BrokerRequests(Map<String, Long> counts) {
        this.countsAtMark = counts;
    }

    static BrokerRequests mark() {
        return new BrokerRequests(counts());
    }

    /** Requests per second of each type since the mark, the most frequent first, at most {@code types} of them. */
    String since(double seconds, int types) {
        Map<String, Long> delta = new HashMap<>();
        counts().forEach((type, count) -> delta.put(type, count - countsAtMark.getOrDefault(type, 0L)));
        return delta.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(types)
                .map(e -> String.format("%s %.0f", e.getKey(), e.getValue() / seconds)).collect(Collectors.joining(", "));
    }

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        JmxTotals.sum("kafka.network:type=RequestMetrics,name=RequestsPerSec,*", "Count", name -> name.getKeyProperty("request"))
                .forEach((type, count) -> counts.put(type, count.longValue()));
        return counts;
    }
}
