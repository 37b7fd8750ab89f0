package org.safeguarding.exchange.service.policy;

import static org.safeguarding.exchange.testing.SampleRecords.COUNCIL;
import static org.safeguarding.exchange.testing.SampleRecords.POLICE;
import static org.safeguarding.exchange.testing.SampleRecords.SCHOOL;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/** A fixed moment shortly after SampleRecords' entries were made, the sample agencies, and a rule runner. */
final class PolicyFixtures {

    static final Instant NOW = Instant.parse("2026-03-02T11:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Set<String> DIRECTORY = Set.of(SCHOOL, COUNCIL, POLICE);
    static final KnownAgencies KNOWN_AGENCIES = DIRECTORY::contains;
    static final String MESSAGE_ID = "3f2c1a9e-5b7d-4c1e-9a0f-2d6b8e4c7a15";

    private PolicyFixtures() {
    }

    static Envelope envelopeFrom(String sender) {
        return new Envelope(MESSAGE_ID, sender, "exchange.share-requests", NOW);
    }

    static <T extends SpecificRecord> List<PolicyViolation> violations(Rule<? super T> rule, T message, Envelope envelope) {
        return verdict(rule, message, envelope).violations();
    }

    static <T extends SpecificRecord> PolicyVerdict verdict(Rule<? super T> rule, T message, Envelope envelope) {
        Findings findings = new Findings();
        rule.check(message, envelope, findings);
        return findings.verdict();
    }
}
