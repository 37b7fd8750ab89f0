package org.safeguarding.exchange.serde;

import org.apache.avro.Schema;

/** The record's full name, for example {@code exchange.v1.ShareRequest}: one history per record type, on any topic. */
public final class RecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return SubjectNameStrategy.recordName(schema);
    }
}
