package org.safeguarding.exchange.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The least PostgreSQL can spend to store the register's entries: the entries a pipeline run has just written, copied
 * back in by binary COPY (no statements, no parameter parsing) in transactions of a poll's size, each committed with
 * fsync, into a fresh table shaped as the register, with all its indexes, with only its unique constraints, and as a
 * bare heap. Whatever the service does around it, every entry costs at least the first figure of PostgreSQL's CPU,
 * so together with the raw pipe's CPU per message it bounds what this machine can sustain end to end. Needs the
 * database on this machine (its CPU is read from /proc).
 */
final class RegisterWriteFloor {

    static final String TABLE = "register_write_floor";

    /** One way of shaping the table, and the SQL that makes it from an empty database object. */
    enum Shape {
        ALL_INDEXES("as the register, all its indexes", "create table " + TABLE + " (like register_entry including all)"),
        UNIQUE_ONLY("its unique constraints only", "create table " + TABLE + " (like register_entry including all)"),
        HEAP_ONLY("bare heap, no index", "create table " + TABLE + " (like register_entry including defaults)");

        final String description;
        final String create;

        Shape(String description, String create) {
            this.description = description;
            this.create = create;
        }
    }

    record Result(int entries, long backendCpuNanos, long nanos) {

        double cpuMicrosPerEntry() {
            return backendCpuNanos / 1e3 / entries;
        }
    }

    private final DataSource dataSource;
    private final List<byte[]> chunks = new ArrayList<>();
    private int entries;

    private RegisterWriteFloor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads up to {@code count} entries after {@code afterSequence} in COPY's binary form, {@code perTransaction} at a time. */
    static RegisterWriteFloor of(DataSource dataSource, long afterSequence, int count, int perTransaction) throws Exception {
        RegisterWriteFloor floor = new RegisterWriteFloor(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (long from = afterSequence; floor.entries < count; from += perTransaction) {
                ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                long rows = copy.copyOut("copy (select * from register_entry where sequence > " + from + " and sequence <= "
                        + (from + perTransaction) + " order by sequence) to stdout (format binary)", chunk);
                if (rows == 0) {
                    break;
                }
                floor.chunks.add(chunk.toByteArray());
                floor.entries += (int) rows;
            }
        }
        return floor;
    }

    int entries() {
        return entries;
    }

    /**
     * Makes the table in this shape, empty, with no dirty pages of the pipeline run left for the copy to write, then
     * copies the entries into it in committed transactions of a poll's size and drops it again. The figure is the CPU
     * of the one server process that did the copy: the register's own autovacuum, busy after a load run, does not
     * count, nor do the WAL writer and checkpointer, so if anything it says less than the rows really cost.
     */
    Result measure(Shape shape) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            long backendPid;
            try (Statement sql = connection.createStatement()) {
                sql.execute("drop table if exists " + TABLE);
                sql.execute(shape.create);
                // As V3__register.sql sets it for the register: rows up to 4 kB stay whole instead of being compressed or TOASTed.
                sql.execute("alter table " + TABLE + " set (toast_tuple_target = 4080, autovacuum_enabled = false)");
                if (shape == Shape.UNIQUE_ONLY) {
                    dropNonUniqueIndexes(sql);
                }
                sql.execute("checkpoint");
                try (var rs = sql.executeQuery("select pg_backend_pid()")) {
                    rs.next();
                    backendPid = rs.getLong(1);
                }
            }
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long cpuBefore = PostgresCpu.ofProcess(backendPid);
            long start = System.nanoTime();
            for (byte[] chunk : chunks) {
                copy.copyIn("copy " + TABLE + " from stdin (format binary)", new ByteArrayInputStream(chunk));
                connection.commit();
            }
            long nanos = System.nanoTime() - start;
            long cpu = PostgresCpu.ofProcess(backendPid) - cpuBefore;
            connection.setAutoCommit(true);
            try (Statement sql = connection.createStatement()) {
                sql.execute("drop table " + TABLE);
            }
            return new Result(entries, cpu, nanos);
        }
    }

    private static void dropNonUniqueIndexes(Statement sql) throws Exception {
        List<String> names = new ArrayList<>();
        try (var rs = sql.executeQuery("select indexrelid::regclass::text from pg_index where indrelid = '" + TABLE
                + "'::regclass and not indisunique")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            sql.execute("drop index " + name);
        }
    }
}
