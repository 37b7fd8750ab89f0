package org.safeguarding.exchange.benchmarks;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.safeguarding.exchange.service.integrity.InMemoryMerkleTree;
import org.safeguarding.exchange.service.integrity.InvalidProofException;
import org.safeguarding.exchange.service.integrity.MerkleFrontier;
import org.safeguarding.exchange.service.integrity.MerkleHasher;
import org.safeguarding.exchange.service.integrity.ProofGenerator;
import org.safeguarding.exchange.service.integrity.ProofVerifier;

/**
 * Costs of the register's Merkle tree at a million entries: growing the frontier and taking its
 * root (what signing a checkpoint needs), and making and checking one inclusion proof.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MerkleBenchmark {

    private static final int LEAVES = 1_000_000;

    private byte[][] leafHashes;
    private InMemoryMerkleTree tree;
    private byte[] root;
    private long[] indexes;
    private int next;
    private long provenIndex;
    private List<byte[]> proof;

    /** Builds the leaf hashes, the in-memory tree and one proof to check, outside the measurements. */
    @Setup(Level.Trial)
    public void buildTree() throws InvalidProofException {
        leafHashes = new byte[LEAVES][];
        tree = new InMemoryMerkleTree();
        for (int i = 0; i < LEAVES; i++) {
            leafHashes[i] = MerkleHasher.hashLeaf(ByteBuffer.allocate(8).putLong(i).array());
            tree.append(leafHashes[i]);
        }
        root = tree.root();
        SplittableRandom random = new SplittableRandom(6962);
        indexes = random.longs(1024, 0, LEAVES).toArray();
        provenIndex = indexes[0];
        proof = ProofGenerator.inclusion(tree, provenIndex, LEAVES);
        ProofVerifier.verifyInclusion(provenIndex, LEAVES, leafHashes[(int) provenIndex], proof, root);
    }

    /** (a) Appends a million leaf hashes to an empty frontier, then takes the root. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] appendMillionLeavesToFrontierThenRoot() {
        MerkleFrontier frontier = new MerkleFrontier();
        for (byte[] leafHash : leafHashes) {
            frontier.append(leafHash);
        }
        return frontier.root();
    }

    /** (b) Generates one inclusion proof, for a different leaf each call, in the million-leaf tree. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<byte[]> generateInclusionProof() {
        long index = indexes[next++ & (indexes.length - 1)];
        return ProofGenerator.inclusion(tree, index, LEAVES);
    }

    /** Baseline: one RFC 6962 inner-node hash (SHA-256 of 65 bytes), the unit the other figures are made of. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] hashOneInnerNode() {
        return MerkleHasher.hashChildren(leafHashes[0], leafHashes[1]);
    }

    /** (c) Verifies one inclusion proof (20 hashes) against the million-leaf root. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long verifyInclusionProof() throws InvalidProofException {
        ProofVerifier.verifyInclusion(provenIndex, LEAVES, leafHashes[(int) provenIndex], proof, root);
        return provenIndex;
    }
}
