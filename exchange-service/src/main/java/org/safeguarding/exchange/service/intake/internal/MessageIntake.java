package org.safeguarding.exchange.service.intake.internal;

import exchange.v1.HazardNotification;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.exchange.service.consent.ConsentBatch;
import org.safeguarding.exchange.service.consent.ConsentHistory;
import org.safeguarding.exchange.service.contract.ExchangeHeaders;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.hazards.HazardBatch;
import org.safeguarding.exchange.service.hazards.Hazards;
import org.safeguarding.exchange.service.intake.IntakeProperties;
import org.safeguarding.exchange.service.policy.EntryFlag;
import org.safeguarding.exchange.service.policy.Envelope;
import org.safeguarding.exchange.service.policy.PolicyVerdict;
import org.safeguarding.exchange.service.policy.RecordingPolicy;
import org.safeguarding.exchange.service.policy.RegisterHistory;
import org.safeguarding.exchange.service.register.EntryEncoding;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryKey;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.EntrySignature;
import org.safeguarding.exchange.service.register.EntryViolation;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.safeguarding.exchange.service.register.SourceCoordinates;
import org.safeguarding.exchange.service.replay.ApprovedReplay;
import org.safeguarding.exchange.service.replay.DeadLetterReplays;
import org.safeguarding.exchange.service.signatures.SenderProof;
import org.safeguarding.exchange.service.signatures.SignedHeaders;
import org.springframework.stereotype.Component;

/**
 * Turns one record read from an intake topic into what the register keeps: decoded and checked against the
 * recording policy, or rejected, or undecodable. Never throws for anything an agency sent; only a failure of the
 * exchange's own infrastructure (the registry unreachable, say) escapes, so that the batch is retried rather than
 * a good message being dead-lettered.
 */
@Component
public class MessageIntake {

    public static final String RULE_SIZE = "contract/message-size";
    public static final String RULE_WIRE_FORMAT = "contract/wire-format";
    public static final String RULE_RECORD_TYPE = "contract/record-type-for-topic";

    private final MessageDecoder decoder;
    private final SharingRegister register;
    private final RecordingPolicy policy;
    private final ConsentHistory consent;
    private final Hazards hazards;
    private final SenderProof senderProof;
    private final DeadLetterReplays replays;
    private final Clock clock;
    private final int maxMessageBytes;

    public MessageIntake(MessageDecoder decoder, SharingRegister register, RecordingPolicy policy, ConsentHistory consent, Hazards hazards,
            SenderProof senderProof, DeadLetterReplays replays, Clock clock, IntakeProperties properties) {
        this.decoder = decoder;
        this.register = register;
        this.policy = policy;
        this.consent = consent;
        this.hazards = hazards;
        this.senderProof = senderProof;
        this.replays = replays;
        this.clock = clock;
        this.maxMessageBytes = properties.maxMessageBytes();
    }

    /**
     * Admits a whole poll. Each message is checked on its own, then against consent and hazard history looked up
     * once for the whole poll (a message also counts what was accepted before it in the poll): a claim of consent
     * against a standing refusal or withdrawal, or a hazard action out of its lifecycle, is rejected, and an accepted
     * hazard is addressed to the agencies already exchanging messages about its children. A consent outcome answering
     * a request is addressed to the other party of that request, found in the register or earlier in the same poll,
     * so the agency that asked learns the consent position.
     */
    public AdmittedBatch admitAll(List<ConsumerRecord<String, byte[]>> records) {
        List<Admitted> admitted = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            admitted.add(admit(record));
        }
        List<SpecificRecord> decoded = admitted.stream().map(Admitted::record).toList();
        ConsentBatch consentBatch = consent.lookUp(decoded);
        HazardBatch hazardBatch = hazards.lookUp(decoded);
        RegisterHistory history = new RegisterHistory(consentBatch.known(), hazardBatch.known());
        List<NewEntry> entries = new ArrayList<>(records.size());
        Map<EntryKey, SpecificRecord> messages = new HashMap<>();
        for (Admitted a : admitted) {
            NewEntry entry = judgeAgainstHistory(a, history, consentBatch, hazardBatch);
            entries.add(entry);
            if (a.record() != null) {
                messages.putIfAbsent(entry.key(), a.record());
            }
        }
        return new AdmittedBatch(addressConsentOutcomes(entries), consentBatch, hazardBatch, messages);
    }

    private NewEntry judgeAgainstHistory(Admitted admitted, RegisterHistory history, ConsentBatch consentBatch,
            HazardBatch hazardBatch) {
        NewEntry entry = admitted.entry();
        if (admitted.record() == null) {
            return entry;
        }
        PolicyVerdict verdict = policy.checkHistory(admitted.record(), history);
        if (!verdict.accepted()) {
            entry = entry.rejectedFor(violationsOf(verdict));
        }
        if (entry.outcome() == EntryOutcome.ACCEPTED) {
            if (admitted.record() instanceof HazardNotification hazard) {
                entry = entry.withFacts(entry.facts().withRecipients(hazardBatch.hazardRecipients(hazard)));
            }
            consentBatch.accepted(entry.key(), admitted.record());
            hazardBatch.accepted(entry.key(), admitted.record(), entry.facts().caseReference(), entry.facts().sendingAgency(),
                    entry.facts().recipientAgencies());
        }
        return entry;
    }

    private List<NewEntry> addressConsentOutcomes(List<NewEntry> entries) {
        List<String> answered = entries.stream().filter(MessageIntake::isConsentAnsweringARequest)
                .map(e -> e.facts().requestId()).distinct().toList();
        if (answered.isEmpty()) {
            return entries;
        }
        Map<String, List<String>> parties = new HashMap<>(register.partiesOfRequests(answered));
        for (NewEntry e : entries) {
            if (e.outcome() == EntryOutcome.ACCEPTED && "ShareRequest".equals(e.facts().recordType()) && e.facts().requestId() != null) {
                List<String> sides = new ArrayList<>(e.facts().recipientAgencies());
                sides.add(e.facts().sendingAgency());
                parties.merge(e.facts().requestId(), sides, (a, b) -> {
                    List<String> both = new ArrayList<>(a);
                    both.addAll(b);
                    return both;
                });
            }
        }
        entries.replaceAll(e -> {
            if (!isConsentAnsweringARequest(e)) {
                return e;
            }
            List<String> others = parties.getOrDefault(e.facts().requestId(), List.of()).stream()
                    .filter(agency -> !agency.equals(e.facts().sendingAgency())).distinct().toList();
            return e.withFacts(e.facts().withRecipients(others));
        });
        return entries;
    }

    private static boolean isConsentAnsweringARequest(NewEntry e) {
        return e.outcome() == EntryOutcome.ACCEPTED && "ConsentOutcome".equals(e.facts().recordType()) && e.facts().requestId() != null;
    }

    private Admitted admit(ConsumerRecord<String, byte[]> record) {
        Instant receivedAt = clock.instant();
        SourceCoordinates source = new SourceCoordinates(record.topic(), record.partition(), record.offset());
        String messageIdHeader = ExchangeHeaders.text(record.headers(), ExchangeHeaders.MESSAGE_ID);
        String sender = ExchangeHeaders.text(record.headers(), ExchangeHeaders.SENDER);
        byte[] bytes = record.value() == null ? new byte[0] : record.value();
        byte[] sha256 = EntryEncoding.sha256(bytes);
        // Without its own id a message is still registered, under an id its coordinates make unique and stable. A dead
        // letter replayed with a second person's approval is a new message under an id naming the replay; anything else
        // carrying its sender's id again is that message's duplicate.
        String messageId = replayed(record, messageIdHeader, sender, sha256).map(ApprovedReplay::replayedMessageId)
                .orElse(messageIdHeader != null ? messageIdHeader : "urn:exchange:no-message-id:" + source.chainId() + "/" + source.offset());
        // Who sent it comes first: every entry, even of bytes that are no message, names its proven sender or none.
        SenderProof.Proof proof = senderProof.check(SignedHeaders.of(record.headers()), sha256, receivedAt);
        Unjudged unjudged = (outcome, schemaId, payload, facts, violation) -> Admitted.unjudged(new NewEntry(messageId, source, receivedAt,
                sender, outcome, schemaId, payload, sha256, bytes.length, facts, Set.of(), withProof(proof, List.of(violation)),
                proof.provenSender(), signatureOf(proof)));

        if (bytes.length > maxMessageBytes) {
            return unjudged.entry(EntryOutcome.REJECTED, null, null, EntryFacts.NONE, new EntryViolation("message", RULE_SIZE,
                    "The message is " + bytes.length + " bytes; the exchange accepts at most " + maxMessageBytes
                            + ". Send large documents by another secure route and refer to them."));
        }
        Decoded decoded = decoder.decode(record.topic(), bytes);
        if (!decoded.isOk()) {
            return unjudged.entry(EntryOutcome.UNDECODABLE, decoded.schemaId(), bytes, EntryFacts.NONE,
                    new EntryViolation("message", RULE_WIRE_FORMAT, decoded.failure()));
        }
        EntryFacts facts = MessageFacts.of(decoded.record());
        IntakeTopic topic = IntakeTopic.of(record.topic()).orElseThrow();
        if (!topic.recordType().isInstance(decoded.record())) {
            return unjudged.entry(EntryOutcome.REJECTED, decoded.schemaId(), bytes, facts, new EntryViolation("message", RULE_RECORD_TYPE,
                    "Topic " + record.topic() + " carries " + topic.recordType().getSimpleName() + " records, not "
                            + decoded.record().getSchema().getName() + "."));
        }
        PolicyVerdict verdict = policy.check(decoded.record(), new Envelope(messageIdHeader, sender, record.topic(), receivedAt));
        Set<String> flags = verdict.flags().isEmpty() ? new HashSet<>()
                : EnumSet.copyOf(verdict.flags()).stream().map(EntryFlag::name).collect(Collectors.toSet());
        if (proof.senderNotProven()) {
            flags.add(EntryFlag.SENDER_NOT_PROVEN.name());
        }
        List<EntryViolation> violations = withProof(proof, violationsOf(verdict));
        EntryOutcome outcome = violations.isEmpty() ? EntryOutcome.ACCEPTED : EntryOutcome.REJECTED;
        return new Admitted(new NewEntry(messageId, source, receivedAt, sender, outcome, decoded.schemaId(), bytes, sha256,
                bytes.length, facts, flags, violations, proof.provenSender(), signatureOf(proof)), decoded.record());
    }

    /** The approved replay this record carries out: only the dead letter's very bytes, id and sender qualify. */
    private Optional<ApprovedReplay> replayed(ConsumerRecord<String, byte[]> record, String messageIdHeader, String sender, byte[] sha256) {
        String replayId = ExchangeHeaders.text(record.headers(), ExchangeHeaders.REPLAY_OF);
        if (replayId == null || messageIdHeader == null) {
            return Optional.empty();
        }
        return replays.approved(replayId).filter(replay -> replay.messageId().equals(messageIdHeader)
                && replay.provenSender().equals(sender) && Arrays.equals(replay.payloadSha256(), sha256)
                && IntakeTopic.of(record.topic()).isPresent());
    }

    /** The sender proof's violations, first, with the others: contract rule 1, every violation is named. */
    private static List<EntryViolation> withProof(SenderProof.Proof proof, List<EntryViolation> others) {
        if (proof.violations().isEmpty()) {
            return others;
        }
        List<EntryViolation> all = new ArrayList<>();
        proof.violations().forEach(v -> all.add(new EntryViolation(v.field(), v.rule(), v.message())));
        all.addAll(others);
        return all;
    }

    private static EntrySignature signatureOf(SenderProof.Proof proof) {
        SenderProof.Signature s = proof.signature();
        return s == null ? null : new EntrySignature(s.keyId(), s.signedAt(), s.value());
    }

    /** An entry for a message not judged by the recording policy: over size, undecodable, or on the wrong topic. */
    @FunctionalInterface
    private interface Unjudged {
        Admitted entry(EntryOutcome outcome, Integer schemaId, byte[] payload, EntryFacts facts, EntryViolation violation);
    }

    private static List<EntryViolation> violationsOf(PolicyVerdict verdict) {
        return verdict.violations().stream().map(v -> new EntryViolation(v.field(), v.rule(), v.message())).toList();
    }

    /** A message checked on its own, and its record when it is one to judge against the register's history. */
    private record Admitted(NewEntry entry, SpecificRecord record) {

        static Admitted unjudged(NewEntry entry) {
            return new Admitted(entry, null);
        }
    }
}
