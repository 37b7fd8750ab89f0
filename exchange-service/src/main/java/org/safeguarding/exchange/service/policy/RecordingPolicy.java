package org.safeguarding.exchange.service.policy;

import exchange.v1.ConsentOutcome;
import exchange.v1.HazardNotification;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * The recording rules every message is checked against before the register accepts it, composed per intake
 * record type. Pure: no I/O beyond asking the directory whether an agency code exists.
 */
public final class RecordingPolicy {

    static final String INTAKE_TYPE_RULE_ID = "contract-topics/intake-record";

    private final Map<Class<? extends SpecificRecord>, RuleSet<?>> ruleSets;
    private final HistoryRule<SpecificRecord> consentClaim = new ConsentClaimMatchesRegister();
    private final HistoryRule<HazardNotification> hazardLifecycle = new HazardFollowsLifecycle();

    public RecordingPolicy(KnownAgencies agencies, Clock clock) {
        List<Rule<SpecificRecord>> everyMessage = List.of(
                new MessageIdIsUuid(),
                new SenderHeaderPresent(),
                new RequiredFieldsPresent(),
                new EntryNotInFuture(clock),
                new RecordedAfterEvent(),
                new LateEntryFlagged());
        ruleSets = Map.of(
                ShareRequest.class, new RuleSet<>(ShareRequest.class, everyMessage, List.of(
                        new SenderIsSendingAgency("requesterAgency"),
                        new AgencyCodesKnown(agencies, "requesterAgency", "recipientAgency"),
                        new ReasonWithoutConsentRecorded(),
                        new ConsentGiverRecorded(),
                        new RequesterIdentityConfirmed())),
                ConsentOutcome.class, new RuleSet<>(ConsentOutcome.class, everyMessage, List.of(
                        new SenderIsSendingAgency("agency"),
                        new AgencyCodesKnown(agencies, "agency"),
                        new ReasonWithoutConsentRecorded(),
                        new ConsentGiverRecorded(),
                        new ReasonNotInformedRecorded(),
                        new ChildAgeInRange(),
                        new ChildViewsRecorded())),
                ShareDecision.class, new RuleSet<>(ShareDecision.class, everyMessage, List.of(
                        new SenderIsSendingAgency("decidingAgency"),
                        new AgencyCodesKnown(agencies, "decidingAgency", "recipientAgency"),
                        new DecisionReasonsGiven(),
                        new ReasonWithoutConsentRecorded(),
                        new ConsentGiverRecorded(),
                        new ReasonNotInformedRecorded(),
                        new IdentityCheckedBeforeAnswering(),
                        new IdentityConfirmedBeforeSharing(),
                        new SharedInformationListed())),
                HazardNotification.class, new RuleSet<>(HazardNotification.class, everyMessage, List.of(
                        new SenderIsSendingAgency("raisingAgency"),
                        new AgencyCodesKnown(agencies, "raisingAgency", "notifyAgencies"),
                        new HazardLinkedToChild(),
                        new HazardReviewNotOverdue(clock),
                        new HazardNotifiesOthers())));
    }

    /** Every rule that applies to this record type; all violations, never only the first. */
    public PolicyVerdict check(SpecificRecord message, Envelope envelope) {
        Findings findings = new Findings();
        RuleSet<?> ruleSet = ruleSets.get(message.getClass());
        if (ruleSet == null) {
            // Decodable but not something an agency may send (a Receipt, say): refused, not a crash of the pipeline.
            findings.violation("type", INTAKE_TYPE_RULE_ID, message.getSchema().getFullName()
                    + " is not a record agencies send to the exchange; send a ShareRequest, ConsentOutcome,"
                    + " ShareDecision or HazardNotification.");
        } else {
            ruleSet.check(message, envelope, findings);
        }
        return findings.verdict();
    }

    /**
     * The rules that judge a message against what the register already holds (consent positions, hazard states).
     * Kept apart from {@link #check} because intake can only know that history once the whole batch is decoded.
     */
    public PolicyVerdict checkHistory(SpecificRecord message, RegisterHistory history) {
        Findings findings = new Findings();
        if (message instanceof ShareRequest || message instanceof ShareDecision) {
            consentClaim.check(message, history, findings);
        } else if (message instanceof HazardNotification hazard) {
            hazardLifecycle.check(hazard, history, findings);
        }
        return findings.verdict();
    }

    /** The rules for one record type: those every message obeys, then that type's own, in reporting order. */
    private static final class RuleSet<T extends SpecificRecord> {

        private final Class<T> type;
        private final List<Rule<? super T>> rules = new ArrayList<>();

        RuleSet(Class<T> type, List<? extends Rule<? super T>> everyMessage, List<? extends Rule<? super T>> ownRules) {
            this.type = type;
            rules.addAll(everyMessage);
            rules.addAll(ownRules);
        }

        void check(SpecificRecord message, Envelope envelope, Findings findings) {
            T typed = type.cast(message);
            for (Rule<? super T> rule : rules) {
                rule.check(typed, envelope, findings);
            }
        }
    }
}
