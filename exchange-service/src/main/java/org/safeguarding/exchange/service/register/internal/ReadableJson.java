package org.safeguarding.exchange.service.register.internal;

import org.apache.avro.generic.IndexedRecord;
import org.safeguarding.exchange.json.ContractJson;

/**
 * The readable form of a decoded message, which readers of the register are served: the contract's JSON form
 * ({@link ContractJson}), the same form the inbox webhook sends and the file-drop intake reads.
 */
public final class ReadableJson {

    private ReadableJson() {
    }

    public static String of(IndexedRecord record) {
        return ContractJson.of(record);
    }
}
