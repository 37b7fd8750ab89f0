package org.safeguarding.exchange.service.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.checkpoints.internal.CheckpointPublisher;
import org.safeguarding.exchange.service.checkpoints.internal.CheckpointStore;
import org.safeguarding.exchange.service.checkpoints.internal.Checkpointer;
import org.safeguarding.exchange.service.contract.ExchangeTopics;
import org.safeguarding.exchange.service.integrity.SignedCheckpoint;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Publishing checkpoints is driven from the database, like every other delivery: a checkpoint committed but not yet on
 * the checkpoint topic when its instance stops is published by the next round of any instance, once, and checkpoints
 * held back by an outage go out in tree order. Rounds are run by hand (no background signer).
 */
@TestPropertySource(properties = {"exchange.checkpoints.enabled=false", "exchange.checkpoints.every-entries=1"})
class CheckpointPublicationTest extends ExchangeServiceTest {

    @Autowired
    private SharingRegister register;
    @Autowired
    private Checkpointer checkpointer;
    @Autowired
    private CheckpointStore store;
    @Autowired
    private KafkaTemplate<String, byte[]> kafka;
    @Autowired
    @Qualifier("checkpointSerializer")
    private Serializer<Object> serializer;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aCheckpointSignedButNotPublishedWhenItsInstanceStoppedIsPublishedOnceByAnotherInstance() {
        register.record(TestEntries.batch(5));
        SignedCheckpoint signed = checkpointer.signDue().orElseThrow();
        // The signing instance stops here, between its database commit and the topic: nothing it held in memory survives.
        assertThat(markedPublished(signed)).isFalse();

        CheckpointPublisher anotherInstance = new CheckpointPublisher(kafka, serializer, store, transactions, Clock.systemUTC());
        assertThat(anotherInstance.publishUnpublished()).isEqualTo(1);
        assertThat(markedPublished(signed)).isTrue();
        assertThat(anotherInstance.publishUnpublished()).as("nothing left to publish").isZero();

        assertThat(offsetsOnTopic(List.of(signed))).hasSize(1);
    }

    @Test
    void checkpointsHeldBackGoOutInTreeOrderWithTheNextRound() {
        register.record(TestEntries.batch(3));
        SignedCheckpoint first = checkpointer.signDue().orElseThrow();
        register.record(TestEntries.batch(4));
        SignedCheckpoint second = checkpointer.signDue().orElseThrow();
        register.record(TestEntries.batch(2));

        SignedCheckpoint third = checkpointer.round().orElseThrow();

        assertThat(List.of(first, second, third)).allMatch(this::markedPublished);
        List<Long> offsets = offsetsOnTopic(List.of(first, second, third));
        assertThat(offsets).hasSize(3).isSorted();
    }

    private boolean markedPublished(SignedCheckpoint signed) {
        return jdbc().queryForObject("select count(*) from register_checkpoint_publication where tree_size = ?", Long.class,
                signed.checkpoint().treeSize()) == 1;
    }

    /** The topic offsets of these checkpoints, in the order given, found by their exact bytes (the broker is shared). */
    private List<Long> offsetsOnTopic(List<SignedCheckpoint> checkpoints) {
        List<byte[]> expected = checkpoints.stream().map(c -> serializer.serialize(ExchangeTopics.REGISTER_CHECKPOINTS, CheckpointPublisher.record(c)))
                .toList();
        List<ConsumerRecord<String, byte[]>> seen = TestAgency.read(bootstrapServers(), ExchangeTopics.REGISTER_CHECKPOINTS,
                records -> expected.stream().allMatch(bytes -> records.stream().anyMatch(r -> Arrays.equals(r.value(), bytes))),
                Duration.ofSeconds(30));
        return expected.stream().flatMap(bytes -> seen.stream().filter(r -> Arrays.equals(r.value(), bytes)).map(ConsumerRecord::offset))
                .toList();
    }
}
