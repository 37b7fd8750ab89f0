package org.safeguarding.exchange.service.register;

import static org.safeguarding.exchange.service.sql.SqlValues.strings;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.safeguarding.exchange.service.register.internal.BigEndianBuffer;
import org.safeguarding.exchange.service.register.internal.EntryRows;
import org.safeguarding.exchange.service.register.internal.WriterSchemas;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The sharing register: records a batch of messages in one database transaction, keyed by the proven sender and the
 * message id ({@link EntryKey}), so that the register and nothing else decides whether a message is new, a replay or a
 * duplicate; and hands entries to whoever rehashes them in sequence order. With {@link RegisterSearch}, the only code
 * that touches {@code register_entry}.
 *
 * <p>Per batch: one query for the message ids already present, one for the heads of the chains involved, one to
 * allocate sequence numbers, one binary COPY of the new entries. No round trip per message.
 */
@Service
public class SharingRegister {

    /** Advisory lock key fencing sequence allocation from the checkpoint signer's watermark read ("regseq"). */
    private static final long SEQUENCE_FENCE = 0x7265677365710001L;

    private final JdbcTemplate jdbc;
    private final EntryRows rows;
    private final WriterSchemas schemas;

    SharingRegister(JdbcTemplate jdbc, ObjectMapper json, WriterSchemas schemas) {
        this.jdbc = jdbc;
        this.rows = new EntryRows(json);
        this.schemas = schemas;
    }

    @Transactional
    public List<Recorded> record(List<NewEntry> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<EntryKey, RegisterEntry> existing = findByKeys(batch.stream().map(NewEntry::key).distinct().toList());
        List<NewEntry> fresh = new ArrayList<>();
        Map<EntryKey, NewEntry> firstInBatch = new HashMap<>();
        for (NewEntry message : batch) {
            if (!existing.containsKey(message.key()) && firstInBatch.putIfAbsent(message.key(), message) == null) {
                fresh.add(message);
            }
        }
        Map<EntryKey, RegisterEntry> written = append(fresh);

        List<Recorded> results = new ArrayList<>(batch.size());
        for (NewEntry message : batch) {
            RegisterEntry before = existing.get(message.key());
            if (before != null) {
                boolean sameRecord = before.message().source().equals(message.source());
                results.add(new Recorded(message, before, sameRecord ? Disposition.REPLAY : Disposition.DUPLICATE));
            } else if (firstInBatch.get(message.key()) == message) {
                results.add(new Recorded(message, written.get(message.key()), Disposition.NEW));
            } else {
                results.add(new Recorded(message, written.get(message.key()), Disposition.DUPLICATE));
            }
        }
        return results;
    }

    /**
     * The text of the schema {@code schemaId}, as the registry the service decodes with gives it: the entries naming
     * it record its SHA-256 (from version 2 of {@link EntryEncoding}). Empty when the registry holds no such schema.
     */
    public Optional<String> schemaText(int schemaId) {
        return schemas.text(schemaId);
    }

    private Map<EntryKey, RegisterEntry> append(List<NewEntry> fresh) {
        Map<EntryKey, RegisterEntry> written = new HashMap<>();
        if (fresh.isEmpty()) {
            return written;
        }
        Map<String, Chain> chains = chainHeads(fresh.stream().map(m -> m.source().chainId()).distinct().toList());
        Iterator<Long> sequences = allocateSequences(fresh.size()).iterator();
        List<RegisterEntry> entries = new ArrayList<>(fresh.size());
        for (NewEntry message : fresh) {
            // Cached per schema id: no registry call per message. An undecodable message has no schema to read it with.
            byte[] schemaSha256 = message.schemaId() == null || message.outcome() == EntryOutcome.UNDECODABLE ? null
                    : schemas.sha256(message.schemaId());
            RegisterEntry entry = chains.get(message.source().chainId()).append(sequences.next(), message, schemaSha256);
            entries.add(entry);
            written.put(message.key(), entry);
        }
        insert(entries);
        return written;
    }

    /** The entries already registered under these keys: looked up by message id, then matched by proven sender. */
    private Map<EntryKey, RegisterEntry> findByKeys(List<EntryKey> keys) {
        Set<EntryKey> wanted = new HashSet<>(keys);
        Map<EntryKey, RegisterEntry> found = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select " + EntryRows.COLUMNS + " from register_entry where message_id = any(?)");
            ps.setArray(1, con.createArrayOf("text", keys.stream().map(EntryKey::messageId).distinct().toArray()));
            return ps;
        }, (RowCallbackHandler) rs -> {
            RegisterEntry entry = rows.entry(rs);
            if (wanted.contains(entry.message().key())) {
                found.put(entry.message().key(), entry);
            }
        });
        return found;
    }

    /** The head of each named chain; chains with no entry yet start empty. */
    private Map<String, Chain> chainHeads(List<String> chainIds) {
        Map<String, Chain> heads = new HashMap<>();
        jdbc.query(con -> {
            // One backward index step per chain (the unique (chain_id, chain_position) index): "distinct on" would
            // read every entry of each chain, a cost that grows with the register.
            PreparedStatement ps = con.prepareStatement("""
                    select c.chain_id, head.chain_position, head.entry_hash
                    from unnest(?::text[]) as c(chain_id)
                    cross join lateral (select chain_position, entry_hash from register_entry e
                                        where e.chain_id = c.chain_id order by chain_position desc limit 1) head""");
            ps.setArray(1, con.createArrayOf("text", chainIds.toArray()));
            return ps;
        }, (RowCallbackHandler) rs -> heads.put(rs.getString(1),
                new Chain(rs.getString(1), rs.getLong(2) + 1, rs.getBytes(3))));
        for (String chainId : new HashSet<>(chainIds)) {
            heads.computeIfAbsent(chainId, Chain::empty);
        }
        return heads;
    }

    private List<Long> allocateSequences(int count) {
        // Held until this transaction ends: the checkpoint signer takes the same lock exclusively to learn the highest
        // sequence no writer still has in flight (committedWatermark).
        jdbc.queryForObject("select pg_advisory_xact_lock_shared(?) is null", Boolean.class, SEQUENCE_FENCE);
        return jdbc.queryForList("select nextval('register_entry_sequence') from generate_series(1, ?)", Long.class, count);
    }

    private void insert(List<RegisterEntry> entries) {
        BigEndianBuffer data = rows.copyData(entries);
        // In the transaction's own connection, so the rows commit or roll back with the rest of the batch.
        jdbc.execute((ConnectionCallback<Long>) con -> {
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(EntryRows.COPY);
            try {
                copy.writeToCopy(data.array(), 0, data.length());
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    /** For each accepted share request id, the agencies on either side of it (requester and recipient). */
    @Transactional(readOnly = true)
    public Map<String, List<String>> partiesOfRequests(List<String> requestIds) {
        Map<String, List<String>> parties = new HashMap<>();
        if (requestIds.isEmpty()) {
            return parties;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select request_id, sending_agency, recipient_agencies from register_entry"
                    + " where record_type = 'ShareRequest' and outcome = 'ACCEPTED' and request_id = any(?)");
            ps.setArray(1, con.createArrayOf("text", requestIds.toArray()));
            return ps;
        }, (RowCallbackHandler) rs -> {
            List<String> agencies = parties.computeIfAbsent(rs.getString(1), id -> new ArrayList<>());
            agencies.add(rs.getString(2));
            agencies.addAll(strings(rs.getArray(3)));
        });
        return parties;
    }

    /**
     * The highest sequence below which no entry can still appear: every entry with a sequence at or below it is
     * committed or never will be. Sequences are allocated before commit and batches commit concurrently, so a later
     * sequence can be visible before an earlier one; readers that need a gap-free prefix (the Merkle tree) stop here.
     * Takes the fence exclusively: briefly waits for the batches in flight to commit, and new batches wait for it.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long committedWatermark() {
        jdbc.queryForObject("select pg_advisory_xact_lock(?) is null", Boolean.class, SEQUENCE_FENCE);
        return highestAllocatedSequence();
    }

    /**
     * The committed watermark if no batch has sequences in flight at this instant, else empty. Never waits, so it
     * never holds a batch back (a waiting exclusive request queues every new writer behind it).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public OptionalLong committedWatermarkIfIdle() {
        boolean fenced = Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, SEQUENCE_FENCE));
        return fenced ? OptionalLong.of(highestAllocatedSequence()) : OptionalLong.empty();
    }

    /** The highest sequence of an entry committed so far (0 when the register is empty). */
    @Transactional(readOnly = true)
    public long highestRecordedSequence() {
        return jdbc.queryForObject("select coalesce(max(sequence), 0) from register_entry", Long.class);
    }

    private long highestAllocatedSequence() {
        return jdbc.queryForObject("select case when is_called then last_value else last_value - 1 end from register_entry_sequence",
                Long.class);
    }

    /** Streams the entries with sequence in (after, upTo], in sequence order, one row in memory at a time. */
    @Transactional(readOnly = true)
    public void forEachInSequenceOrder(long after, long upTo, Consumer<RegisterEntry> action) {
        forEachInSequenceOrder(after, upTo, true, action);
    }

    /**
     * As {@link #forEachInSequenceOrder}, but without the message bytes (payload null): the entry hash covers them only
     * through their recorded SHA-256, so whoever only rehashes entries (the checkpoint signer) need not read them.
     */
    @Transactional(readOnly = true)
    public void forEachHashableInSequenceOrder(long after, long upTo, Consumer<RegisterEntry> action) {
        forEachInSequenceOrder(after, upTo, false, action);
    }

    private void forEachInSequenceOrder(long after, long upTo, boolean withPayload, Consumer<RegisterEntry> action) {
        String columns = withPayload ? EntryRows.COLUMNS : EntryRows.COLUMNS.replace(" payload,", " null::bytea as payload,");
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select " + columns + " from register_entry where sequence > ? and sequence <= ? order by sequence",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            ps.setFetchSize(1000);
            return ps;
        }, (RowCallbackHandler) rs -> action.accept(rows.entry(rs)));
    }
}
