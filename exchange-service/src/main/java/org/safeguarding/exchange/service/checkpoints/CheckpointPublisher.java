package org.safeguarding.exchange.service.checkpoints;

import exchange.v1.RegisterCheckpoint;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.safeguarding.exchange.service.integrity.Checkpoint;
import org.safeguarding.exchange.service.integrity.SignedCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes signed checkpoints on {@code exchange.register-checkpoints}, so every agency can keep evidence of the tree
 * independently of the exchange. Runs after the checkpoint's database commit, outside any intake transaction, in a
 * Kafka transaction of its own; one that fails is retried after the next round.
 */
@Component
class CheckpointPublisher {

    static final String TOPIC = "exchange.register-checkpoints";
    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer<Object> serializer;
    private final Deque<SignedCheckpoint> pending = new ArrayDeque<>();

    CheckpointPublisher(KafkaTemplate<String, byte[]> kafka, @Qualifier("checkpointSerializer") Serializer<Object> serializer) {
        this.kafka = kafka;
        this.serializer = serializer;
    }

    synchronized void publishPending(Optional<SignedCheckpoint> signed) {
        signed.ifPresent(pending::addLast);
        while (!pending.isEmpty()) {
            SignedCheckpoint next = pending.peekFirst();
            try {
                byte[] value = serializer.serialize(TOPIC, record(next));
                kafka.executeInTransaction(t -> t.send(new ProducerRecord<>(TOPIC, next.checkpoint().origin(), value)));
                pending.removeFirst();
            } catch (RuntimeException e) {
                log.warn("Could not publish checkpoint {} yet; retrying after the next round", next.checkpoint().treeSize(), e);
                return;
            }
        }
    }

    static RegisterCheckpoint record(SignedCheckpoint signed) {
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
