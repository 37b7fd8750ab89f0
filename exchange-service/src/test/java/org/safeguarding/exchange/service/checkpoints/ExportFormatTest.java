package org.safeguarding.exchange.service.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.register.Chain;
import org.safeguarding.exchange.service.register.EntryEncoding;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.EntryViolation;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.register.SourceCoordinates;

class ExportFormatTest {

    private static final EntryFacts FACTS = new EntryFacts("ShareRequest", null, null, List.of(), null, null, null, null, null, null, null);

    @Test
    void aRejectedEntryWithFlagsViolationsAndNullsReadsBackToTheSameHash() {
        byte[] payload = "{\"some\":\"bytes\"}".getBytes(StandardCharsets.UTF_8);
        NewEntry rejected = new NewEntry("7f0c2a9e-4b1d-4e8a-9c3f-2d6b8e1a5f70", new SourceCoordinates("exchange.share-requests", 3, 41),
                Instant.parse("2026-03-02T10:41:00.123Z"), "SCH-OAKFIELD", EntryOutcome.REJECTED, 12, payload,
                EntryEncoding.sha256(payload), payload.length, null, FACTS, Set.of("LATE_ENTRY", "CORRECTION"),
                List.of(new EntryViolation("consent.reasonWithoutConsent", "Derby 3.2", "a reason is required \"quoted\" \u00e9"),
                        new EntryViolation(null, "Contract rule 1", "no field")));
        NewEntry undecodable = new NewEntry(null, new SourceCoordinates("exchange.share-requests", 3, 42),
                Instant.parse("2026-03-02T10:41:01Z"), null, EntryOutcome.UNDECODABLE, null, null, EntryEncoding.sha256(new byte[0]), 0,
                null, new EntryFacts(null, null, null, List.of(), null, null, null, null, null, null, null), Set.of(), List.of());
        Chain chain = Chain.empty("exchange.share-requests/3");
        RegisterEntry first = chain.append(7, rejected);
        RegisterEntry second = chain.append(8, undecodable);

        ExportFormat.ExportedEntry readFirst = ExportFormat.parse(ExportFormat.line(5L, first));
        ExportFormat.ExportedEntry readSecond = ExportFormat.parse(ExportFormat.line(null, second));

        assertThat(readFirst.leafIndex()).isEqualTo(5L);
        assertThat(readSecond.leafIndex()).isNull();
        Chain verifier = Chain.empty("exchange.share-requests/3");
        assertThat(verifier.verifyNext(readFirst.entry())).isNull();
        assertThat(verifier.verifyNext(readSecond.entry())).isNull();
        assertThat(readFirst.entry().canonicalEncoding()).isEqualTo(first.canonicalEncoding());
        assertThat(readFirst.entry().message().violations()).isEqualTo(rejected.violations());
        assertThat(readSecond.entry().message().payload()).isNull();
    }

    @Test
    void aLineThatIsNotAnEntrySaysSo() {
        assertThatThrownBy(() -> ExportFormat.parse("{\"sequence\": 1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks a field");
        assertThatThrownBy(() -> ExportFormat.parse("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
    }
}
