package org.safeguarding.exchange.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguarding.exchange.service.testing.TestAgency.header;

import exchange.v1.ConsentStatus;
import exchange.v1.Receipt;
import exchange.v1.ReceiptStatus;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.intake.internal.MessageIntake;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.testing.SampleRecords;

/**
 * The whole pipeline against a real broker and a real PostgreSQL: what arrives where, what the register holds, and
 * that no bad input stops, skips or delays the good message after it.
 */
class PipelineTest extends ExchangeServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private TestAgency school;
    private TestAgency council;

    @BeforeAll
    void agencies() {
        school = agency(SampleRecords.SCHOOL);
        council = agency(SampleRecords.COUNCIL);
    }


    private static ShareRequest request(String caseReference) {
        ShareRequest request = SampleRecords.shareRequest();
        request.setCaseReference(caseReference);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        request.setOccurredAt(now.minusSeconds(600));
        request.getRecordedBy().setRecordedAt(now.minusSeconds(60));
        return request;
    }

    private static String newCase() {
        return "CASE-" + UUID.randomUUID();
    }

    private ConsumerRecord<String, byte[]> receiptFor(TestAgency agency, String messageId, int nth) {
        List<ConsumerRecord<String, byte[]>> receipts = agency.readUntil(agency.receipts(),
                seen -> seen.stream().filter(r -> messageId.equals(header(r, TestAgency.MESSAGE_ID))).count() >= nth, WAIT);
        List<ConsumerRecord<String, byte[]>> mine = receipts.stream()
                .filter(r -> messageId.equals(header(r, TestAgency.MESSAGE_ID))).toList();
        assertThat(mine).as("receipts for " + messageId).hasSizeGreaterThanOrEqualTo(nth);
        return mine.get(nth - 1);
    }

    private Receipt receipt(TestAgency agency, String messageId) {
        ConsumerRecord<String, byte[]> record = receiptFor(agency, messageId, 1);
        return (Receipt) agency.decode(record.topic(), record.value());
    }

    private List<ConsumerRecord<String, byte[]>> inboxCopies(TestAgency agency, String messageId, Duration wait) {
        return agency.readUntil(agency.inbox(), seen -> seen.stream().anyMatch(r -> messageId.equals(header(r, TestAgency.MESSAGE_ID))), wait)
                .stream().filter(r -> messageId.equals(header(r, TestAgency.MESSAGE_ID))).toList();
    }

    private Map<String, Object> entry(String messageId) {
        return jdbc().queryForMap("select outcome, record_type, case_reference, 'LATE_ENTRY' = any(flags) as late_entry,"
                + " flags::text as flags, violations::text as violations, sequence, encode(entry_hash, 'hex') as entry_hash"
                + " from register_entry where message_id = ?", messageId);
    }

    @Test
    void anAcceptedRequestReachesTheRecipientsInboxUnchangedAndTheSenderGetsAReceipt() {
        String caseReference = newCase();
        ShareRequest request = request(caseReference);
        byte[] sent = school.encode("exchange.share-requests", request);
        String messageId = UUID.randomUUID().toString();
        school.sendRaw("exchange.share-requests", caseReference, sent, messageId, school.code());

        List<ConsumerRecord<String, byte[]>> delivered = inboxCopies(council, messageId, WAIT);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).value()).isEqualTo(sent);
        assertThat(delivered.get(0).key()).isEqualTo(caseReference);
        assertThat(council.decode(delivered.get(0).topic(), delivered.get(0).value())).isEqualTo(request);

        Receipt receipt = receipt(school, messageId);
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
        assertThat(receipt.getViolations()).isEmpty();
        Map<String, Object> entry = entry(messageId);
        assertThat(entry).containsEntry("outcome", "ACCEPTED").containsEntry("record_type", "ShareRequest")
                .containsEntry("case_reference", caseReference).containsEntry("late_entry", false);
        assertThat(receipt.getRegisterSequence()).isEqualTo(entry.get("sequence"));
        assertThat(receipt.getEntryHash()).isEqualTo(entry.get("entry_hash"));
        assertThat(header(delivered.get(0), "exchange-entry-hash")).isEqualTo(entry.get("entry_hash"));
    }

    @Test
    void aRequestWithoutConsentAndWithoutAReasonIsRejectedNamingTheRuleAndNotDelivered() {
        String caseReference = newCase();
        ShareRequest request = request(caseReference);
        request.setConsent(SampleRecords.withoutConsent(ConsentStatus.NOT_SOUGHT, null));
        String messageId = school.send("exchange.share-requests", caseReference, request);

        Receipt receipt = receipt(school, messageId);
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(receipt.getViolations()).anySatisfy(v -> assertThat(v.getField()).isEqualTo("consent.reasonWithoutConsent"));
        assertThat(entry(messageId)).containsEntry("outcome", "REJECTED");
        assertThat(inboxCopies(council, messageId, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void theSameMessageIdTwiceIsOneEntryAndOneDeliveryAndTheSecondReceiptSaysDuplicate() {
        String caseReference = newCase();
        byte[] bytes = school.encode("exchange.share-requests", request(caseReference));
        String messageId = UUID.randomUUID().toString();
        school.sendRaw("exchange.share-requests", caseReference, bytes, messageId, school.code());
        school.sendRaw("exchange.share-requests", caseReference, bytes, messageId, school.code());

        ConsumerRecord<String, byte[]> second = receiptFor(school, messageId, 2);
        Receipt duplicate = (Receipt) school.decode(second.topic(), second.value());
        assertThat(duplicate.getFlags()).contains("DUPLICATE");
        assertThat(duplicate.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
        assertThat(jdbc().queryForObject("select count(*) from register_entry where message_id = ?", Long.class, messageId)).isEqualTo(1);
        assertThat(inboxCopies(council, messageId, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void undecodableBytesGoUnchangedToTheDeadLetterTopicAndTheGoodMessageBehindThemStillArrives() {
        String caseReference = newCase();
        byte[] randomBytes = new byte[64];
        new java.util.Random(42).nextBytes(randomBytes);
        randomBytes[0] = 0x00; // framed, but garbage inside
        byte[] wrongMagic = school.encode("exchange.share-requests", request(caseReference));
        wrongMagic = Arrays.copyOf(wrongMagic, wrongMagic.length);
        wrongMagic[0] = 0x07;
        byte[] unknownSchemaId = school.encode("exchange.share-requests", request(caseReference));
        ByteBuffer.wrap(unknownSchemaId).putInt(1, 987_654);

        String randomId = UUID.randomUUID().toString();
        String magicId = UUID.randomUUID().toString();
        String unknownId = UUID.randomUUID().toString();
        school.sendRaw("exchange.share-requests", caseReference, randomBytes, randomId, school.code());
        school.sendRaw("exchange.share-requests", caseReference, wrongMagic, magicId, school.code());
        school.sendRaw("exchange.share-requests", caseReference, unknownSchemaId, unknownId, school.code());
        String goodId = school.send("exchange.share-requests", caseReference, request(caseReference));

        assertThat(inboxCopies(council, goodId, WAIT)).hasSize(1);
        List<ConsumerRecord<String, byte[]>> dead = TestAgency.read(bootstrapServers(), "exchange.dead-letter",
                seen -> seen.stream().map(r -> header(r, TestAgency.MESSAGE_ID)).toList().containsAll(List.of(randomId, magicId, unknownId)), WAIT);
        assertThat(dead).filteredOn(r -> randomId.equals(header(r, TestAgency.MESSAGE_ID)))
                .singleElement().satisfies(r -> {
                    assertThat(r.value()).isEqualTo(randomBytes);
                    assertThat(header(r, "exchange-original-topic")).isEqualTo("exchange.share-requests");
                    assertThat(header(r, "exchange-original-partition")).isNotBlank();
                    assertThat(header(r, "exchange-original-offset")).isNotBlank();
                    assertThat(header(r, "exchange-error")).isNotBlank();
                });
        byte[] magicBytes = wrongMagic;
        assertThat(dead).filteredOn(r -> magicId.equals(header(r, TestAgency.MESSAGE_ID)))
                .singleElement().satisfies(r -> {
                    assertThat(r.value()).isEqualTo(magicBytes);
                    assertThat(header(r, "exchange-error")).containsIgnoringCase("magic");
                });
        assertThat(dead).filteredOn(r -> unknownId.equals(header(r, TestAgency.MESSAGE_ID)))
                .singleElement().satisfies(r -> assertThat(header(r, "exchange-error")).contains("987654"));
        for (String id : List.of(randomId, magicId, unknownId)) {
            assertThat(entry(id)).containsEntry("outcome", "UNDECODABLE");
            assertThat(receipt(school, id).getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        }
    }

    @Test
    void aValidRecordOfTheWrongTypeForTheTopicIsRejected() {
        String caseReference = newCase();
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setCaseReference(caseReference);
        decision.setDecidingAgency(school.code());
        decision.setRecipientAgency(council.code());
        // Framed with the id the decision's own topic registered (ids are global): what an agency can send on any topic,
        // now that only operators add subjects such as share-requests-ShareDecision.
        byte[] bytes = school.encode("exchange.share-decisions", decision);
        String messageId = UUID.randomUUID().toString();
        school.sendRaw("exchange.share-requests", caseReference, bytes, messageId, school.code());

        Receipt receipt = receipt(school, messageId);
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(receipt.getViolations()).anySatisfy(v -> assertThat(v.getRule()).isEqualTo(MessageIntake.RULE_RECORD_TYPE));
        assertThat(entry(messageId)).containsEntry("outcome", "REJECTED").containsEntry("record_type", "ShareDecision");
    }

    @Test
    void blankRequiredFieldsAnUnknownAgencyAndAForgedSenderAreEachRejected() {
        String caseReference = newCase();
        ShareRequest blank = request(caseReference);
        blank.setReason("   ");
        blank.getRequester().setTelephone("");
        String blankId = school.send("exchange.share-requests", caseReference, blank);

        ShareRequest unknownRecipient = request(caseReference);
        unknownRecipient.setRecipientAgency("LA-NOWHERE");
        String unknownId = school.send("exchange.share-requests", caseReference, unknownRecipient);

        ShareRequest forged = request(caseReference);
        forged.setRequesterAgency("POL-HUMBERSIDE");
        String forgedId = school.send("exchange.share-requests", caseReference, forged);

        Receipt blankReceipt = receipt(school, blankId);
        assertThat(blankReceipt.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(blankReceipt.getViolations()).extracting(v -> v.getField()).contains("reason", "requester.telephone");
        assertThat(receipt(school, unknownId).getViolations()).anySatisfy(v -> assertThat(v.getField()).isEqualTo("recipientAgency"));
        assertThat(receipt(school, forgedId).getViolations()).anySatisfy(v -> assertThat(v.getField()).isEqualTo("requesterAgency"));
        for (String id : List.of(blankId, unknownId, forgedId)) {
            assertThat(entry(id)).containsEntry("outcome", "REJECTED");
        }
    }

    @Test
    void aMessageOverTheSizeLimitIsRejectedAndOnlyItsHashIsKept() {
        String caseReference = newCase();
        ShareRequest huge = request(caseReference);
        huge.setInformationRequested("x".repeat(300_000));
        String messageId = school.send("exchange.share-requests", caseReference, huge);

        Receipt receipt = receipt(school, messageId);
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(receipt.getViolations()).anySatisfy(v -> assertThat(v.getRule()).isEqualTo(MessageIntake.RULE_SIZE));
        assertThat(jdbc().queryForObject("select payload is null and payload_size > 300000 from register_entry where message_id = ?",
                Boolean.class, messageId)).isTrue();
    }

    @Test
    void anEntryRecordedMoreThanADayAfterTheEventIsAcceptedAndFlaggedLate() {
        String caseReference = newCase();
        ShareRequest late = request(caseReference);
        late.setOccurredAt(Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
        String messageId = school.send("exchange.share-requests", caseReference, late);

        Receipt receipt = receipt(school, messageId);
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
        assertThat(receipt.getFlags()).contains("LATE_ENTRY");
        assertThat(entry(messageId)).containsEntry("late_entry", true);
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrDeleteAnEntry() {
        String messageId = school.send("exchange.share-requests", "CASE-APPEND-ONLY", request("CASE-APPEND-ONLY"));
        receipt(school, messageId);
        assertThatThrownBy(() -> jdbc().update("update register_entry set outcome = 'REJECTED' where message_id = ?", messageId)).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc().update("delete from register_entry where message_id = ?", messageId)).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc().execute("truncate register_entry")).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void theTablesEveryPollWritesAreVacuumedGently() {
        for (String table : List.of("register_entry", "register_leaf", "consent_outcome", "lifecycle_case_person", "lifecycle_hazard",
                "lifecycle_case_agency", "lifecycle_request", "lifecycle_case_contact")) {
            assertThat(jdbc().queryForObject("select array_to_string(reloptions, ',') from pg_class where relname = ?", String.class, table))
                    .as(table).contains("autovacuum_vacuum_cost_delay=20");
        }
    }

    @Test
    void healthAndPrometheusMetricsAreServed() {
        String messageId = school.send("exchange.share-requests", "CASE-METRICS", request("CASE-METRICS"));
        receipt(school, messageId);
        assertThat(http().get().uri("/actuator/health").retrieve().body(String.class)).contains("\"status\":\"UP\"");
        String metrics = http().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("exchange_intake_messages_total{").contains("outcome=\"ACCEPTED\"");
        // Each phase of a poll is timed.
        for (String phase : List.of("admit", "record", "deliver")) {
            assertThat(metrics).containsPattern("exchange_intake_batch_seconds_count\\{[^}]*phase=\"" + phase + "\"[^}]*\\} [1-9]");
        }
    }

    /** The production stack's dashboard (docker/) asks only for metrics the service serves, by their real names. */
    @Test
    void theProductionDashboardQueriesMetricsTheServiceServes() throws Exception {
        String caseReference = newCase();
        ShareRequest rejected = request(caseReference);
        rejected.setConsent(SampleRecords.withoutConsent(ConsentStatus.NOT_SOUGHT, null));
        receipt(school, school.send("exchange.share-requests", caseReference, rejected));
        String dashboard = Files.readString(Path.of("..", "docker", "grafana", "dashboards", "exchange.json"));
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b(exchange_[a-z_]+|kafka_[a-z_]+|hikaricp_[a-z_]+)\\b").matcher(dashboard);
        List<String> queried = names.results().map(m -> m.group(1)).distinct().toList();
        assertThat(queried).hasSizeGreaterThanOrEqualTo(6);

        String metrics = http().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(queried).allSatisfy(name -> assertThat(metrics).as(name).containsPattern("(?m)^" + name + "[{ ]"));
        assertThat(metrics).containsPattern("(?m)^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"[^\"]*exchange-intake");
    }

    @Test
    void everyChainInTheRegisterVerifies() {
        String messageId = school.send("exchange.share-requests", "CASE-CHAIN", request("CASE-CHAIN"));
        receipt(school, messageId);
        Map<?, ?> verification = http().get().uri("/api/register/verify").retrieve().body(Map.class);
        assertThat(verification.get("intact")).isEqualTo(true);
        assertThat(((Number) verification.get("entriesChecked")).longValue()).isPositive();
    }
}
