package org.safeguarding.exchange.service.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An instance frozen (SIGSTOP, a long pause) in the middle of recording a poll, while the group gives its partition to
 * another instance, which reads the same records again and more after them. The zombie's late commit and the new
 * owner's write cannot both land: the second to reach the same chain positions fails, is retried as intake retries a
 * failed poll, and finds the zombie's entries as replays. No chain forks and no message is registered twice.
 */
@TestPropertySource(properties = "exchange.checkpoints.enabled=false")
class ZombieWriterTest extends ExchangeServiceTest {

    private static final String TOPIC = "test.zombie-writer";

    @Autowired
    private SharingRegister register;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aZombiesLateCommitNeitherForksTheChainNorDoublesAnEntry() throws Exception {
        int partition = (int) (System.nanoTime() & 0x3fff);
        List<NewEntry> poll = List.of(sent(partition, 0), sent(partition, 1), sent(partition, 2));
        List<NewEntry> pollReadAgain = new ArrayList<>(poll);
        pollReadAgain.addAll(List.of(sent(partition, 3), sent(partition, 4)));
        CountDownLatch zombieRecorded = new CountDownLatch(1);
        CountDownLatch zombieWakes = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        CompletableFuture<List<Recorded>> zombie = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            List<Recorded> recorded = register.record(poll);
            zombieRecorded.countDown();
            await(zombieWakes);
            return recorded;
        }));
        assertThat(zombieRecorded.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<Recorded>> newOwner = CompletableFuture.supplyAsync(() -> transaction.execute(status -> register.record(pollReadAgain)));
        // The new owner cannot get past the zombie's uncommitted entries at the same chain positions.
        assertThatThrownBy(() -> newOwner.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);

        zombieWakes.countDown();
        assertThat(zombie.get(30, TimeUnit.SECONDS)).extracting(Recorded::disposition).containsOnly(Disposition.NEW);
        assertThatThrownBy(() -> newOwner.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
        List<Recorded> retried = transaction.execute(status -> register.record(pollReadAgain));

        assertThat(retried).extracting(Recorded::disposition).containsExactly(Disposition.REPLAY, Disposition.REPLAY, Disposition.REPLAY,
                Disposition.NEW, Disposition.NEW);
        String chain = TOPIC + "/" + partition;
        assertThat(jdbc().queryForList("select chain_position from register_entry where chain_id = ? order by chain_position", Long.class, chain))
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(jdbc().queryForObject("""
                select count(*) from register_entry e join register_entry p on p.chain_id = e.chain_id and p.chain_position = e.chain_position - 1
                where e.chain_id = ? and e.previous_hash = p.entry_hash""", Integer.class, chain)).as("links to the entry before").isEqualTo(4);
        assertThat(jdbc().queryForObject("select count(distinct message_id) from register_entry where chain_id = ?", Integer.class, chain))
                .isEqualTo(5);
    }

    private static NewEntry sent(int partition, long offset) {
        byte[] payload = ("message " + offset).getBytes(StandardCharsets.UTF_8);
        return new NewEntry(UUID.randomUUID().toString(), new SourceCoordinates(TOPIC, partition, offset), Instant.now(), "LA-HULL",
                EntryOutcome.ACCEPTED, null, payload, EntryEncoding.sha256(payload), payload.length, EntryFacts.NONE, Set.of(), List.of(),
                "LA-HULL", null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
