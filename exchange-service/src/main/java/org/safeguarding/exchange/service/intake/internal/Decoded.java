package org.safeguarding.exchange.service.intake.internal;

import org.apache.avro.specific.SpecificRecord;

/** A message read off the wire: the record and the schema id it was written with, or why it could not be read. */
public record Decoded(SpecificRecord record, Integer schemaId, String failure) {

    public static Decoded ok(SpecificRecord record, Integer schemaId) {
        return new Decoded(record, schemaId, null);
    }

    public static Decoded failed(Integer schemaId, String failure) {
        return new Decoded(null, schemaId, failure);
    }

    public boolean isOk() {
        return failure == null;
    }
}
