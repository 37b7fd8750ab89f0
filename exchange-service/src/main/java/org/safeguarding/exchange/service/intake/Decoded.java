package org.safeguarding.exchange.service.intake;

import org.apache.avro.specific.SpecificRecord;

/** A message read off the wire: the record and the schema id it was written with, or why it could not be read. */
record Decoded(SpecificRecord record, Integer schemaId, String failure) {

    static Decoded ok(SpecificRecord record, Integer schemaId) {
        return new Decoded(record, schemaId, null);
    }

    static Decoded failed(Integer schemaId, String failure) {
        return new Decoded(null, schemaId, failure);
    }

    boolean isOk() {
        return failure == null;
    }
}
