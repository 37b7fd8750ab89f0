package org.safeguarding.exchange.service.policy;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Reads a field by its schema name, so that a rule shared by several record types (all of which name their
 * consent {@code consent} and their entry time {@code recordedBy.recordedAt}) reads the same name it reports.
 */
final class RecordFields {

    private RecordFields() {
    }

    static Object value(IndexedRecord record, String fieldName) {
        Schema.Field field = record.getSchema().getField(fieldName);
        if (field == null) {
            throw new IllegalArgumentException(record.getSchema().getFullName() + " has no field " + fieldName);
        }
        return record.get(field.pos());
    }

    static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
