package org.safeguarding.exchange.service.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MerkleHasherTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        assertThat(HEX.formatHex(MerkleHasher.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void leafHashPrefixesZeroByte() {
        assertThat(HEX.formatHex(MerkleHasher.hashLeaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void nodeHashPrefixesOneByteThenLeftThenRight() throws Exception {
        byte[] left = MerkleHasher.hashLeaf(new byte[] {1});
        byte[] right = MerkleHasher.hashLeaf(new byte[] {2});
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 1);
        sha256.update(left);
        sha256.update(right);

        assertThat(MerkleHasher.hashChildren(left, right)).isEqualTo(sha256.digest());
        assertThat(MerkleHasher.hashChildren(right, left)).isNotEqualTo(MerkleHasher.hashChildren(left, right));
    }

    @Test
    void aLeafCannotPassForAnInnerNode() {
        byte[] left = MerkleHasher.hashLeaf(new byte[] {1});
        byte[] right = MerkleHasher.hashLeaf(new byte[] {2});
        byte[] concatenated = new byte[64];
        System.arraycopy(left, 0, concatenated, 0, 32);
        System.arraycopy(right, 0, concatenated, 32, 32);

        assertThat(MerkleHasher.hashLeaf(concatenated)).isNotEqualTo(MerkleHasher.hashChildren(left, right));
    }

    @Test
    void emptyRootIsACopy() {
        MerkleHasher.emptyRoot()[0] ^= 1;
        assertThat(HEX.formatHex(MerkleHasher.emptyRoot())).startsWith("e3b0c442");
    }
}
