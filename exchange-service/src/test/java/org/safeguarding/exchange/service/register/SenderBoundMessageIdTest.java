package org.safeguarding.exchange.service.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Contract rule 5 bound to the sender: a message id is one entry per proven sender, so an agency that learns another's
 * message id and sends first cannot turn the real message into a duplicate; the same sender's id twice is still one
 * entry (a replay, or a duplicate).
 */
@TestPropertySource(properties = "exchange.checkpoints.enabled=false")
class SenderBoundMessageIdTest extends ExchangeServiceTest {

    private static final String TOPIC = "test.sender-bound-ids";
    private static final AtomicLong OFFSETS = new AtomicLong();

    @Autowired
    private SharingRegister register;

    private static NewEntry sent(String messageId, String provenSender) {
        return sent(messageId, provenSender, OFFSETS.incrementAndGet());
    }

    private static NewEntry sent(String messageId, String provenSender, long offset) {
        byte[] payload = ("from " + provenSender).getBytes(StandardCharsets.UTF_8);
        return new NewEntry(messageId, new SourceCoordinates(TOPIC, 0, offset), Instant.now(), provenSender, EntryOutcome.ACCEPTED, null,
                payload, EntryEncoding.sha256(payload), payload.length, EntryFacts.NONE, Set.of(), List.of(), provenSender, null);
    }

    @Test
    void anotherAgencySendingTheIdFirstDoesNotMakeTheRealMessageADuplicate() {
        String id = UUID.randomUUID().toString();
        Recorded preempting = register.record(List.of(sent(id, "POL-HUMBERSIDE"))).get(0);
        Recorded real = register.record(List.of(sent(id, "LA-HULL"))).get(0);

        assertThat(preempting.disposition()).isEqualTo(Disposition.NEW);
        assertThat(real.disposition()).isEqualTo(Disposition.NEW);
        assertThat(real.entry().sequence()).isNotEqualTo(preempting.entry().sequence());
        assertThat(real.entry().message().provenSender()).isEqualTo("LA-HULL");
        assertThat(jdbc().queryForList("select proven_sender from register_entry where message_id = ? order by sequence", String.class, id))
                .containsExactly("POL-HUMBERSIDE", "LA-HULL");
    }

    @Test
    void twoSendersWithTheSameIdInOneBatchAreBothNew() {
        String id = UUID.randomUUID().toString();
        List<Recorded> recorded = register.record(List.of(sent(id, "SCH-OAKFIELD"), sent(id, "LA-HULL")));

        assertThat(recorded).extracting(Recorded::disposition).containsExactly(Disposition.NEW, Disposition.NEW);
        assertThat(recorded.get(0).entry().sequence()).isNotEqualTo(recorded.get(1).entry().sequence());
    }

    @Test
    void theSameSendersIdTwiceIsOneEntryAsBefore() {
        String id = UUID.randomUUID().toString();
        long offset = OFFSETS.incrementAndGet();
        Recorded first = register.record(List.of(sent(id, "SCH-OAKFIELD", offset))).get(0);

        // The same record read again (a replay), the same id sent again (a duplicate), and again within one batch.
        List<Recorded> again = register.record(List.of(sent(id, "SCH-OAKFIELD", offset), sent(id, "SCH-OAKFIELD")));
        String other = UUID.randomUUID().toString();
        List<Recorded> twiceInABatch = register.record(List.of(sent(other, "SCH-OAKFIELD"), sent(other, "SCH-OAKFIELD")));

        assertThat(first.disposition()).isEqualTo(Disposition.NEW);
        assertThat(again).extracting(Recorded::disposition).containsExactly(Disposition.REPLAY, Disposition.DUPLICATE);
        assertThat(again).allSatisfy(r -> assertThat(r.entry().sequence()).isEqualTo(first.entry().sequence()));
        assertThat(twiceInABatch).extracting(Recorded::disposition).containsExactly(Disposition.NEW, Disposition.DUPLICATE);
        assertThat(jdbc().queryForObject("select count(*) from register_entry where message_id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void messagesFromNoProvenSenderShareOneNamespace() {
        String id = UUID.randomUUID().toString();
        List<Recorded> recorded = register.record(List.of(sent(id, null), sent(id, null), sent(id, "SCH-OAKFIELD")));

        assertThat(recorded).extracting(Recorded::disposition).containsExactly(Disposition.NEW, Disposition.DUPLICATE, Disposition.NEW);
        assertThat(register.record(List.of(sent(id, null)))).extracting(Recorded::disposition).containsExactly(Disposition.DUPLICATE);
    }
}
