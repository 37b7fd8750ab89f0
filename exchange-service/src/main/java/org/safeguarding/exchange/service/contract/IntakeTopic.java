package org.safeguarding.exchange.service.contract;

import exchange.v1.ConsentOutcome;
import exchange.v1.HazardNotification;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** The topics agencies write to, and the one record type each carries (docs/CONTRACT.md, Topics). */
public enum IntakeTopic {
    SHARE_REQUESTS("exchange.share-requests", ShareRequest.class),
    CONSENT_OUTCOMES("exchange.consent-outcomes", ConsentOutcome.class),
    SHARE_DECISIONS("exchange.share-decisions", ShareDecision.class),
    HAZARD_NOTIFICATIONS("exchange.hazard-notifications", HazardNotification.class);

    public static final String DEAD_LETTER = "exchange.dead-letter";

    private final String topic;
    private final Class<? extends SpecificRecord> recordType;

    IntakeTopic(String topic, Class<? extends SpecificRecord> recordType) {
        this.topic = topic;
        this.recordType = recordType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends SpecificRecord> recordType() {
        return recordType;
    }

    public static Optional<IntakeTopic> of(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(IntakeTopic::topic).toList();
    }
}
