package org.safeguarding.exchange.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the embedded PostgreSQL server: the postmaster started from this run's data directory and every
 * process under it (one backend per connection), read from /proc. CPU time, unlike elapsed time, does not depend
 * on who else uses the machine. Zero where /proc or the server is not there (an external database).
 */
final class PostgresCpu {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    private PostgresCpu() {
    }

    static long nanos() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains("exchange-load-")).orElse(false))
                .flatMap(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants()))
                .distinct()
                .mapToLong(PostgresCpu::cpuNanos)
                .sum();
    }

    private static long cpuNanos(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // Fields after the command name (which may hold spaces) start after the last ')'; utime and stime are 14 and 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
