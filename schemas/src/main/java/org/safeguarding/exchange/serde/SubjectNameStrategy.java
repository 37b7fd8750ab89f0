package org.safeguarding.exchange.serde;

import org.apache.avro.Schema;

/**
 * Chooses the registry subject a schema is registered under, as Confluent's strategies of the same names do.
 * Configure with {@code key.subject.name.strategy} / {@code value.subject.name.strategy}; see
 * {@link SubjectNameStrategies} for the names accepted.
 */
public interface SubjectNameStrategy {

    String subjectName(String topic, boolean isKey, Schema schema);

    /** The name a record strategy uses: the full name of a record, enum or fixed, else the type's name. */
    static String recordName(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> schema.getType().getName();
        };
    }
}
