/**
 * The pure core of the register's integrity, in plain Java: RFC 6962 hashing
 * ({@link org.safeguarding.exchange.service.integrity.MerkleHasher}), tree roots
 * ({@link org.safeguarding.exchange.service.integrity.MerkleTreeHash},
 * {@link org.safeguarding.exchange.service.integrity.MerkleFrontier}), proofs made apart from
 * their checking ({@link org.safeguarding.exchange.service.integrity.ProofGenerator},
 * {@link org.safeguarding.exchange.service.integrity.ProofVerifier}), and Ed25519-signed
 * checkpoints ({@link org.safeguarding.exchange.service.integrity.Checkpoint}). Nothing here
 * imports Spring, Kafka or SQL; the register and the auditor API build on it.
 */
package org.safeguarding.exchange.service.integrity;
