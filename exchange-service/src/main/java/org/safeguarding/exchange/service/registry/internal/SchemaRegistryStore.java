package org.safeguarding.exchange.service.registry.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's tables (db/migration/V2__registry.sql), and nothing but SQL. */
@Repository
public class SchemaRegistryStore {

    /** The global compatibility level is kept under the empty subject name. */
    public static final String GLOBAL = "";

    /** First key of the registry's advisory locks, so they cannot meet other modules' locks. */
    private static final int SUBJECT_LOCK_CLASS = 0x5e91_0001;

    /** One subject version joined with its schema. */
    public record VersionRow(String subject, int version, int schemaId, boolean deleted, String schema) {
    }

    private final JdbcClient jdbc;

    public SchemaRegistryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises changes to one subject across every service instance on the same database, until the
     * surrounding transaction ends: versions are numbered and checked against what is already there.
     */
    public void lockSubject(String subject) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lockClass, hashtext(:subject))")
                .param("lockClass", SUBJECT_LOCK_CLASS)
                .param("subject", subject)
                .query().singleRow();
    }

    public Optional<Integer> schemaIdByFingerprint(byte[] fingerprint) {
        return jdbc.sql("SELECT id FROM registry_schema WHERE fingerprint = :fingerprint")
                .param("fingerprint", fingerprint)
                .query(Integer.class).optional();
    }

    /**
     * Returns the id of the schema, inserting it if it is new. Two instances inserting the same new
     * schema at once meet on the unique fingerprint: the second waits for the first to commit, inserts
     * nothing, and reads the first one's id.
     */
    public int insertSchema(String schemaType, String canonicalForm, byte[] fingerprint) {
        Optional<Integer> inserted = jdbc.sql("""
                        INSERT INTO registry_schema (schema_type, canonical_form, fingerprint)
                        VALUES (:schemaType, :canonicalForm, :fingerprint)
                        ON CONFLICT (fingerprint) DO NOTHING
                        RETURNING id""")
                .param("schemaType", schemaType)
                .param("canonicalForm", canonicalForm)
                .param("fingerprint", fingerprint)
                .query(Integer.class).optional();
        return inserted.or(() -> schemaIdByFingerprint(fingerprint))
                .orElseThrow(() -> new IllegalStateException("schema vanished between insert and read"));
    }

    public Optional<String> schemaById(int id) {
        return jdbc.sql("SELECT canonical_form FROM registry_schema WHERE id = :id")
                .param("id", id)
                .query(String.class).optional();
    }

    /** Every version of the subject, soft-deleted ones included, oldest first. */
    public List<VersionRow> versions(String subject) {
        return jdbc.sql("""
                        SELECT v.subject, v.version, v.schema_id, v.deleted, s.canonical_form
                        FROM registry_subject_version v JOIN registry_schema s ON s.id = v.schema_id
                        WHERE v.subject = :subject
                        ORDER BY v.version""")
                .param("subject", subject)
                .query(SchemaRegistryStore::versionRow).list();
    }

    /** Every subject version that uses the schema, soft-deleted ones included. */
    public List<VersionRow> versionsOfSchema(int schemaId) {
        return jdbc.sql("""
                        SELECT v.subject, v.version, v.schema_id, v.deleted, s.canonical_form
                        FROM registry_subject_version v JOIN registry_schema s ON s.id = v.schema_id
                        WHERE v.schema_id = :schemaId
                        ORDER BY v.subject, v.version""")
                .param("schemaId", schemaId)
                .query(SchemaRegistryStore::versionRow).list();
    }

    public List<String> subjects(boolean includeDeleted) {
        return jdbc.sql("""
                        SELECT subject FROM registry_subject_version
                        WHERE :includeDeleted OR NOT deleted
                        GROUP BY subject ORDER BY subject""")
                .param("includeDeleted", includeDeleted)
                .query(String.class).list();
    }

    public void insertVersion(String subject, int version, int schemaId) {
        jdbc.sql("INSERT INTO registry_subject_version (subject, version, schema_id) VALUES (:subject, :version, :schemaId)")
                .param("subject", subject)
                .param("version", version)
                .param("schemaId", schemaId)
                .update();
    }

    public void softDeleteVersion(String subject, int version) {
        jdbc.sql("UPDATE registry_subject_version SET deleted = true WHERE subject = :subject AND version = :version")
                .param("subject", subject)
                .param("version", version)
                .update();
    }

    public void softDeleteSubject(String subject) {
        jdbc.sql("UPDATE registry_subject_version SET deleted = true WHERE subject = :subject")
                .param("subject", subject)
                .update();
    }

    public void hardDeleteVersion(String subject, int version) {
        jdbc.sql("DELETE FROM registry_subject_version WHERE subject = :subject AND version = :version")
                .param("subject", subject)
                .param("version", version)
                .update();
    }

    public void hardDeleteSubject(String subject) {
        jdbc.sql("DELETE FROM registry_subject_version WHERE subject = :subject")
                .param("subject", subject)
                .update();
    }

    public Optional<String> compatibility(String subject) {
        return jdbc.sql("SELECT compatibility FROM registry_compatibility WHERE subject = :subject")
                .param("subject", subject)
                .query(String.class).optional();
    }

    public void setCompatibility(String subject, String compatibility) {
        jdbc.sql("""
                        INSERT INTO registry_compatibility (subject, compatibility) VALUES (:subject, :compatibility)
                        ON CONFLICT (subject) DO UPDATE SET compatibility = EXCLUDED.compatibility, updated_at = now()""")
                .param("subject", subject)
                .param("compatibility", compatibility)
                .update();
    }

    public void deleteCompatibility(String subject) {
        jdbc.sql("DELETE FROM registry_compatibility WHERE subject = :subject")
                .param("subject", subject)
                .update();
    }

    private static VersionRow versionRow(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new VersionRow(rs.getString("subject"), rs.getInt("version"), rs.getInt("schema_id"),
                rs.getBoolean("deleted"), rs.getString("canonical_form"));
    }
}
