package org.safeguarding.exchange.service.checkpoints;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.safeguarding.exchange.service.checkpoints.internal.HashedEntry;
import org.safeguarding.exchange.service.checkpoints.internal.StreamingVerification;
import org.safeguarding.exchange.service.integrity.CheckpointKeys;
import org.safeguarding.exchange.service.integrity.CheckpointVerifier;
import org.safeguarding.exchange.service.integrity.InvalidCheckpointException;
import org.safeguarding.exchange.service.integrity.SignedCheckpoint;
import org.safeguarding.exchange.service.register.EntryEncoding;
import org.safeguarding.exchange.service.signatures.VerifyingKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline verifier: checks an export of the register against a signed checkpoint and the register's public key,
 * with no database and no service. Runs from the service jar without starting it:
 * <pre>
 * java -cp exchange-service-…-exec.jar -Dloader.main=org.safeguarding.exchange.service.checkpoints.OfflineVerifier \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --export=register.jsonl --checkpoint=checkpoint.json --public-key=public-key.json [--agency-keys=agency-keys.json]
 * </pre>
 * The checkpoint file is the body of {@code GET /api/register/checkpoints/latest} (or its {@code note} alone); the key
 * file the body of {@code GET /api/register/checkpoints/public-key} (or its PEM alone); the agency keys file, when
 * given, the body of {@code GET /api/agencies/keys}: then every entry with a proven sender must carry that agency's
 * signature over its exact bytes, made with a key of the agency valid when it was sent. Exit status 0: the export
 * holds every entry the checkpoint covers, unchanged; 1: it does not, and the output names the first bad entry;
 * 2: the command was used wrongly.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
        }
        if (!options.keySet().containsAll(List.of("export", "checkpoint", "public-key"))) {
            System.err.println("usage: OfflineVerifier --export=<register.jsonl> --checkpoint=<checkpoint.json> --public-key=<public-key.json>"
                    + " [--agency-keys=<agency-keys.json>]");
            System.exit(2);
        }
        VerificationReport result;
        try {
            result = verify(Path.of(options.get("export")), Path.of(options.get("checkpoint")), Path.of(options.get("public-key")),
                    options.containsKey("agency-keys") ? Path.of(options.get("agency-keys")) : null);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot verify: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(report(result));
        System.exit(result.intact() ? 0 : 1);
    }

    static String report(VerificationReport r) {
        return (r.intact() ? "INTACT" : "NOT INTACT") + "\n"
                + "  entries checked:      " + r.entriesChecked() + " in " + r.chains() + " chains\n"
                + "  leaves checked:       " + r.leavesChecked() + "\n"
                + "  checkpoint tree size: " + r.latestCheckpointTreeSize() + "\n"
                + "  agency signatures:    " + (r.signaturesChecked() == null ? "not checked (no --agency-keys)" : r.signaturesChecked() + " checked") + "\n"
                + (r.intact() ? "" : "  first bad entry:      sequence " + r.firstBadSequence() + ", leaf " + r.firstBadLeafIndex() + "\n")
                + "  " + r.detail();
    }

    /** Checks the export against the checkpoint, without the agencies' signatures. */
    public static VerificationReport verify(Path export, Path checkpointFile, Path publicKeyFile) throws IOException {
        return verify(export, checkpointFile, publicKeyFile, null);
    }

    /**
     * Checks the export against the checkpoint and, when {@code agencyKeysFile} is not null, each entry's proven sender
     * against its signature; a checkpoint or key that cannot be read is an IllegalArgumentException.
     */
    public static VerificationReport verify(Path export, Path checkpointFile, Path publicKeyFile, Path agencyKeysFile) throws IOException {
        Map<String, VerifyingKey> agencyKeys = agencyKeysFile == null ? null : agencyKeys(agencyKeysFile);
        CheckpointVerifier verifier = new CheckpointVerifier(CheckpointKeys.publicKeyFromPem(field(publicKeyFile, "pem")));
        SignedCheckpoint checkpoint;
        try {
            checkpoint = SignedCheckpoint.parseNote(field(checkpointFile, "note"));
        } catch (InvalidCheckpointException e) {
            throw new IllegalArgumentException("the checkpoint file holds no signed checkpoint: " + e.getMessage(), e);
        }
        // The first entry naming a schema holds its text, and lines are checked in order.
        Map<Integer, byte[]> schemaHashes = new HashMap<>();
        StreamingVerification audit = new StreamingVerification(verifier, List.of(checkpoint), schemaHashes::get, "the export",
                agencyKeys == null ? null : keyId -> Optional.ofNullable(agencyKeys.get(keyId)));
        // Parsing and hashing an entry needs no other entry, so chunks of lines are parsed and hashed on every
        // processor while this thread reads on and runs the ordered checks (links, leaves, roots) chunk by chunk.
        int workers = Runtime.getRuntime().availableProcessors();
        ExecutorService hashers = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "export-hasher");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<List<HashedLine>>> pending = new ArrayDeque<>();
        try (InputStream in = Files.newInputStream(export)) {
            byte[] carried = new byte[0];
            for (byte[] block = in.readNBytes(BLOCK_BYTES); ; block = in.readNBytes(BLOCK_BYTES)) {
                boolean last = block.length < BLOCK_BYTES;
                // Whole lines go to a hasher; the part after the block's last newline waits for the next block.
                byte[] joined = concat(carried, block);
                int end = last ? joined.length : lastNewline(joined) + 1;
                carried = Arrays.copyOfRange(joined, end, joined.length);
                pending.add(hashers.submit(() -> parseAndHash(joined, end)));
                if (pending.size() > 2 * workers) {
                    check(audit, schemaHashes, pending.poll().get());
                }
                if (last) {
                    break;
                }
            }
            while (!pending.isEmpty()) {
                check(audit, schemaHashes, pending.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + export, e);
        } catch (ExecutionException e) {
            throw new IllegalArgumentException("a line of " + export + " is not an exported entry: " + e.getCause().getMessage(), e.getCause());
        } finally {
            hashers.shutdownNow();
        }
        return audit.finish();
    }

    /** About a thousand lines: enough to keep a hasher busy for a while, small enough to keep every processor fed. */
    private static final int BLOCK_BYTES = 1 << 20;

    /** An export line parsed, with its entry's hashes recomputed, and the SHA-256 of the schema text it holds, if any. */
    private record HashedLine(Long leafIndex, HashedEntry entry, byte[] schemaSha256) {
    }

    private static byte[] concat(byte[] first, byte[] second) {
        if (first.length == 0) {
            return second;
        }
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** The index of the block's last newline, or -1: a line longer than a block is carried on whole. */
    private static int lastNewline(byte[] block) {
        for (int i = block.length - 1; i >= 0; i--) {
            if (block[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Parses and hashes every non-blank line of the first {@code length} bytes: whole lines, UTF-8, newline-separated. */
    private static List<HashedLine> parseAndHash(byte[] lines, int length) {
        List<HashedLine> hashed = new ArrayList<>();
        int start = 0;
        while (start < length) {
            int end = start;
            while (end < length && lines[end] != '\n') {
                end++;
            }
            if (!isBlank(lines, start, end)) {
                ExportFormat.ExportedEntry exported = ExportFormat.parse(lines, start, end - start);
                hashed.add(new HashedLine(exported.leafIndex(), HashedEntry.of(exported.entry()),
                        exported.schema() == null ? null : EntryEncoding.sha256(exported.schema().getBytes(StandardCharsets.UTF_8))));
            }
            start = end + 1;
        }
        return hashed;
    }

    private static boolean isBlank(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static void check(StreamingVerification audit, Map<Integer, byte[]> schemaHashes, List<HashedLine> chunk) {
        for (HashedLine line : chunk) {
            Integer schemaId = line.entry().entry().message().schemaId();
            if (line.schemaSha256() != null && schemaId != null) {
                schemaHashes.putIfAbsent(schemaId, line.schemaSha256());
            }
            if (line.leafIndex() == null) {
                audit.notYetInTree(line.entry());
            } else {
                audit.leaf(line.leafIndex(), line.entry().entry().sequence(), null, line.entry());
            }
        }
    }

    /** The agencies' keys by id, from the body of {@code GET /api/agencies/keys}. */
    static Map<String, VerifyingKey> agencyKeys(Path file) throws IOException {
        Map<String, VerifyingKey> keys = new HashMap<>();
        JsonNode list = JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (!list.isArray()) {
            throw new IllegalArgumentException(file + " is not a list of keys (the body of GET /api/agencies/keys)");
        }
        for (JsonNode key : list) {
            VerifyingKey parsed = new VerifyingKey(key.path("keyId").asString(), key.path("agency").asString(),
                    Base64.getDecoder().decode(key.path("publicKey").asString()), instant(key.get("validFrom")), instant(key.get("validUntil")));
            keys.put(parsed.keyId(), parsed);
        }
        return keys;
    }

    /** An instant as Jackson writes one: ISO-8601 text, or seconds since 1970 as a decimal number. */
    private static Instant instant(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Instant.parse(value.asString());
    }

    /** The file's text, or one field of it when it is a JSON object (a response saved from the service). */
    private static String field(Path file, String name) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.stripLeading().startsWith("{")) {
            return text;
        }
        JsonNode node = JsonMapper.builder().build().readTree(text).get(name);
        if (node == null) {
            throw new IllegalArgumentException(file + " has no \"" + name + "\" field");
        }
        return node.asString();
    }
}
