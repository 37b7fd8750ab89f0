package org.safeguarding.exchange.service.replay;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.safeguarding.exchange.service.contract.ExchangeHeaders;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.register.Disposition;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.safeguarding.exchange.service.register.EntryView;
import org.safeguarding.exchange.service.register.Recorded;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.register.RegisterSearch;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.safeguarding.exchange.service.replay.internal.ReplayActs;
import org.safeguarding.exchange.service.security.Caller;
import org.safeguarding.exchange.signing.MessageSignature;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Accountable replay of dead letters. One person asks, with a reason; a second, different person approves or refuses;
 * each act is a register entry of its own (who, when, why, which dead letter). An approved dead letter is sent again to
 * its intake topic with its own id, sender and signature, so that intake proves its sender and applies the policy as
 * to any message, and registers it under an id naming the replay ({@link ApprovedReplay}). Nothing else is sent: the
 * bytes are the dead letter's, read from the register.
 */
@Service
public class DeadLetterReplays {

    private static final int LISTED = EntryQuery.MAX_LIMIT;

    private final SharingRegister register;
    private final RegisterSearch search;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final Clock clock;

    DeadLetterReplays(SharingRegister register, RegisterSearch search, KafkaTemplate<String, byte[]> kafka, ObjectMapper json, Clock clock) {
        this.register = register;
        this.search = search;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    /** Asks for the dead letter to be replayed; returns the replay's id. */
    public String request(long deadLetterSequence, Caller who, String reason) {
        requireReason(reason);
        EntryView deadLetter = search.bySequence(deadLetterSequence).filter(e -> EntryOutcome.UNDECODABLE.name().equals(e.outcome()))
                .orElseThrow(() -> new ReplayRefused("Entry " + deadLetterSequence + " is not a dead letter"));
        if (deadLetter.provenSender() == null || deadLetter.signature() == null) {
            throw new ReplayRefused("The exchange did not prove who sent dead letter " + deadLetterSequence
                    + ": replayed, it could not be proven either. Ask the agency to send it again.");
        }
        if (!IntakeTopic.names().contains(deadLetter.sourceTopic())) {
            throw new ReplayRefused("Dead letter " + deadLetterSequence + " was not read from an intake topic");
        }
        // One replay per dead letter at a time, and none after an approved one: a message goes through intake once more, not twice.
        all().stream().filter(r -> r.deadLetterSequence() == deadLetterSequence && (r.pending() || "APPROVED".equals(r.decision())))
                .findFirst().ifPresent(r -> {
                    throw new ReplayRefused("Dead letter " + deadLetterSequence + " has a replay " + (r.pending() ? "waiting for a decision"
                            : "approved") + " already (" + r.replayId() + ")");
                });
        String replayId = UUID.randomUUID().toString();
        record(ReplayActs.request(replayId, deadLetterSequence, deadLetter.messageId(), who.name(), roles(who), reason.strip(),
                clock.instant(), json));
        return replayId;
    }

    /** Approves or refuses a replay someone else asked for; approved, the dead letter goes to intake again. */
    public void decide(String replayId, Caller who, boolean approve, String reason) {
        requireReason(reason);
        Replay replay = find(replayId).orElseThrow(() -> new ReplayRefused("There is no replay " + replayId));
        if (replay.requestedBy().equals(who.name())) {
            throw new ReplayRefused("You asked for this replay: a second person must approve or refuse it");
        }
        if (!replay.pending()) {
            throw new ReplayRefused("Replay " + replayId + " was " + replay.decision().toLowerCase() + " already");
        }
        Recorded recorded = record(ReplayActs.decision(replayId, replay.deadLetterSequence(), replay.requestEntry(), approve, who.name(),
                roles(who), reason.strip(), clock.instant(), json));
        if (recorded.disposition() != Disposition.NEW) {
            throw new ReplayRefused("Replay " + replayId + " was decided already");
        }
        if (approve) {
            try {
                resubmit(replayId, replay.deadLetterSequence());
            } catch (RuntimeException e) {
                // The approval stands in the register; the replay waits to be sent again (sendAgain).
                throw new ReplayRefused("The replay is approved, but could not be sent to intake (" + e.getMessage()
                        + "): send it again from the dead letters page");
            }
        }
    }

    /**
     * Sends an approved replay again when intake has not registered it (the send after the approval failed, say): the
     * same bytes under the same id, so that however often it is sent, intake registers it once.
     */
    public void sendAgain(String replayId) {
        Replay replay = find(replayId).orElseThrow(() -> new ReplayRefused("There is no replay " + replayId));
        if (!replay.awaitingIntake()) {
            throw new ReplayRefused("Replay " + replayId + " is not an approved replay waiting for intake");
        }
        resubmit(replayId, replay.deadLetterSequence());
    }

    /** Every replay asked for, newest first. */
    public List<Replay> all() {
        List<Replay> replays = new ArrayList<>();
        for (EntryView request : search.find(new EntryQuery(null, null, ReplayActs.REQUEST, null, null, null, LISTED))) {
            replays.add(replay(request, search.byRequest(request.requestId())));
        }
        replays.sort(Comparator.comparingLong(Replay::requestEntry).reversed());
        return replays;
    }

    public Optional<Replay> find(String replayId) {
        List<EntryView> acts = search.byRequest(replayId);
        return acts.stream().filter(e -> ReplayActs.REQUEST.equals(e.recordType())).findFirst().map(request -> replay(request, acts));
    }

    /**
     * The approved replay intake is handed, when a second person approved it; empty for a replay not approved (or no
     * replay at all), whose message intake then treats as the dead letter's duplicate.
     */
    public Optional<ApprovedReplay> approved(String replayId) {
        return find(replayId).filter(r -> "APPROVED".equals(r.decision())).flatMap(r -> deadLetter(r.deadLetterSequence())
                .map(dead -> new ApprovedReplay(replayId, r.deadLetterSequence(), dead.message().messageId(), dead.message().provenSender(),
                        dead.message().payloadSha256())));
    }

    private void resubmit(String replayId, long deadLetterSequence) {
        RegisterEntry dead = deadLetter(deadLetterSequence)
                .orElseThrow(() -> new ReplayRefused("Dead letter " + deadLetterSequence + " is gone from the register"));
        var message = dead.message();
        if (message.payload() == null) {
            throw new ReplayRefused("The register kept no bytes of dead letter " + deadLetterSequence + " (it was over the size limit)");
        }
        Headers headers = new RecordHeaders();
        headers.add(ExchangeHeaders.MESSAGE_ID, ExchangeHeaders.utf8(message.messageId()));
        headers.add(ExchangeHeaders.SENDER, ExchangeHeaders.utf8(message.provenSender()));
        MessageSignature.addHeaders(headers, message.signature().keyId(), message.signature().signedAt().toEpochMilli(),
                message.signature().value());
        headers.add(ExchangeHeaders.REPLAY_OF, ExchangeHeaders.utf8(replayId));
        kafka.executeInTransaction(operations -> operations.send(
                new ProducerRecord<String, byte[]>(message.source().topic(), null, (String) null, message.payload(), headers)));
    }

    private Optional<RegisterEntry> deadLetter(long sequence) {
        RegisterEntry[] found = new RegisterEntry[1];
        register.forEachInSequenceOrder(sequence - 1, sequence, entry -> found[0] = entry);
        return Optional.ofNullable(found[0]).filter(e -> e.message().outcome() == EntryOutcome.UNDECODABLE);
    }

    private Replay replay(EntryView request, List<EntryView> acts) {
        JsonNode asked = json.readTree(request.message());
        EntryView decision = acts.stream().filter(e -> ReplayActs.DECISION.equals(e.recordType())).findFirst().orElse(null);
        JsonNode decided = decision == null ? null : json.readTree(decision.message());
        String replayId = request.requestId();
        String replayedAs = decision != null && "APPROVED".equals(decision.decision())
                ? ApprovedReplay.replayedMessageId(asked.get("deadLetterMessageId").asString(), replayId) : null;
        EntryView replayed = replayedAs == null ? null : search.byMessageId(replayedAs).stream().findFirst().orElse(null);
        return new Replay(replayId, asked.get("deadLetterSequence").asLong(), request.sequence(), request.requesterName(),
                Instant.parse(asked.get("requestedAt").asString()), asked.get("reason").asString(),
                decision == null ? null : decision.decision(), decision == null ? null : decision.sequence(),
                decision == null ? null : decision.requesterName(),
                decided == null ? null : Instant.parse(decided.get("decidedAt").asString()),
                decided == null ? null : decided.get("reason").asString(), replayedAs,
                replayed == null ? null : replayed.sequence(), replayed == null ? null : replayed.outcome());
    }

    private Recorded record(org.safeguarding.exchange.service.register.NewEntry act) {
        return register.record(List.of(act)).get(0);
    }

    private static List<String> roles(Caller who) {
        return who.roles().stream().map(Enum::name).sorted().toList();
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReplayRefused("Say why");
        }
        if (reason.length() > 500) {
            throw new ReplayRefused("Say why in 500 characters or fewer");
        }
    }
}
