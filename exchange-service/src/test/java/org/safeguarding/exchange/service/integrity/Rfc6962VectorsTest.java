package org.safeguarding.exchange.service.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every RFC 6962 known-answer vector in test resources: the verifier must accept exactly
 * the files marked {@code wantErr: false} and reject the rest with a typed failure.
 */
class Rfc6962VectorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionVectors")
    void inclusionVector(String name, JsonNode vector) {
        ThrowingCheck check = () -> ProofVerifier.verifyInclusion(
                uint64(vector.get("leafIdx")),
                uint64(vector.get("treeSize")),
                bytes(vector.get("leafHash")),
                hashes(vector.get("proof")),
                bytes(vector.get("root")));
        expectOutcome(vector, check);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyVectors")
    void consistencyVector(String name, JsonNode vector) {
        ThrowingCheck check = () -> ProofVerifier.verifyConsistency(
                uint64(vector.get("size1")),
                uint64(vector.get("size2")),
                hashes(vector.get("proof")),
                bytes(vector.get("root1")),
                bytes(vector.get("root2")));
        expectOutcome(vector, check);
    }

    @Test
    void theWholeVectorSetIsRun() throws Exception {
        assertThat(inclusionVectors().count() + consistencyVectors().count()).isEqualTo(196);
        long accepting = Stream.concat(inclusionVectors(), consistencyVectors())
                .filter(arguments -> !((JsonNode) arguments.get()[1]).get("wantErr").asBoolean())
                .count();
        assertThat(accepting).isEqualTo(12);
    }

    static Stream<Arguments> inclusionVectors() throws Exception {
        return vectors("inclusion");
    }

    static Stream<Arguments> consistencyVectors() throws Exception {
        return vectors("consistency");
    }

    private static Stream<Arguments> vectors(String kind)
            throws IOException, URISyntaxException {
        Path root = Path.of(Rfc6962VectorsTest.class.getResource("/rfc6962/" + kind).toURI());
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = kind + "/" + root.relativize(file).toString().replace('\\', '/');
                all.add(Arguments.of(name, JSON.readTree(file.toFile())));
            }
        }
        return all.stream();
    }

    private static void expectOutcome(JsonNode vector, ThrowingCheck check) {
        if (vector.get("wantErr").asBoolean()) {
            assertThatThrownBy(check::run).isInstanceOf(InvalidProofException.class);
        } else {
            assertThatCode(check::run).doesNotThrowAnyException();
        }
    }

    private static byte[] bytes(JsonNode base64) {
        return base64 == null || base64.isNull() ? null : Base64.getDecoder().decode(base64.asString());
    }

    // The vectors hold Go uint64s; Java's long carries the same 64 bits, so 2^64 - 1 arrives as -1.
    private static long uint64(JsonNode number) {
        return number.bigIntegerValue().longValue();
    }

    // The vectors come from Go, whose JSON writes an empty list as null.
    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> proof = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(element -> proof.add(bytes(element)));
        }
        return proof;
    }

    @FunctionalInterface
    private interface ThrowingCheck {
        void run() throws InvalidProofException;
    }
}
