package org.safeguarding.exchange.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service's own timing of each intake poll by phase (exchange.intake.batch: admit, record, deliver) since a mark:
 * polls, mean, and the recent p99 and max; and, from its producers' metrics, the mean time per poll spent sending the
 * offsets to the Kafka transaction and committing it. So a slow delivery can be placed in the database or in Kafka.
 */
final class IntakePhases {

    private static final String TIMER = "exchange.intake.batch";
    private static final String SERVICE_PRODUCERS = "exchange-service-producer-*";
    private static final List<String> PRODUCER_METRICS = List.of("txn-send-offsets-time-ns-total", "txn-commit-time-ns-total");

    private final MeterRegistry meters;
    private final Map<String, long[]> atMark;
    private final Map<String, Double> producerNanosAtMark;

    private IntakePhases(MeterRegistry meters) {
        this.meters = meters;
        this.atMark = counts(meters);
        this.producerNanosAtMark = producerNanos();
    }

    static IntakePhases mark(MeterRegistry meters) {
        return new IntakePhases(meters);
    }

    void print() {
        System.out.println("  Intake polls by phase (mean since the start of this measurement; p99 and max of the last minutes):");
        long polls = 0;
        for (Timer timer : meters.find(TIMER).timers()) {
            String phase = timer.getId().getTag("phase");
            long[] before = atMark.getOrDefault(phase, new long[2]);
            long phasePolls = timer.count() - before[0];
            polls = Math.max(polls, phasePolls);
            double meanMillis = phasePolls == 0 ? 0 : (timer.totalTime(TimeUnit.NANOSECONDS) - before[1]) / phasePolls / 1e6;
            HistogramSnapshot snapshot = timer.takeSnapshot();
            double p99 = 0;
            for (ValueAtPercentile value : snapshot.percentileValues()) {
                if (value.percentile() == 0.99) {
                    p99 = value.value(TimeUnit.MILLISECONDS);
                }
            }
            System.out.printf("    %-12s %,7d polls, mean %7.1f ms, p99 %7.1f ms, max %7.1f ms%n", phase, phasePolls, meanMillis, p99,
                    snapshot.max(TimeUnit.MILLISECONDS));
        }
        Map<String, Double> producerNanos = producerNanos();
        for (String metric : PRODUCER_METRICS) {
            double nanos = producerNanos.getOrDefault(metric, 0.0) - producerNanosAtMark.getOrDefault(metric, 0.0);
            System.out.printf("    %-12s %,7d polls, mean %7.1f ms (the service's producers' %s)%n",
                    metric.startsWith("txn-commit") ? "commit" : "send-offsets", polls, polls == 0 ? 0 : nanos / polls / 1e6, metric);
        }
    }

    /** The service's producers' own totals of time spent in these transaction calls, from their JMX metrics. */
    private static Map<String, Double> producerNanos() {
        Map<String, Double> totals = new HashMap<>();
        for (String metric : PRODUCER_METRICS) {
            totals.putAll(JmxTotals.sum("kafka.producer:type=producer-metrics,client-id=" + SERVICE_PRODUCERS, metric, name -> metric));
        }
        return totals;
    }

    private static Map<String, long[]> counts(MeterRegistry meters) {
        Map<String, long[]> counts = new HashMap<>();
        for (Timer timer : meters.find(TIMER).timers()) {
            counts.put(timer.getId().getTag("phase"), new long[] {timer.count(), (long) timer.totalTime(TimeUnit.NANOSECONDS)});
        }
        return counts;
    }
}
