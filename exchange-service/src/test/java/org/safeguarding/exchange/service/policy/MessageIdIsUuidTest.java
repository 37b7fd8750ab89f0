package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguarding.exchange.testing.SampleRecords;

class MessageIdIsUuidTest {

    private final MessageIdIsUuid rule = new MessageIdIsUuid();

    private static Envelope withMessageId(String messageId) {
        return new Envelope(messageId, SampleRecords.SCHOOL, "exchange.share-requests", Instant.EPOCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3f2c1a9e-5b7d-4c1e-9a0f-2d6b8e4c7a15", "3F2C1A9E-5B7D-4C1E-9A0F-2D6B8E4C7A15"})
    void a_uuid_passes(String messageId) {
        assertThat(violations(rule, SampleRecords.shareRequest(), withMessageId(messageId))).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void a_missing_message_id_is_refused(String messageId) {
        assertThat(violations(rule, SampleRecords.shareRequest(), withMessageId(messageId)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("exchange-message-id", "contract-5/message-id-uuid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"REQ-0001", "1-1-1-1-1", "3f2c1a9e5b7d4c1e9a0f2d6b8e4c7a15", "3f2c1a9e-5b7d-4c1e-9a0f-2d6b8e4c7a15x"})
    void a_message_id_that_is_not_a_uuid_is_refused(String messageId) {
        assertThat(violations(rule, SampleRecords.shareRequest(), withMessageId(messageId)))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("exchange-message-id");
                    assertThat(violation.message()).contains(messageId).contains("not a UUID");
                });
    }
}
