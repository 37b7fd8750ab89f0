package org.safeguarding.exchange.service.integrity;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The eight-leaf log that RFC 6962's reference implementation tests with, its published roots,
 * and plain logs of any size, for tests.
 */
final class ReferenceLog {

    /** Leaf data of the RFC 6962 reference log. */
    static final List<byte[]> LEAVES = hex("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Published roots of the reference log for sizes 1 to 8 (index 0 is size 1). */
    static final List<byte[]> ROOTS = hex(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private ReferenceLog() {
    }

    /** The reference log's leaf hashes, served without stored inner nodes. */
    static ListLeafHashes referenceLeafHashes() {
        List<byte[]> hashes = new ArrayList<>();
        LEAVES.forEach(leaf -> hashes.add(MerkleHasher.hashLeaf(leaf)));
        return new ListLeafHashes(hashes);
    }

    /** A log of {@code size} distinct leaves ("leaf 0", "leaf 1", ...), without stored inner nodes. */
    static ListLeafHashes numberedLeafHashes(int size) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            hashes.add(MerkleHasher.hashLeaf(("leaf " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return new ListLeafHashes(hashes);
    }

    /** The same leaves in an {@link InMemoryMerkleTree}, which answers subtree hashes from stored nodes. */
    static InMemoryMerkleTree inMemory(ListLeafHashes leaves) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree();
        leaves.hashes().forEach(tree::append);
        return tree;
    }

    private static List<byte[]> hex(String... values) {
        List<byte[]> bytes = new ArrayList<>();
        for (String value : values) {
            bytes.add(HexFormat.of().parseHex(value));
        }
        return bytes;
    }

    /** Leaf hashes in a list; subtree hashes come from the interface's default rehashing. */
    record ListLeafHashes(List<byte[]> hashes) implements LeafHashes {

        @Override
        public long size() {
            return hashes.size();
        }

        @Override
        public byte[] leafHash(long index) {
            return hashes.get(Math.toIntExact(index));
        }
    }
}
