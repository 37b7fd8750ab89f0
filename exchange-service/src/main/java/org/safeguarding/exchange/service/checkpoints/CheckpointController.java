package org.safeguarding.exchange.service.checkpoints;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.checkpoints.internal.CheckpointKeyPair;
import org.safeguarding.exchange.service.checkpoints.internal.CheckpointStore;
import org.safeguarding.exchange.service.checkpoints.internal.ProofTree;
import org.safeguarding.exchange.service.integrity.Checkpoint;
import org.safeguarding.exchange.service.integrity.SignedCheckpoint;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Signed checkpoints, the public key that checks them and Merkle proofs (CHECKPOINTS.md). */
@RestController
class CheckpointController {

    private static final HexFormat HEX = HexFormat.of();

    private final CheckpointStore store;
    private final ProofTree tree;
    private final CheckpointKeyPair key;

    CheckpointController(CheckpointStore store, ProofTree tree, CheckpointKeyPair key) {
        this.store = store;
        this.tree = tree;
        this.key = key;
    }

    @GetMapping("/api/register/checkpoints/public-key")
    Map<String, String> publicKey() {
        return Map.of("algorithm", "Ed25519", "keyId", key.keyId(), "pem", key.publicKeyPem());
    }

    @GetMapping("/api/register/checkpoints/latest")
    Map<String, Object> latest() {
        return view(store.latest().orElseThrow(() -> notFound("no checkpoint has been signed yet")).signed());
    }

    @GetMapping("/api/register/checkpoints/{treeSize}")
    Map<String, Object> atSize(@PathVariable long treeSize) {
        return view(store.atSize(treeSize).orElseThrow(() -> notFound("no checkpoint at tree size " + treeSize)).signed());
    }

    @GetMapping("/api/register/proofs/inclusion")
    Map<String, Object> inclusion(@RequestParam long sequence, @RequestParam(required = false) Long treeSize) {
        long size = treeSize != null ? treeSize : latestSize();
        ProofTree.Inclusion proof = tree.inclusion(sequence, size)
                .orElseThrow(() -> notFound("entry " + sequence + " is not in the tree of size " + size));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence", sequence);
        body.put("leafIndex", proof.leafIndex());
        body.put("treeSize", proof.treeSize());
        body.put("leafHash", HEX.formatHex(proof.leafHash()));
        body.put("auditPath", hex(proof.auditPath()));
        body.put("rootHash", HEX.formatHex(proof.rootHash()));
        return body;
    }

    @GetMapping("/api/register/proofs/consistency")
    Map<String, Object> consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        ProofTree.Consistency proof = tree.consistency(from, to != null ? to : latestSize());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", proof.from());
        body.put("to", proof.to());
        body.put("fromRootHash", HEX.formatHex(proof.fromRoot()));
        body.put("toRootHash", HEX.formatHex(proof.toRoot()));
        body.put("proof", hex(proof.proof()));
        return body;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    private long latestSize() {
        return store.latest().orElseThrow(() -> notFound("no checkpoint has been signed yet")).treeSize();
    }

    static Map<String, Object> view(SignedCheckpoint signed) {
        Checkpoint c = signed.checkpoint();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("origin", c.origin());
        body.put("treeSize", c.treeSize());
        body.put("rootHash", HEX.formatHex(c.rootHash()));
        body.put("issuedAt", c.issuedAt().toString());
        body.put("keyId", signed.keyId());
        body.put("signature", Base64.getEncoder().encodeToString(signed.signature()));
        body.put("signedText", c.body());
        body.put("note", signed.toNote());
        return body;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static ResponseStatusException notFound(String why) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, why);
    }
}
