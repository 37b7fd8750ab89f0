package org.safeguarding.exchange.service.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.safeguarding.exchange.service.registry.internal.AvroSchemas.ParsedSchema;
import org.safeguarding.exchange.service.registry.internal.AvroSchemas;
import org.safeguarding.exchange.service.registry.internal.RegistryWriteLog;
import org.safeguarding.exchange.service.registry.internal.RegistryWriteLog.Change;
import org.safeguarding.exchange.service.registry.internal.RegistryWriteLog.Operation;
import org.safeguarding.exchange.service.registry.internal.SchemaRegistryStore.VersionRow;
import org.safeguarding.exchange.service.registry.internal.SchemaRegistryStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's rules, as Confluent's Schema Registry applies them: global schema ids, per-subject
 * versions, compatibility checks on registration, soft and hard deletes, compatibility levels.
 * Every change to a subject holds that subject's lock in the database, so several service instances
 * can register at once. Only a caller who may change the registry (ADMIN, or the service itself) registers a new schema
 * or version, sets a level or deletes; a schema the subject already has answers its id to anyone. Every change, and
 * every change refused, is kept in the write log.
 */
@Service
@Transactional
public class SchemaRegistry {

    /** A schema as submitted: its text, its declared type (null means Avro) and whether it names references. */
    public record Submission(String schema, String schemaType, boolean hasReferences) {
    }

    public record SubjectVersion(String subject, int version) {
    }

    public record RegisteredSchema(String subject, int version, int id, String schema) {
    }

    public record CompatibilityReport(boolean compatible, List<String> messages) {
    }

    /** The version {@code latest} (or -1) names the newest version. */
    private static final int LATEST = -1;

    private final SchemaRegistryStore store;
    private final RegistryWriteLog writes;
    private final CompatibilityLevel defaultCompatibility;

    SchemaRegistry(SchemaRegistryStore store, RegistryWriteLog writes, RegistryProperties properties) {
        this.store = store;
        this.writes = writes;
        this.defaultCompatibility = properties.defaultCompatibility();
    }

    /**
     * Registers the schema under the subject and returns its global id. A schema the subject already
     * has (live) keeps its version and id, whoever asks; a schema known under another subject keeps its id. A new
     * version needs a caller who may change the registry (else 403).
     */
    public int register(String subject, Submission submission, RegistryCaller caller) {
        ParsedSchema parsed = parse(submission);
        store.lockSubject(subject);
        List<VersionRow> all = store.versions(subject);
        Optional<Integer> knownId = store.schemaIdByFingerprint(parsed.fingerprint());
        if (knownId.isPresent()) {
            int id = knownId.get();
            if (live(all).stream().anyMatch(row -> row.schemaId() == id)) {
                return id;
            }
        }
        mayChange(caller, "Write", new Change(Operation.REGISTER, subject, null, knownId.orElse(null), null));
        CompatibilityLevel level = compatibilityOf(subject);
        List<VersionRow> against = level.transitive ? live(all) : latestOnly(live(all));
        List<String> problems = incompatibilities(level, parsed.schema(), against);
        if (!problems.isEmpty()) {
            throw RegistryException.incompatible(subject, problems.toString());
        }
        int id = knownId.orElseGet(() ->
                store.insertSchema(AvroSchemas.AVRO, parsed.canonicalForm(), parsed.fingerprint()));
        int nextVersion = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
        store.insertVersion(subject, nextVersion, id);
        writes.accepted(caller, new Change(Operation.REGISTER, subject, List.of(nextVersion), id, null));
        return id;
    }

    /**
     * The service registering a subject it writes or its contract names: as {@link #register}, and a subject without a
     * level of its own gets the default one, so that clients which set a level on their first registration of a
     * subject (as {@code @kafkajs/confluent-schema-registry} does) find one and need not change it.
     */
    public int registerAsService(String subject, Submission submission) {
        int id = register(subject, submission, RegistryCaller.SERVICE);
        if (store.compatibility(subject).isEmpty()) {
            store.setCompatibility(subject, defaultCompatibility.name());
            writes.accepted(RegistryCaller.SERVICE,
                    new Change(Operation.SET_COMPATIBILITY, subject, null, null, defaultCompatibility.name()));
        }
        return id;
    }

    /** The subject's version that holds this schema (the newest, if several do). */
    @Transactional(readOnly = true)
    public RegisteredSchema lookUp(String subject, Submission submission, boolean includeDeleted) {
        ParsedSchema parsed = parse(submission);
        List<VersionRow> visible = visibleVersions(subject, includeDeleted);
        int id = store.schemaIdByFingerprint(parsed.fingerprint()).orElseThrow(RegistryException::schemaNotFound);
        VersionRow match = visible.stream().filter(row -> row.schemaId() == id)
                .reduce((older, newer) -> newer)
                .orElseThrow(RegistryException::schemaNotFound);
        return registered(match);
    }

    @Transactional(readOnly = true)
    public String schemaById(int id) {
        return store.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
    }

    @Transactional(readOnly = true)
    public List<SubjectVersion> versionsOfSchema(int id, boolean includeDeleted) {
        schemaById(id);
        return store.versionsOfSchema(id).stream()
                .filter(row -> includeDeleted || !row.deleted())
                .map(row -> new SubjectVersion(row.subject(), row.version()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<String> subjects(boolean includeDeleted) {
        return store.subjects(includeDeleted);
    }

    @Transactional(readOnly = true)
    public List<Integer> versions(String subject, boolean includeDeleted) {
        return visibleVersions(subject, includeDeleted).stream().map(VersionRow::version).toList();
    }

    @Transactional(readOnly = true)
    public RegisteredSchema version(String subject, String version, boolean includeDeleted) {
        int wanted = parseVersion(version);
        List<VersionRow> visible = visibleVersions(subject, includeDeleted);
        return registered(find(visible, wanted));
    }

    /** Soft-deletes every live version, or (permanent) removes a subject that was soft-deleted first. */
    public List<Integer> deleteSubject(String subject, boolean permanent, RegistryCaller caller) {
        Operation operation = permanent ? Operation.DELETE_SUBJECT_PERMANENTLY : Operation.DELETE_SUBJECT;
        mayChange(caller, "Delete", new Change(operation, subject, null, null, null));
        store.lockSubject(subject);
        List<VersionRow> all = store.versions(subject);
        if (all.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        List<VersionRow> live = live(all);
        if (!permanent) {
            if (live.isEmpty()) {
                throw RegistryException.subjectSoftDeleted(subject);
            }
            store.softDeleteSubject(subject);
            List<Integer> deleted = live.stream().map(VersionRow::version).toList();
            writes.accepted(caller, new Change(operation, subject, deleted, null, null));
            return deleted;
        }
        if (!live.isEmpty()) {
            throw RegistryException.subjectNotSoftDeleted(subject);
        }
        store.hardDeleteSubject(subject);
        Optional<String> level = store.compatibility(subject);
        store.deleteCompatibility(subject);
        List<Integer> deleted = all.stream().map(VersionRow::version).toList();
        writes.accepted(caller, new Change(operation, subject, deleted, null, level.orElse(null)));
        return deleted;
    }

    /** Soft-deletes one version, or (permanent) removes a version that was soft-deleted first. */
    public int deleteVersion(String subject, String version, boolean permanent, RegistryCaller caller) {
        Operation operation = permanent ? Operation.DELETE_VERSION_PERMANENTLY : Operation.DELETE_VERSION;
        mayChange(caller, "Delete", new Change(operation, subject, null, null, null));
        int wanted = parseVersion(version);
        store.lockSubject(subject);
        List<VersionRow> all = store.versions(subject);
        if (all.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        if (!permanent) {
            VersionRow target = wanted == LATEST ? find(live(all), LATEST) : find(all, wanted);
            if (target.deleted()) {
                throw RegistryException.versionSoftDeleted(subject, target.version());
            }
            store.softDeleteVersion(subject, target.version());
            writes.accepted(caller, new Change(operation, subject, List.of(target.version()), target.schemaId(), null));
            return target.version();
        }
        VersionRow target = find(all, wanted);
        if (!target.deleted()) {
            throw RegistryException.versionNotSoftDeleted(subject, target.version());
        }
        store.hardDeleteVersion(subject, target.version());
        writes.accepted(caller, new Change(operation, subject, List.of(target.version()), target.schemaId(), null));
        return target.version();
    }

    /**
     * Whether the schema could be registered: against the given version, or (version null) against the
     * versions that the subject's compatibility level names.
     */
    @Transactional(readOnly = true)
    public CompatibilityReport checkCompatibility(String subject, String version, Submission submission) {
        ParsedSchema parsed = parse(submission);
        CompatibilityLevel level = compatibilityOf(subject);
        List<VersionRow> against;
        if (version == null) {
            List<VersionRow> live = live(store.versions(subject));
            against = level.transitive ? live : latestOnly(live);
        } else {
            int wanted = parseVersion(version);
            against = List.of(find(visibleVersions(subject, false), wanted));
        }
        List<String> problems = incompatibilities(level, parsed.schema(), against);
        return new CompatibilityReport(problems.isEmpty(), problems);
    }

    @Transactional(readOnly = true)
    public CompatibilityLevel globalCompatibility() {
        return store.compatibility(SchemaRegistryStore.GLOBAL).map(CompatibilityLevel::valueOf)
                .orElse(defaultCompatibility);
    }

    public CompatibilityLevel setGlobalCompatibility(String level, RegistryCaller caller) {
        return setCompatibility(null, level, caller);
    }

    /** Puts the global level back to the configured default and returns the level it had. */
    public CompatibilityLevel resetGlobalCompatibility(RegistryCaller caller) {
        mayChange(caller, "WriteCompatibility", new Change(Operation.DELETE_COMPATIBILITY, null, null, null, null));
        CompatibilityLevel previous = globalCompatibility();
        store.deleteCompatibility(SchemaRegistryStore.GLOBAL);
        writes.accepted(caller, new Change(Operation.DELETE_COMPATIBILITY, null, null, null, previous.name()));
        return previous;
    }

    @Transactional(readOnly = true)
    public CompatibilityLevel subjectCompatibility(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> own = store.compatibility(subject).map(CompatibilityLevel::valueOf);
        if (own.isPresent()) {
            return own.get();
        }
        if (defaultToGlobal) {
            return globalCompatibility();
        }
        throw RegistryException.subjectCompatibilityNotConfigured(subject);
    }

    public CompatibilityLevel setSubjectCompatibility(String subject, String level, RegistryCaller caller) {
        return setCompatibility(subject, level, caller);
    }

    /** Removes the subject's own level, so the global one applies again, and returns the level it had. */
    public CompatibilityLevel deleteSubjectCompatibility(String subject, RegistryCaller caller) {
        mayChange(caller, "WriteCompatibility", new Change(Operation.DELETE_COMPATIBILITY, subject, null, null, null));
        CompatibilityLevel previous = store.compatibility(subject).map(CompatibilityLevel::valueOf)
                .orElseThrow(() -> RegistryException.subjectNotFound(subject));
        store.deleteCompatibility(subject);
        writes.accepted(caller, new Change(Operation.DELETE_COMPATIBILITY, subject, null, null, previous.name()));
        return previous;
    }

    /** Sets the level of a subject, or (subject null) the global one. */
    private CompatibilityLevel setCompatibility(String subject, String level, RegistryCaller caller) {
        mayChange(caller, "WriteCompatibility", new Change(Operation.SET_COMPATIBILITY, subject, null, null, level));
        CompatibilityLevel parsed = CompatibilityLevel.parse(level);
        store.setCompatibility(subject == null ? SchemaRegistryStore.GLOBAL : subject, parsed.name());
        writes.accepted(caller, new Change(Operation.SET_COMPATIBILITY, subject, null, null, parsed.name()));
        return parsed;
    }

    /** Refuses, and logs the refusal of, a change by a caller who may not make one. */
    private void mayChange(RegistryCaller caller, String confluentOperation, Change change) {
        if (!caller.mayChange()) {
            RegistryException refusal = RegistryException.forbidden(caller.name(), confluentOperation, change.subject());
            writes.refused(caller, change, refusal.getMessage());
            throw refusal;
        }
    }

    private CompatibilityLevel compatibilityOf(String subject) {
        return subjectCompatibility(subject, true);
    }

    private static ParsedSchema parse(Submission submission) {
        String type = submission.schemaType();
        if (type != null && !AvroSchemas.AVRO.equals(type)) {
            throw RegistryException.invalidSchema("schemaType '" + type + "' is not supported; this registry"
                    + " holds AVRO schemas only");
        }
        if (submission.hasReferences()) {
            throw RegistryException.invalidSchema("schema references are not supported; send the schema"
                    + " with its named types inline");
        }
        return AvroSchemas.parse(submission.schema());
    }

    private static List<String> incompatibilities(CompatibilityLevel level, Schema candidate,
                                                  List<VersionRow> against) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE) {
            return problems;
        }
        // Newest first, as a reader of the messages would look for the nearest break.
        for (int i = against.size() - 1; i >= 0; i--) {
            VersionRow earlier = against.get(i);
            problems.addAll(AvroSchemas.incompatibilities(level, candidate,
                    AvroSchemas.parseStored(earlier.schema()), earlier.version()));
        }
        return problems;
    }

    private List<VersionRow> visibleVersions(String subject, boolean includeDeleted) {
        List<VersionRow> visible = includeDeleted ? store.versions(subject) : live(store.versions(subject));
        if (visible.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return visible;
    }

    private static List<VersionRow> live(List<VersionRow> rows) {
        return rows.stream().filter(row -> !row.deleted()).toList();
    }

    private static List<VersionRow> latestOnly(List<VersionRow> rows) {
        return rows.isEmpty() ? rows : List.of(rows.get(rows.size() - 1));
    }

    private static VersionRow find(List<VersionRow> rows, int version) {
        if (version == LATEST) {
            if (rows.isEmpty()) {
                throw RegistryException.versionNotFound(version);
            }
            return rows.get(rows.size() - 1);
        }
        return rows.stream().filter(row -> row.version() == version).findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(version));
    }

    private static RegisteredSchema registered(VersionRow row) {
        return new RegisteredSchema(row.subject(), row.version(), row.schemaId(), row.schema());
    }

    /** A version id as Confluent accepts it: 1 to 2^31-1, or "latest" (also written -1). */
    static int parseVersion(String version) {
        if ("latest".equals(version)) {
            return LATEST;
        }
        try {
            int parsed = Integer.parseInt(version);
            if (parsed == LATEST || parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the refusal
        }
        throw RegistryException.invalidVersion(version);
    }
}
