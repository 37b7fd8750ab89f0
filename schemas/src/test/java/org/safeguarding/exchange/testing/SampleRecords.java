package org.safeguarding.exchange.testing;

import exchange.v1.Consent;
import exchange.v1.ConsentOutcome;
import exchange.v1.ConsentStatus;
import exchange.v1.Decision;
import exchange.v1.HazardAction;
import exchange.v1.HazardCategory;
import exchange.v1.HazardNotification;
import exchange.v1.IdentityCheck;
import exchange.v1.IdentityCheckMethod;
import exchange.v1.IdentityCheckOutcome;
import exchange.v1.InformationKind;
import exchange.v1.Practitioner;
import exchange.v1.Receipt;
import exchange.v1.ReceiptStatus;
import exchange.v1.RecordedBy;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import exchange.v1.SharedItem;
import exchange.v1.SharingMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Complete, valid contract records with fixed values, for tests and benchmarks. Each method returns a
 * fresh record, so a test may change one field to break one rule.
 */
public final class SampleRecords {

    /** A fixed moment, so that encoded bytes are stable (golden vectors depend on it). */
    public static final Instant OCCURRED_AT = Instant.parse("2026-03-02T09:15:00Z");
    public static final Instant RECORDED_AT = Instant.parse("2026-03-02T10:40:00Z");
    public static final String CASE_REFERENCE = "CASE-2026-0042";
    public static final String SCHOOL = "SCH-OAKFIELD";
    public static final String COUNCIL = "LA-HULL";
    public static final String POLICE = "POL-HUMBERSIDE";

    private SampleRecords() {
    }

    public static Practitioner schoolSafeguardingLead() {
        return Practitioner.newBuilder()
                .setName("Priya Shah")
                .setJobTitle("Designated Safeguarding Lead")
                .setOrganisation("Oakfield Primary School")
                .setTelephone("01482 000111")
                .setEmail(null)
                .build();
    }

    public static Practitioner councilSocialWorker() {
        return Practitioner.newBuilder()
                .setName("Tom Barker")
                .setJobTitle("Social Worker")
                .setOrganisation("Hull City Council Children's Services")
                .setTelephone("01482 000222")
                .setEmail("tom.barker@hull.example")
                .build();
    }

    public static RecordedBy recordedBy(String name, String role) {
        return RecordedBy.newBuilder().setName(name).setRole(role).setRecordedAt(RECORDED_AT).build();
    }

    public static IdentityCheck ringBackConfirmed(String checkedBy) {
        return IdentityCheck.newBuilder()
                .setMethod(IdentityCheckMethod.RING_BACK)
                .setDetail("Rang back via the organisation's published switchboard")
                .setCheckedBy(checkedBy)
                .setCheckedAt(OCCURRED_AT)
                .setOutcome(IdentityCheckOutcome.CONFIRMED)
                .build();
    }

    public static Consent consentGiven() {
        return Consent.newBuilder()
                .setStatus(ConsentStatus.GIVEN)
                .setGivenBy("Sam Carter, mother")
                .setLimits("Not to be shared with the father's family")
                .setReasonWithoutConsent(null)
                .build();
    }

    public static Consent withoutConsent(ConsentStatus status, String reason) {
        return Consent.newBuilder().setStatus(status).setGivenBy(null).setLimits(null).setReasonWithoutConsent(reason).build();
    }

    public static ShareRequest shareRequest() {
        return ShareRequest.newBuilder()
                .setRequestId("REQ-0001")
                .setCaseReference(CASE_REFERENCE)
                .setRequester(schoolSafeguardingLead())
                .setRequesterAgency(SCHOOL)
                .setRecipientAgency(COUNCIL)
                .setReason("Child disclosed worries about home; school needs to know of any open plan")
                .setInformationRequested("Whether the child is known to children's social care, and any current plan")
                .setConsent(consentGiven())
                .setRequesterIdentityCheck(ringBackConfirmed("School office manager"))
                .setOccurredAt(OCCURRED_AT)
                .setRecordedBy(recordedBy("Priya Shah", "Designated Safeguarding Lead"))
                .setUrgent(false)
                .setCorrectsMessageId(null)
                .build();
    }

    public static ConsentOutcome consentOutcome() {
        return ConsentOutcome.newBuilder()
                .setConsentId("CON-0001")
                .setRequestId("REQ-0001")
                .setCaseReference(CASE_REFERENCE)
                .setAgency(COUNCIL)
                .setConsent(consentGiven())
                .setChildAge(13)
                .setChildViews("Wants her teacher to know so she can get help at school; does not want her father told")
                .setSubjectInformed(true)
                .setReasonNotInformed(null)
                .setOccurredAt(OCCURRED_AT)
                .setRecordedBy(recordedBy("Tom Barker", "Social Worker"))
                .setPersonReference("PERSON-CHILD-7")
                .setCorrectsMessageId(null)
                .build();
    }

    public static ShareDecision shareDecision() {
        return ShareDecision.newBuilder()
                .setDecisionId("DEC-0001")
                .setRequestId("REQ-0001")
                .setCaseReference(CASE_REFERENCE)
                .setDecidingAgency(COUNCIL)
                .setRecipientAgency(SCHOOL)
                .setDecision(Decision.SHARE_PARTIAL)
                .setReasons(List.of(
                        "School needs to know of the child protection plan to support the child",
                        "Details of the father's history are not necessary for the school's purpose"))
                .setRequesterIdentityCheck(ringBackConfirmed("Tom Barker"))
                .setConsent(consentGiven())
                .setSubjectInformed(true)
                .setReasonNotInformed(null)
                .setInformationShared(List.of(
                        SharedItem.newBuilder().setCategory("Child protection plan")
                                .setDescription("Subject to a child protection plan since January 2026")
                                .setKind(InformationKind.FACT).setSource(null).build(),
                        SharedItem.newBuilder().setCategory("Social worker's assessment")
                                .setDescription("Attendance is likely to drop at times of conflict at home")
                                .setKind(InformationKind.OPINION).setSource(null).build(),
                        SharedItem.newBuilder().setCategory("Health visitor report")
                                .setDescription("Missed two health appointments")
                                .setKind(InformationKind.THIRD_PARTY).setSource("Health visiting team").build()))
                .setMethod(SharingMethod.THIS_EXCHANGE)
                .setRecipient(schoolSafeguardingLead())
                .setOutcome("School to add the child to its vulnerable pupils list; review at the next core group")
                .setReceiptConfirmation("Receipt acknowledged on the exchange")
                .setWithheldFromSubject(null)
                .setOccurredAt(OCCURRED_AT)
                .setRecordedBy(recordedBy("Tom Barker", "Social Worker"))
                .setDecidedBy("Angela Moss, Team Manager")
                .setEndorsedBy(null)
                .setCorrectsMessageId(null)
                .build();
    }

    public static HazardNotification hazardRaised() {
        return HazardNotification.newBuilder()
                .setHazardId("HAZ-0001")
                .setAction(HazardAction.RAISED)
                .setCategory(HazardCategory.VIOLENT_OR_THREATENING_BEHAVIOUR)
                .setCaseReference(CASE_REFERENCE)
                .setPersonReference("PERSON-ADULT-3")
                .setLinkedChildren(List.of("PERSON-CHILD-7"))
                .setDetails("Threatened a neighbour with a knife in February 2026; arrested and bailed")
                .setRaisingAgency(POLICE)
                .setRaisedBy(Practitioner.newBuilder().setName("DC Lee Grant").setJobTitle("Detective Constable")
                        .setOrganisation("Humberside Police").setTelephone("01482 000333").setEmail(null).build())
                .setApprovedBy("DS Rachel Hughes, Detective Sergeant")
                .setReviewDue(LocalDate.of(2026, 9, 1))
                .setNotifyAgencies(List.of(SCHOOL, COUNCIL))
                .setOccurredAt(OCCURRED_AT)
                .setRecordedBy(recordedBy("DC Lee Grant", "Detective Constable"))
                .setRelationshipToChildren("Mother's partner, lives in the household")
                .setReviewOutcome(null)
                .setCorrectsMessageId(null)
                .build();
    }

    public static Receipt acceptedReceipt(String messageId) {
        return Receipt.newBuilder()
                .setMessageId(messageId)
                .setStatus(ReceiptStatus.ACCEPTED)
                .setViolations(List.of())
                .setRegisterSequence(1L)
                .setEntryHash("00".repeat(32))
                .setFlags(List.of())
                .build();
    }
}
