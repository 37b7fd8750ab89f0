package org.safeguarding.exchange.serde;

import org.apache.avro.Schema;

/**
 * {@code <topic>-<record full name>}, for example {@code exchange.share-requests-exchange.v1.ShareRequest}: lets one
 * topic carry several record types, each with its own history. The exchange's topics use this one.
 */
public final class TopicRecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + "-" + SubjectNameStrategy.recordName(schema);
    }
}
