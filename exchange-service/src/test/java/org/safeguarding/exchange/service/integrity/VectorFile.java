package org.safeguarding.exchange.service.integrity;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads one RFC 6962 vector file from test resources. */
final class VectorFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VectorFile() {
    }

    /** The base64 proof of the vector at {@code path} under rfc6962/. */
    static List<String> proof(String path) {
        JsonNode vector = JSON.readTree(VectorFile.class.getResourceAsStream("/rfc6962/" + path));
        List<String> proof = new ArrayList<>();
        vector.get("proof").forEach(element -> proof.add(element.asString()));
        return proof;
    }
}
