package org.safeguarding.exchange.service.checkpoints.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.safeguarding.exchange.service.integrity.Checkpoint;
import org.safeguarding.exchange.service.integrity.SignedCheckpoint;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** SQL of the leaf, checkpoint and checkpoint publication tables (V4__checkpoints.sql). */
@Repository
public class CheckpointStore {

    /** Advisory lock key held by the one instance signing at a time ("regsig"). */
    private static final long SIGNER_LOCK = 0x7265677369670001L;

    private final JdbcTemplate jdbc;

    public CheckpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The signer's lock for the current transaction; false when another instance holds it. */
    public boolean tryLockSigner() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, SIGNER_LOCK));
    }

    /** How many leaves the tree has, and the entry sequence of the last one (0 when empty). */
    public LeafCount leafCount() {
        return jdbc.query("select leaf_index, entry_sequence from register_leaf order by leaf_index desc limit 1",
                rs -> rs.next() ? new LeafCount(rs.getLong(1) + 1, rs.getLong(2)) : new LeafCount(0, 0));
    }

    public record LeafCount(long leaves, long lastSequence) {
    }

    /** The sequence of the last entry the newest checkpoint covers (0 when none is signed). */
    public long lastSignedSequence() {
        return jdbc.queryForObject("""
                select coalesce((select l.entry_sequence from register_leaf l
                                 where l.leaf_index = (select max(tree_size) - 1 from register_checkpoint)), 0)""", Long.class);
    }

    public record Leaf(long entrySequence, byte[] leafHash) {
    }

    public void insertLeaves(long firstIndex, List<Leaf> leaves) {
        jdbc.batchUpdate("insert into register_leaf (leaf_index, entry_sequence, leaf_hash) values (?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setLong(1, firstIndex + i);
                        ps.setLong(2, leaves.get(i).entrySequence());
                        ps.setBytes(3, leaves.get(i).leafHash());
                    }

                    @Override
                    public int getBatchSize() {
                        return leaves.size();
                    }
                });
    }

    /** Leaf hashes with index in [from, to), in index order. */
    public List<byte[]> leafHashes(long from, long to) {
        return jdbc.query("select leaf_hash from register_leaf where leaf_index >= ? and leaf_index < ? order by leaf_index",
                (rs, i) -> rs.getBytes(1), from, to);
    }

    /** Every leaf in index order: sequences and hashes, for verification (about 40 bytes a leaf). */
    public void forEachLeaf(RowCallbackHandler handler) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select leaf_index, entry_sequence, leaf_hash from register_leaf order by leaf_index",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(10_000);
            return ps;
        }, handler);
    }

    public Optional<Long> leafIndexOf(long entrySequence) {
        return jdbc.query("select leaf_index from register_leaf where entry_sequence = ?", (rs, i) -> rs.getLong(1), entrySequence)
                .stream().findFirst();
    }

    public Optional<StoredCheckpoint> latest() {
        return jdbc.query(SELECT_CHECKPOINT + " order by tree_size desc limit 1", CHECKPOINT).stream().findFirst();
    }

    public Optional<StoredCheckpoint> atSize(long treeSize) {
        return jdbc.query(SELECT_CHECKPOINT + " where tree_size = ?", CHECKPOINT, treeSize).stream().findFirst();
    }

    /** Every checkpoint, smallest tree first. */
    public List<StoredCheckpoint> all() {
        return new ArrayList<>(jdbc.query(SELECT_CHECKPOINT + " order by tree_size", CHECKPOINT));
    }

    /** The checkpoints not yet on the checkpoint topic, smallest tree first (they are published in this order). */
    public List<StoredCheckpoint> unpublished(int limit) {
        return jdbc.query(SELECT_CHECKPOINT + " where tree_size > (select coalesce(max(tree_size), 0) from register_checkpoint_publication)"
                + " order by tree_size limit ?", CHECKPOINT, limit);
    }

    public void markPublished(long treeSize, Instant at) {
        jdbc.update("insert into register_checkpoint_publication (tree_size, published_at) values (?, ?) on conflict do nothing",
                treeSize, at.atOffset(ZoneOffset.UTC));
    }

    public void insert(StoredCheckpoint stored) {
        Checkpoint c = stored.signed().checkpoint();
        jdbc.update("insert into register_checkpoint (tree_size, root_hash, issued_at, origin, key_id, signature, frontier)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                c.treeSize(), c.rootHash(), c.issuedAt().atOffset(ZoneOffset.UTC), c.origin(), stored.signed().keyId(),
                stored.signed().signature(), stored.frontier());
    }

    private static final String SELECT_CHECKPOINT =
            "select tree_size, root_hash, issued_at, origin, key_id, signature, frontier from register_checkpoint";

    private static final RowMapper<StoredCheckpoint> CHECKPOINT = (rs, i) -> storedCheckpoint(rs);

    private static StoredCheckpoint storedCheckpoint(ResultSet rs) throws SQLException {
        Checkpoint checkpoint = new Checkpoint(rs.getString("origin"), rs.getLong("tree_size"), rs.getBytes("root_hash"),
                rs.getTimestamp("issued_at").toInstant());
        return new StoredCheckpoint(new SignedCheckpoint(checkpoint, rs.getString("key_id"), rs.getBytes("signature")),
                rs.getBytes("frontier"));
    }
}
