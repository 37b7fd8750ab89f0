package org.safeguarding.exchange.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time from a Linux /proc stat file, of a process or of one of its threads. */
final class ProcStat {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    private ProcStat() {
    }

    /** User plus system time recorded in {@code statFile} (/proc/[pid]/stat or /proc/[pid]/task/[tid]/stat). */
    static long cpuNanos(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        // Fields after the command name (which may hold spaces) start after the last ')'; utime and stime are 14 and 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }
}
