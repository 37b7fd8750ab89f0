package org.safeguarding.exchange.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * A poor man's profiler for the service's intake threads, enough to see which stage a slow pipeline waits in: every
 * few milliseconds it notes, for each intake thread, the innermost frame of the exchange's own code and the frame
 * actually running, and prints the most frequent pairs.
 */
final class StackSampler implements AutoCloseable {

    private final String threadPrefix;
    private final Map<String, Integer> samples = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int total;

    StackSampler(String threadPrefix) {
        this.threadPrefix = threadPrefix;
        thread = new Thread(this::run, "stack-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                if (!e.getKey().getName().startsWith(threadPrefix) || e.getValue().length == 0) {
                    continue;
                }
                StackTraceElement[] stack = e.getValue();
                String ours = null;
                for (StackTraceElement frame : stack) {
                    if (frame.getClassName().startsWith("org.safeguarding")) {
                        ours = shortName(frame);
                        break;
                    }
                }
                if (ours == null) {
                    // Outside the exchange's code: name the Kafka client call the container is in (poll, commit...).
                    ours = "-";
                    for (StackTraceElement frame : stack) {
                        if (frame.getClassName().startsWith("org.apache.kafka.clients.")) {
                            ours = shortName(frame);
                        }
                    }
                }
                String top = stack[0].getClassName() + "." + stack[0].getMethodName();
                synchronized (samples) {
                    samples.merge(ours + " <- " + top, 1, Integer::sum);
                    total++;
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException ex) {
                return;
            }
        }
    }

    private static String shortName(StackTraceElement frame) {
        return frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(1_000);
        synchronized (samples) {
            System.out.printf("  Intake thread samples (%d):%n", total);
            samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                    .forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        }
    }
}
