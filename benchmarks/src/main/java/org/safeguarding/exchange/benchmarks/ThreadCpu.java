package org.safeguarding.exchange.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * CPU time of this process's threads, grouped by name (numbers at the end dropped, so the broker's eight network threads
 * count as one group), read from /proc/self/task. Unlike the JVM's own thread accounting it sees the JIT compiler and
 * garbage collector threads, which in one process holding broker, service and driver are a large share. Empty where
 * there is no /proc.
 */
final class ThreadCpu {

    private final Map<Long, ThreadTime> threadsAtMark;

    private ThreadCpu(Map<Long, ThreadTime> threads) {
        this.threadsAtMark = threads;
    }

    private record ThreadTime(String group, long nanos) {
    }

    static ThreadCpu mark() {
        return new ThreadCpu(threads());
    }

    /**
     * CPU per thread group since the mark, largest first, as "group 12.3 s" joined by commas, at most {@code groups} of
     * them; threads gone since the mark are not counted.
     */
    String since(int groups) {
        return byGroupSince().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(groups)
                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue() / 1e9)).collect(Collectors.joining(", "));
    }

    /** CPU since the mark of the thread groups whose name passes {@code groups}. */
    long nanosSince(Predicate<String> groups) {
        return byGroupSince().entrySet().stream().filter(e -> groups.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    private Map<String, Long> byGroupSince() {
        Map<String, Long> byGroup = new HashMap<>();
        threads().forEach((tid, now) -> {
            ThreadTime before = threadsAtMark.get(tid);
            byGroup.merge(now.group(), now.nanos() - (before == null ? 0 : before.nanos()), Long::sum);
        });
        return byGroup;
    }

    private static Map<Long, ThreadTime> threads() {
        Map<Long, ThreadTime> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new ThreadTime(group(name), ProcStat.cpuNanos(task.resolve("stat"))));
                } catch (IOException | RuntimeException e) {
                    // The thread ended while being read.
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return threads;
    }

    /** Linux keeps 15 characters of a thread's name ("data-plane-kafk"); the numbers at its end tell threads of a group apart. */
    static String group(String threadName) {
        return threadName.replaceAll("([-#_ ]*[0-9]+)+$", "").replaceAll("[-#_ ]+$", "");
    }
}
