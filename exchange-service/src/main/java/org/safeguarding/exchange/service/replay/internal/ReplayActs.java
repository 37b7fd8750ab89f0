package org.safeguarding.exchange.service.replay.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeguarding.exchange.service.register.EntryEncoding;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.SourceCoordinates;
import tools.jackson.databind.ObjectMapper;

/**
 * The register entries of replay acts, which the exchange writes itself: the act as UTF-8 JSON (the exact bytes the
 * entry hash covers), on a chain of their own, with who acted as the entry's requester and the replay id as the request
 * id that links a request to its decision.
 */
public final class ReplayActs {

    public static final String REQUEST = "DeadLetterReplayRequest";
    public static final String DECISION = "DeadLetterReplayDecision";
    /** The chain replay acts are written on: not an intake topic, so no agency's traffic shares it. */
    public static final String SOURCE = "exchange.replays";
    /** The sender of entries the exchange writes itself (as on its reminders). */
    public static final String EXCHANGE = "EXCHANGE";

    private ReplayActs() {
    }

    public static NewEntry request(String replayId, long deadLetterSequence, String deadLetterMessageId, String by, List<String> roles,
            String reason, Instant at, ObjectMapper json) {
        Map<String, Object> act = new LinkedHashMap<>();
        act.put("act", REQUEST);
        act.put("replayId", replayId);
        act.put("deadLetterSequence", deadLetterSequence);
        act.put("deadLetterMessageId", deadLetterMessageId);
        act.put("requestedBy", by);
        act.put("roles", roles);
        act.put("requestedAt", at.toString());
        act.put("reason", reason);
        return entry("replay-request:" + replayId, REQUEST, replayId, by, null, deadLetterSequence, act, at, json);
    }

    /** The decision's message id is fixed by the replay: a second decision on the same request is a duplicate, never recorded. */
    public static NewEntry decision(String replayId, long deadLetterSequence, long requestEntry, boolean approved, String by, List<String> roles,
            String reason, Instant at, ObjectMapper json) {
        Map<String, Object> act = new LinkedHashMap<>();
        act.put("act", DECISION);
        act.put("replayId", replayId);
        act.put("requestEntry", requestEntry);
        act.put("deadLetterSequence", deadLetterSequence);
        act.put("decision", approved ? "APPROVED" : "REFUSED");
        act.put("decidedBy", by);
        act.put("roles", roles);
        act.put("decidedAt", at.toString());
        act.put("reason", reason);
        return entry("replay-decision:" + replayId, DECISION, replayId, by, approved ? "APPROVED" : "REFUSED", deadLetterSequence, act, at, json);
    }

    private static NewEntry entry(String messageId, String type, String replayId, String by, String decision, long deadLetterSequence,
            Map<String, Object> act, Instant at, ObjectMapper json) {
        byte[] bytes = json.writeValueAsString(act).getBytes(StandardCharsets.UTF_8);
        EntryFacts facts = new EntryFacts(type, null, EXCHANGE, List.of(), by, decision, null, at, at, null, replayId, List.of());
        return new NewEntry(messageId, new SourceCoordinates(SOURCE, 0, deadLetterSequence), at, EXCHANGE, EntryOutcome.ACCEPTED, null,
                bytes, EntryEncoding.sha256(bytes), bytes.length, facts, Set.of(), List.of(), null, null);
    }
}
