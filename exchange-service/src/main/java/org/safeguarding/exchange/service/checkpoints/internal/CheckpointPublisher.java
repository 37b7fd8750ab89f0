package org.safeguarding.exchange.service.checkpoints.internal;

import exchange.v1.RegisterCheckpoint;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.safeguarding.exchange.service.contract.ExchangeTopics;
import org.safeguarding.exchange.service.integrity.Checkpoint;
import org.safeguarding.exchange.service.integrity.SignedCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes signed checkpoints on {@code exchange.register-checkpoints}, so every agency can keep evidence of the tree
 * independently of the exchange. Driven from the database: every stored checkpoint after the last one marked
 * published goes out, in tree order, each in a Kafka transaction of its own, and is then marked. So a checkpoint
 * whose instance stopped between signing and publishing, or that Kafka refused, goes out with the next round of any
 * instance. At least once, not exactly once: a crash between the send and the mark sends it again, which is harmless
 * (the same signed statement; readers keep one per tree size), so none of the reminders' outbox machinery is needed.
 */
@Component
public class CheckpointPublisher {

    /** A bound on one round's work after a long outage; the rest goes out in the rounds after it. */
    private static final int PER_ROUND = 1_000;
    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer<Object> serializer;
    private final CheckpointStore store;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public CheckpointPublisher(KafkaTemplate<String, byte[]> kafka, @Qualifier("checkpointSerializer") Serializer<Object> serializer,
            CheckpointStore store, PlatformTransactionManager transactions, Clock clock) {
        this.kafka = kafka;
        this.serializer = serializer;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Publishes the checkpoints not yet published; returns how many went out. Under the signer's lock, so that two
     * instances do not publish side by side (one that finds it taken leaves the work to the next round).
     */
    public int publishUnpublished() {
        Integer published = transaction.execute(status -> {
            if (!store.tryLockSigner()) {
                return 0;
            }
            int sent = 0;
            for (StoredCheckpoint next : store.unpublished(PER_ROUND)) {
                try {
                    byte[] value = serializer.serialize(ExchangeTopics.REGISTER_CHECKPOINTS, record(next.signed()));
                    kafka.executeInTransaction(t -> t.send(new ProducerRecord<>(ExchangeTopics.REGISTER_CHECKPOINTS, next.signed().checkpoint().origin(), value)));
                } catch (RuntimeException e) {
                    log.warn("Could not publish checkpoint {} yet; retrying after the next round", next.treeSize(), e);
                    break;
                }
                store.markPublished(next.treeSize(), clock.instant());
                sent++;
            }
            return sent;
        });
        return published == null ? 0 : published;
    }

    public static RegisterCheckpoint record(SignedCheckpoint signed) {
        Checkpoint c = signed.checkpoint();
        return RegisterCheckpoint.newBuilder()
                .setTreeSize(c.treeSize())
                .setRootHash(HexFormat.of().formatHex(c.rootHash()))
                .setIssuedAt(c.issuedAt())
                .setKeyId(signed.keyId())
                .setSignature(Base64.getEncoder().encodeToString(signed.signature()))
                .build();
    }
}
