package org.safeguarding.exchange.service.testing;

import exchange.v1.ConsentOutcome;
import exchange.v1.ConsentStatus;
import exchange.v1.HazardAction;
import exchange.v1.HazardNotification;
import exchange.v1.ShareDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.safeguarding.exchange.testing.SampleRecords;

/** Valid consent outcomes, decisions and hazard actions dated now, for tests of consent and hazards over time. */
public final class LifecycleRecords {

    private LifecycleRecords() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A consent outcome by the council for {@code person} in the case, which occurred {@code minutesAgo}. */
    public static ConsentOutcome consent(String caseReference, String person, ConsentStatus status, int minutesAgo) {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.setCaseReference(caseReference);
        outcome.setPersonReference(person);
        outcome.setRequestId(null);
        if (status != ConsentStatus.GIVEN) {
            outcome.setConsent(SampleRecords.withoutConsent(status, "Mother withdrew consent at the review meeting"));
        }
        Instant now = now();
        outcome.setOccurredAt(now.minus(minutesAgo, ChronoUnit.MINUTES));
        outcome.getRecordedBy().setRecordedAt(now);
        return outcome;
    }

    /** A proactive decision by the council to share with the school, claiming consent given, {@code minutesAgo}. */
    public static ShareDecision decisionClaimingConsent(String caseReference, int minutesAgo) {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setCaseReference(caseReference);
        decision.setRequestId(null);
        Instant now = now();
        decision.setOccurredAt(now.minus(minutesAgo, ChronoUnit.MINUTES));
        decision.getRecordedBy().setRecordedAt(now);
        return decision;
    }

    /** A hazard action by the police about an adult, linked to {@code children}, notifying {@code notify}. */
    public static HazardNotification hazard(String hazardId, HazardAction action, String caseReference, List<String> children,
            List<String> notify) {
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setHazardId(hazardId);
        hazard.setAction(action);
        hazard.setCaseReference(caseReference);
        hazard.setLinkedChildren(children);
        hazard.setNotifyAgencies(notify);
        hazard.setReviewDue(LocalDate.now(ZoneId.of("Europe/London")).plusMonths(6));
        Instant now = now();
        hazard.setOccurredAt(now.minus(30, ChronoUnit.MINUTES));
        hazard.getRecordedBy().setRecordedAt(now);
        if (action != HazardAction.RAISED) {
            hazard.setReviewOutcome("Reviewed with the manager: the risk remains");
        }
        return hazard;
    }
}
