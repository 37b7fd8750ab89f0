package org.safeguarding.exchange.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.register.EntryView;
import org.safeguarding.exchange.service.register.SubjectEntry;

/** The auditor's reports as plain Java: a timeline's threads, a subject access export's withholding, a finding's limit. */
class AuditReportsTest {

    @Test
    void aTimelineThreadsEachRequestWithItsConsentOutcomesAndDecisionsAndKeepsTheRestApart() {
        List<EntryView> entries = List.of(
                entry(1, "ShareRequest", "REQ-1"),
                entry(2, "HazardNotification", null),
                entry(3, "ConsentOutcome", "REQ-1"),
                entry(4, "ShareRequest", "REQ-2"),
                entry(5, "ShareDecision", "REQ-1"),
                entry(6, "ShareDecision", " "));

        CaseTimeline timeline = CaseTimeline.of("CASE-1", entries);

        assertThat(timeline.entries()).isEqualTo(6);
        assertThat(timeline.requests()).extracting(CaseTimeline.RequestThread::requestId).containsExactly("REQ-1", "REQ-2");
        CaseTimeline.RequestThread first = timeline.requests().get(0);
        assertThat(first.requests()).extracting(EntryView::sequence).containsExactly(1L);
        assertThat(first.consentOutcomes()).extracting(EntryView::sequence).containsExactly(3L);
        assertThat(first.decisions()).extracting(EntryView::sequence).containsExactly(5L);
        assertThat(timeline.notLinkedToARequest()).extracting(EntryView::sequence).containsExactly(2L, 6L);
    }

    @Test
    void aSubjectAccessExportLeavesOutWithheldEntriesAndCountsThemByGround() {
        List<SubjectEntry> found = List.of(
                new SubjectEntry(entry(1, "ShareRequest", "REQ-1"), null),
                new SubjectEntry(entry(2, "ShareDecision", "REQ-1"), "risk of serious harm"),
                new SubjectEntry(entry(3, "ShareDecision", "REQ-2"), "risk of serious harm"),
                new SubjectEntry(entry(4, "ShareDecision", "REQ-3"), "prejudices a police investigation"));

        SubjectAccessExport export = SubjectAccessExport.of("CASE-1", null, found);

        assertThat(export.disclosed()).extracting(EntryView::sequence).containsExactly(1L);
        assertThat(export.disclosedCount()).isEqualTo(1);
        assertThat(export.withheld().count()).isEqualTo(3);
        assertThat(export.withheld().grounds()).containsEntry("risk of serious harm", 2).containsEntry("prejudices a police investigation", 1);
        assertThat(export.withheld().basis()).startsWith("Derby section 2");
    }

    @Test
    void aFindingListsAtMostItsLimitAndSaysWhenThereWereMore() {
        List<EntryView> atLimit = entries(ComplianceReport.LISTED_PER_FINDING);
        List<EntryView> overLimit = entries(ComplianceReport.LISTED_PER_FINDING + 1);

        assertThat(ComplianceReport.Finding.of("c", "r", atLimit).truncated()).isFalse();
        ComplianceReport.Finding truncated = ComplianceReport.Finding.of("c", "r", overLimit);
        assertThat(truncated.truncated()).isTrue();
        assertThat(truncated.count()).isEqualTo(ComplianceReport.LISTED_PER_FINDING);
        assertThat(truncated.entries()).hasSize(ComplianceReport.LISTED_PER_FINDING);
    }

    private static List<EntryView> entries(int count) {
        return new ArrayList<>(IntStream.rangeClosed(1, count).mapToObj(i -> entry(i, "ShareRequest", "REQ-" + i)).toList());
    }

    private static EntryView entry(long sequence, String recordType, String requestId) {
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        return new EntryView(sequence, "m-" + sequence, "ACCEPTED", recordType, "CASE-1", "LA-HULL", List.of("SCH-OAKFIELD"), null, null,
                null, at, at, at, false, List.of(), "[]", "intake-0", sequence, "00", "00", "exchange.share-requests", 0, sequence, 1, 10,
                "{}", requestId, null, null);
    }
}
