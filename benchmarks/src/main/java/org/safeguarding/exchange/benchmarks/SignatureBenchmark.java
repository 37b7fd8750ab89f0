package org.safeguarding.exchange.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.safeguarding.exchange.service.signatures.internal.Ed25519;
import org.safeguarding.exchange.signing.MessageSignature;
import org.safeguarding.exchange.signing.SigningKey;

/**
 * What the exchange pays per message to check who sent it: hashing an 800-byte value and verifying its Ed25519
 * signature, with the verifier the service uses and with the JDK's own provider for comparison; and what an agency
 * pays to sign.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmark {

    private KeyPair pair;
    private byte[] publicKey;
    private byte[] value;
    private byte[] signedBytes;
    private byte[] signature;
    private String messageId;
    private long sentAt;

    @Setup
    public void sign() {
        pair = SigningKey.generate();
        publicKey = SigningKey.rawPublicKey(pair.getPublic());
        value = new byte[800];
        new SplittableRandom(25519).nextBytes(value);
        messageId = UUID.randomUUID().toString();
        sentAt = 1_796_601_600_000L;
        signedBytes = MessageSignature.signedBytesOfValue(messageId, "LA-HULL", sentAt, value);
        signature = MessageSignature.sign(pair.getPrivate(), signedBytes);
        if (!Ed25519.verify(publicKey, signedBytes, signature)) {
            throw new IllegalStateException("The signature does not verify");
        }
    }

    /** The service's whole check of one message: hash the value, build the signed bytes, verify (BouncyCastle). */
    @Benchmark
    public boolean checkOneMessage() {
        return Ed25519.verify(publicKey, MessageSignature.signedBytesOfValue(messageId, "LA-HULL", sentAt, value), signature);
    }

    /** The signature verification alone, with the service's verifier. */
    @Benchmark
    public boolean verifyBouncyCastle() {
        return Ed25519.verify(publicKey, signedBytes, signature);
    }

    /** The same verification with the JDK's Ed25519 provider. */
    @Benchmark
    public boolean verifyJdk() throws GeneralSecurityException {
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(pair.getPublic());
        ed25519.update(signedBytes);
        return ed25519.verify(signature);
    }

    /** An agency's cost to sign one message (JDK provider, as AgencyClient does). */
    @Benchmark
    public byte[] signJdk() {
        return MessageSignature.sign(pair.getPrivate(), MessageSignature.signedBytesOfValue(messageId, "LA-HULL", sentAt, value));
    }
}
