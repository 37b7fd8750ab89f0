package org.safeguarding.exchange.service.demo;

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
import exchange.v1.Reminder;
import exchange.v1.RecordedBy;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import exchange.v1.SharedItem;
import exchange.v1.SharingMethod;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.exchange.agency.AgencyClient;

/**
 * The scripted exchange a newcomer watches: a school asks the council about a child, the council records the
 * consent outcome (the child is 13, so her views are recorded) and shares in part, the police raise a hazard about
 * an adult linked to the child and notify the school and the council, and one request that gives no reason for
 * asking without consent is rejected. Prints what reached each inbox, each receipt, the register entries, and the
 * hazards a practitioner opening the child's case is signposted to.
 */
public final class ScriptedExchange {

    static final String SCHOOL = "SCH-OAKFIELD";
    static final String COUNCIL = "LA-HULL";
    static final String POLICE = "POL-HUMBERSIDE";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Function<String, Map<String, ?>> agencySettings;
    private final String httpUrl;
    private final PrintStream out;
    private final String user;
    private final String password;

    /**
     * @param agencySettings each agency's client settings by agency code: the broker, how the agency signs in to it, the
     *                       registry (such as the settings file the embedded default writes for it)
     * @param user           who reads the register entries at the end (the register is not open to all), and
     *                       {@code password} theirs
     */
    public ScriptedExchange(Function<String, Map<String, ?>> agencySettings, String httpUrl, PrintStream out, String user,
            String password) {
        this.agencySettings = agencySettings;
        this.httpUrl = httpUrl;
        this.out = out;
        this.user = user;
        this.password = password;
    }

    public void run() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String caseReference = "CASE-DEMO-" + now.getEpochSecond();
        Map<String, AgencyClient> agencies = new LinkedHashMap<>();
        for (String code : List.of(SCHOOL, COUNCIL, POLICE)) {
            agencies.put(code, new AgencyClient(code, agencySettings.apply(code)));
        }
        try {
            out.println("\n=== The scripted exchange, case " + caseReference + " ===\n");
            Map<String, String> sent = new LinkedHashMap<>();
            String requestId = "REQ-" + now.getEpochSecond();

            step(agencies.get(SCHOOL), "exchange.share-requests", caseReference, request(caseReference, requestId, now, consentGiven()),
                    "Oakfield Primary asks Hull children's services whether Amy (13) is known to them", sent);
            step(agencies.get(COUNCIL), "exchange.consent-outcomes", caseReference, consent(caseReference, requestId, now),
                    "The council records consent: mother agrees; Amy, 13, gives her views", sent);
            step(agencies.get(COUNCIL), "exchange.share-decisions", caseReference, decision(caseReference, requestId, now),
                    "The council shares in part: the plan, not the father's history", sent);
            step(agencies.get(POLICE), "exchange.hazard-notifications", caseReference, hazard(caseReference, now),
                    "Humberside Police raise a hazard about the mother's partner, linked to Amy", sent);
            Consent noReason = Consent.newBuilder().setStatus(ConsentStatus.NOT_SOUGHT).setGivenBy(null).setLimits(null)
                    .setReasonWithoutConsent(null).build();
            step(agencies.get(SCHOOL), "exchange.share-requests", caseReference,
                    request(caseReference, requestId + "-B", now, noReason),
                    "The school asks again without consent and without saying why (to be rejected)", sent);
            String unanswered = requestId + "-EARLIER";
            step(agencies.get(SCHOOL), "exchange.share-requests", caseReference,
                    request(caseReference, unanswered, now.minus(Duration.ofDays(14)), consentGiven()),
                    "A request the school made two weeks ago, never answered: past its deadline (5 working days)", sent);

            // Every receipt arrives only once its message is registered and delivered: wait for them, then read inboxes.
            Map<String, List<ConsumerRecord<String, byte[]>>> receipts = new LinkedHashMap<>();
            for (AgencyClient agency : agencies.values()) {
                receipts.put(agency.agencyCode(), awaitReceipts(agency, sent));
            }
            awaitReminder(agencies.get(COUNCIL), caseReference, unanswered);
            for (AgencyClient agency : agencies.values()) {
                printInbox(agency, caseReference);
            }
            for (AgencyClient agency : agencies.values()) {
                printReceipts(agency, sent, receipts.get(agency.agencyCode()));
            }
            printRegister(caseReference);
            printRelatedHazards(caseReference);
            sendDeadLetter(agencies.get(SCHOOL), caseReference);
            out.println("\nThe console for hubs and auditors: " + httpUrl + "/console (live traffic, unread inboxes, dead letters,"
                    + " the case drawn as a chain)");
        } finally {
            agencies.values().forEach(AgencyClient::close);
        }
    }

    /**
     * Bytes in the contract's framing that name a schema the registry does not hold, as a sender with a broken registry
     * set-up would send: the exchange cannot decode them, so they become a dead letter (what the console lists).
     */
    private void sendDeadLetter(AgencyClient school, String caseReference) {
        byte[] bytes = {0, 0x7f, (byte) 0xff, (byte) 0xff, 0x01, 0x02, 0x03};
        school.sendBytes("exchange.share-requests", caseReference, bytes, java.util.UUID.randomUUID().toString(), SCHOOL);
        out.println("\nThe school also sent a message naming a schema the registry does not hold: it could not be decoded and is a"
                + " dead letter now.");
    }

    /** The exchange checks deadlines on a schedule (exchange.reminders.interval); wait for its reminder to arrive. */
    private void awaitReminder(AgencyClient council, String caseReference, String requestId) {
        out.println("\n(waiting for the exchange's deadline check to remind " + council.agencyCode() + " of " + requestId + ")");
        council.readFromStart(council.inboxTopic(), seen -> seen.stream().anyMatch(r -> caseReference.equals(r.key())
                && council.decode(r.topic(), r.value()) instanceof Reminder reminder
                && requestId.equals(reminder.getSubjectReference())), Duration.ofSeconds(150));
    }

    private void step(AgencyClient agency, String topic, String caseReference, SpecificRecord record, String story,
            Map<String, String> sent) {
        String messageId = agency.send(topic, caseReference, record);
        sent.put(messageId, agency.agencyCode() + " " + record.getSchema().getName());
        out.printf("-> %-15s %-20s %s%n   %s%n", agency.agencyCode(), record.getSchema().getName(), messageId, story);
    }

    private void printInbox(AgencyClient agency, String caseReference) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : agency.readToEnd(agency.inboxTopic(), WAIT)) {
            if (caseReference.equals(r.key())) {
                mine.add(r);
            }
        }
        out.println("\nInbox of " + agency.agencyCode() + " (" + mine.size() + " message(s) about this case):");
        for (ConsumerRecord<String, byte[]> r : mine) {
            Object message = agency.decode(r.topic(), r.value());
            String sequence = AgencyClient.header(r, "exchange-register-sequence");
            out.printf("   %-20s from %-15s %s%n      %s%n", ((SpecificRecord) message).getSchema().getName(),
                    AgencyClient.header(r, AgencyClient.SENDER), sequence == null ? "" : "register #" + sequence, summary(message));
        }
    }

    private static List<String> sentBy(AgencyClient agency, Map<String, String> sent) {
        return sent.entrySet().stream().filter(e -> e.getValue().startsWith(agency.agencyCode() + " ")).map(Map.Entry::getKey).toList();
    }

    private List<ConsumerRecord<String, byte[]>> awaitReceipts(AgencyClient agency, Map<String, String> sent) {
        List<String> expected = sentBy(agency, sent);
        return expected.isEmpty() ? List.of() : agency.readFromStart(agency.receiptsTopic(),
                seen -> seen.stream().map(r -> AgencyClient.header(r, AgencyClient.MESSAGE_ID)).toList().containsAll(expected), WAIT);
    }

    private void printReceipts(AgencyClient agency, Map<String, String> sent, List<ConsumerRecord<String, byte[]>> receipts) {
        List<String> expected = sentBy(agency, sent);
        if (expected.isEmpty()) {
            return;
        }
        out.println("\nReceipts for " + agency.agencyCode() + ":");
        for (ConsumerRecord<String, byte[]> r : receipts) {
            String id = AgencyClient.header(r, AgencyClient.MESSAGE_ID);
            if (!expected.contains(id)) {
                continue;
            }
            Receipt receipt = (Receipt) agency.decode(r.topic(), r.value());
            out.printf("   %-20s %-8s register #%d hash %s…%s%n", sent.get(id).substring(agency.agencyCode().length() + 1),
                    receipt.getStatus(), receipt.getRegisterSequence(), receipt.getEntryHash().substring(0, 16),
                    receipt.getFlags().isEmpty() ? "" : " " + receipt.getFlags());
            receipt.getViolations().forEach(v -> out.printf("      violation %s [%s]: %s%n", v.getField(), v.getRule(), v.getMessage()));
        }
    }

    private void printRegister(String caseReference) throws Exception {
        String path = "/api/register/entries?caseReference=" + caseReference;
        HttpResponse<String> response = get(path);
        out.println("\nRegister entries for " + caseReference + " (GET " + path + "):");
        out.println("   " + (response.statusCode() == 200 ? RegisterPrinter.table(response.body()) : "HTTP " + response.statusCode() + " " + response.body()));
    }

    private void printRelatedHazards(String caseReference) throws Exception {
        String path = "/api/lifecycle/cases/" + caseReference + "/related-hazards";
        HttpResponse<String> response = get(path);
        out.println("\nRelated hazards of " + caseReference + " (GET " + path + "):");
        out.println("   " + (response.statusCode() == 200 ? RegisterPrinter.hazards(response.body()) : "HTTP " + response.statusCode() + " " + response.body()));
    }

    /** A GET as the demo's own reader of the register, whose reads the access log records like anyone's. */
    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(httpUrl + path));
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String summary(Object message) {
        if (message instanceof ShareRequest r) {
            return "asks: " + r.getInformationRequested();
        }
        if (message instanceof ShareDecision d) {
            return d.getDecision() + ": " + d.getInformationShared().size() + " item(s); " + String.join("; ", d.getReasons());
        }
        if (message instanceof HazardNotification h) {
            return h.getAction() + " " + h.getCategory() + " about " + h.getPersonReference() + ", review due " + h.getReviewDue();
        }
        if (message instanceof Reminder r) {
            return r.getKind() + " for " + r.getSubjectReference() + ": " + r.getMessage();
        }
        if (message instanceof ConsentOutcome c) {
            return "consent " + c.getConsent().getStatus() + "; child's views: " + c.getChildViews();
        }
        return String.valueOf(message);
    }

    private static Practitioner schoolLead() {
        return Practitioner.newBuilder().setName("Priya Shah").setJobTitle("Designated Safeguarding Lead")
                .setOrganisation("Oakfield Primary School").setTelephone("01482 000111").setEmail(null).build();
    }

    private static Practitioner socialWorker() {
        return Practitioner.newBuilder().setName("Tom Barker").setJobTitle("Social Worker")
                .setOrganisation("Hull City Council Children's Services").setTelephone("01482 000222").setEmail(null).build();
    }

    private static Consent consentGiven() {
        return Consent.newBuilder().setStatus(ConsentStatus.GIVEN).setGivenBy("Sam Carter, mother")
                .setLimits("Not to be shared with the father's family").setReasonWithoutConsent(null).build();
    }

    private static RecordedBy recordedBy(String name, String role, Instant at) {
        return RecordedBy.newBuilder().setName(name).setRole(role).setRecordedAt(at).build();
    }

    private static IdentityCheck ringBack(String by, Instant at) {
        return IdentityCheck.newBuilder().setMethod(IdentityCheckMethod.RING_BACK)
                .setDetail("Rang back on the number published by the organisation").setCheckedBy(by).setCheckedAt(at)
                .setOutcome(IdentityCheckOutcome.CONFIRMED).build();
    }

    private static ShareRequest request(String caseReference, String requestId, Instant now, Consent consent) {
        return ShareRequest.newBuilder().setRequestId(requestId).setCaseReference(caseReference).setRequester(schoolLead())
                .setRequesterAgency(SCHOOL).setRecipientAgency(COUNCIL)
                .setReason("Amy told her teacher she is frightened of her mother's partner")
                .setInformationRequested("Whether Amy is known to children's social care and any current plan")
                .setConsent(consent).setRequesterIdentityCheck(ringBack("School office manager", now.minusSeconds(900)))
                .setOccurredAt(now.minusSeconds(1800)).setRecordedBy(recordedBy("Priya Shah", "Designated Safeguarding Lead", now))
                .setUrgent(false).setCorrectsMessageId(null).build();
    }

    private static ConsentOutcome consent(String caseReference, String requestId, Instant now) {
        return ConsentOutcome.newBuilder().setConsentId("CON-" + requestId).setRequestId(requestId).setCaseReference(caseReference)
                .setAgency(COUNCIL).setConsent(consentGiven()).setChildAge(13)
                .setChildViews("Wants her teacher to know so she can get help at school; does not want her father told")
                .setSubjectInformed(true).setReasonNotInformed(null).setOccurredAt(now.minusSeconds(600))
                .setRecordedBy(recordedBy("Tom Barker", "Social Worker", now)).setPersonReference("PERSON-AMY")
                .setCorrectsMessageId(null).build();
    }

    private static ShareDecision decision(String caseReference, String requestId, Instant now) {
        return ShareDecision.newBuilder().setDecisionId("DEC-" + requestId).setRequestId(requestId).setCaseReference(caseReference)
                .setDecidingAgency(COUNCIL).setRecipientAgency(SCHOOL).setDecision(Decision.SHARE_PARTIAL)
                .setReasons(List.of("The school needs to know of the child protection plan to support Amy",
                        "The father's history is not necessary for the school's purpose"))
                .setRequesterIdentityCheck(ringBack("Tom Barker", now.minusSeconds(300))).setConsent(consentGiven())
                .setSubjectInformed(true).setReasonNotInformed(null)
                .setInformationShared(List.of(SharedItem.newBuilder().setCategory("Child protection plan")
                        .setDescription("Subject to a child protection plan since January").setKind(InformationKind.FACT)
                        .setSource(null).build()))
                .setMethod(SharingMethod.THIS_EXCHANGE).setRecipient(schoolLead())
                .setOutcome("School adds Amy to its vulnerable pupils list; core group next week")
                .setReceiptConfirmation(null).setWithheldFromSubject(null).setOccurredAt(now.minusSeconds(120))
                .setRecordedBy(recordedBy("Tom Barker", "Social Worker", now)).setDecidedBy("Angela Moss, Team Manager")
                .setEndorsedBy(null).setCorrectsMessageId(null).build();
    }

    private static HazardNotification hazard(String caseReference, Instant now) {
        return HazardNotification.newBuilder().setHazardId("HAZ-" + now.getEpochSecond()).setAction(HazardAction.RAISED)
                .setCategory(HazardCategory.VIOLENT_OR_THREATENING_BEHAVIOUR).setCaseReference(caseReference)
                .setPersonReference("PERSON-MARK-D").setLinkedChildren(List.of("PERSON-AMY"))
                .setDetails("Threatened a neighbour with a knife; arrested and bailed with conditions")
                .setRaisingAgency(POLICE)
                .setRaisedBy(Practitioner.newBuilder().setName("DC Lee Grant").setJobTitle("Detective Constable")
                        .setOrganisation("Humberside Police").setTelephone("01482 000333").setEmail(null).build())
                .setApprovedBy("DS Rachel Hughes, Detective Sergeant")
                .setReviewDue(LocalDate.ofInstant(now, ZoneId.of("Europe/London")).plusMonths(6))
                .setNotifyAgencies(List.of(SCHOOL, COUNCIL)).setOccurredAt(now.minusSeconds(3600))
                .setRecordedBy(recordedBy("DC Lee Grant", "Detective Constable", now))
                .setRelationshipToChildren("Mother's partner, lives in the household").setReviewOutcome(null)
                .setCorrectsMessageId(null).build();
    }
}
