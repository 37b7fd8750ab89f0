package org.safeguarding.exchange.service.checkpoints.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the register's Merkle tree is signed, and with which key.
 *
 * @param enabled      false: no background signing on this instance (it still serves checkpoints and proofs)
 * @param everyEntries sign once this many new leaves are waiting
 * @param everySeconds or once this many seconds have passed since the last checkpoint and any leaf is waiting
 * @param pollMillis   how often the signer looks for newly committed entries
 * @param waitForWritersAfterRounds a round looks for an instant when no batch is being written, so as never to hold
 *                     one back; after this many rounds in a row without one, a round waits for the batches in flight
 * @param origin       the register's name in every checkpoint (its first signed line)
 * @param privateKey   Ed25519 private key, PKCS#8 PEM or bare base64; when unset, a key kept in
 *                     {@code <exchange.embedded.data-dir>/checkpoint-key.pem} (generated on first start)
 * @param publicKey    the matching public key (optional: derived from the private key; checked when given)
 */
@ConfigurationProperties("exchange.checkpoints")
public record CheckpointProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1000") int everyEntries,
        @DefaultValue("10") int everySeconds,
        @DefaultValue("1000") long pollMillis,
        @DefaultValue("5") int waitForWritersAfterRounds,
        @DefaultValue("safeguarding-exchange/register") String origin,
        String privateKey,
        String publicKey) {
}
