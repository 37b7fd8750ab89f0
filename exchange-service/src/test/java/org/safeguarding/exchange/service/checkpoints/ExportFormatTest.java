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
import org.safeguarding.exchange.service.register.EntrySignature;
import org.safeguarding.exchange.service.register.EntryViolation;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.register.SourceCoordinates;

class ExportFormatTest {

    private static final EntryFacts FACTS = new EntryFacts("ShareRequest", null, null, List.of(), null, null, null, null, null, null, null,
            List.of());

    @Test
    void aRejectedEntryWithFlagsViolationsAndNullsReadsBackToTheSameHash() {
        byte[] payload = "{\"some\":\"bytes\"}".getBytes(StandardCharsets.UTF_8);
        NewEntry rejected = new NewEntry("7f0c2a9e-4b1d-4e8a-9c3f-2d6b8e1a5f70", new SourceCoordinates("exchange.share-requests", 3, 41),
                Instant.parse("2026-03-02T10:41:00.123Z"), "SCH-OAKFIELD", EntryOutcome.REJECTED, 12, payload,
                EntryEncoding.sha256(payload), payload.length, FACTS, Set.of("LATE_ENTRY", "CORRECTION"),
                List.of(new EntryViolation("consent.reasonWithoutConsent", "Derby 3.2", "a reason is required \"quoted\" \u00e9"),
                        new EntryViolation(null, "Contract rule 1", "no field")), null, null);
        NewEntry undecodable = new NewEntry(null, new SourceCoordinates("exchange.share-requests", 3, 42),
                Instant.parse("2026-03-02T10:41:01Z"), null, EntryOutcome.UNDECODABLE, null, null, EntryEncoding.sha256(new byte[0]), 0,
                EntryFacts.NONE, Set.of(), List.of(), null, null);
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
    void everyValueOfAVersionTwoEntryReadsBackToTheSameHashAndAVersionOneEntryStaysVersionOne() {
        byte[] payload = {0, 0, 0, 0, 9, 1, 2};
        NewEntry signed = new NewEntry("m-1", new SourceCoordinates("exchange.hazard-notifications", 1, 7),
                Instant.parse("2026-03-02T10:41:00.123Z"), "POL-HUMBERSIDE", EntryOutcome.ACCEPTED, 9, payload, EntryEncoding.sha256(payload),
                payload.length, new EntryFacts("HazardNotification", "CASE-Zoë", "POL-HUMBERSIDE", List.of("SCH-OAKFIELD", "LA-HULL"),
                        "Priya Shah", "SHARE", "GIVEN", Instant.parse("1969-12-31T23:59:59.999999Z"),
                        Instant.parse("2026-03-02T10:40:00.123456Z"), "m-0", "REQ-1", List.of("PERSON-MARK", "PERSON-AMY")),
                Set.of("LATE_ENTRY"), List.of(), "POL-HUMBERSIDE",
                new EntrySignature("POL-HUMBERSIDE-2026", Instant.parse("2026-03-02T10:40:59.999Z"), new byte[] {(byte) 0xff, 0, 7}));
        RegisterEntry written = Chain.empty("exchange.hazard-notifications/1").append(3, signed, EntryEncoding.sha256(payload));

        RegisterEntry read = ExportFormat.parse(ExportFormat.line(0L, written)).entry();

        assertThat(read.entryVersion()).isEqualTo(2);
        assertThat(read.schemaSha256()).isEqualTo(written.schemaSha256());
        assertThat(read.message()).usingRecursiveComparison().isEqualTo(written.message());
        assertThat(Chain.empty("exchange.hazard-notifications/1").verifyNext(read)).isNull();

        RegisterEntry versionOne = new RegisterEntry(3, written.chainId(), 0, written.previousHash(),
                EntryEncoding.entryHash(EntryEncoding.encode(1, 3, written.chainId(), 0, written.previousHash(), signed, null)), signed, 1, null);
        String line = ExportFormat.line(null, versionOne);
        assertThat(line).doesNotContain("provenSender", "PERSON-MARK");
        assertThat(Chain.empty("exchange.hazard-notifications/1").verifyNext(ExportFormat.parse(line).entry())).isNull();
        // An export written before entries had versions: its lines name none, and hold version 1 entries.
        assertThat(ExportFormat.parse(line.replace("\"entryVersion\":1,", "")).entry().entryVersion()).isEqualTo(1);
    }

    @Test
    void theSchemaTextAnEntryCarriesReadsBackAsWritten() {
        String text = "{\"type\":\"record\",\"name\":\"X\",\"doc\":\"é \\\"q\\\"\",\"fields\":[]}";
        RegisterEntry entry = Chain.empty("c").append(1, new NewEntry("m", new SourceCoordinates("t", 0, 0), Instant.EPOCH, null,
                EntryOutcome.ACCEPTED, 4, new byte[] {0, 0, 0, 0, 4}, EntryEncoding.sha256(new byte[] {0, 0, 0, 0, 4}), 5, FACTS, Set.of(),
                List.of(), null, null), EntryEncoding.sha256(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(ExportFormat.parse(ExportFormat.line(0L, entry, text)).schema()).isEqualTo(text);
        assertThat(ExportFormat.parse(ExportFormat.line(0L, entry)).schema()).isNull();
    }

    @Test
    void aLineThatIsNotAnEntrySaysSo() {
        assertThatThrownBy(() -> ExportFormat.parse("{\"sequence\": 1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks a field");
        assertThatThrownBy(() -> ExportFormat.parse("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
    }
}
