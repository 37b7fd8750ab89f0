package org.safeguarding.exchange.benchmarks;

import java.io.IOException;
import java.nio.file.Path;

/**
 * CPU time of the embedded PostgreSQL server: the postmaster started from this run's data directory and every
 * process under it (one backend per connection), read from /proc. CPU time, unlike elapsed time, does not depend
 * on who else uses the machine. Zero where /proc or the server is not there (an external database).
 */
final class PostgresCpu {

    private PostgresCpu() {
    }

    static long nanos() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains("exchange-load-")).orElse(false))
                .flatMap(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants()))
                .distinct()
                .mapToLong(process -> ofProcess(process.pid()))
                .sum();
    }

    /** One server process's CPU time (a backend's, say); 0 where it cannot be read (gone, or on another machine). */
    static long ofProcess(long pid) {
        try {
            return ProcStat.cpuNanos(Path.of("/proc", String.valueOf(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
