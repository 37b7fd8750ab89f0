package org.safeguarding.exchange.service.checkpoints;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.safeguarding.exchange.service.integrity.CheckpointKeys;
import org.safeguarding.exchange.service.integrity.CheckpointVerifier;
import org.safeguarding.exchange.service.integrity.InvalidCheckpointException;
import org.safeguarding.exchange.service.integrity.SignedCheckpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline verifier: checks an export of the register against a signed checkpoint and the register's public key,
 * with no database and no service. Runs from the service jar without starting it:
 * <pre>
 * java -cp exchange-service-…-exec.jar -Dloader.main=org.safeguarding.exchange.service.checkpoints.VerifyExport \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --export=register.jsonl --checkpoint=checkpoint.json --public-key=public-key.json
 * </pre>
 * The checkpoint file is the body of {@code GET /api/register/checkpoints/latest} (or its {@code note} alone); the key
 * file the body of {@code GET /api/register/checkpoints/public-key} (or its PEM alone). Exit status 0: the export
 * holds every entry the checkpoint covers, unchanged; 1: it does not, and the output names the first bad entry;
 * 2: the command was used wrongly.
 */
public final class VerifyExport {

    private VerifyExport() {
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
            System.err.println("usage: VerifyExport --export=<register.jsonl> --checkpoint=<checkpoint.json> --public-key=<public-key.json>");
            System.exit(2);
        }
        RegisterVerification result;
        try {
            result = verify(Path.of(options.get("export")), Path.of(options.get("checkpoint")), Path.of(options.get("public-key")));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot verify: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(report(result));
        System.exit(result.intact() ? 0 : 1);
    }

    static String report(RegisterVerification r) {
        return (r.intact() ? "INTACT" : "NOT INTACT") + "\n"
                + "  entries checked:      " + r.entriesChecked() + " in " + r.chains() + " chains\n"
                + "  leaves checked:       " + r.leavesChecked() + "\n"
                + "  checkpoint tree size: " + r.latestCheckpointTreeSize() + "\n"
                + (r.intact() ? "" : "  first bad entry:      sequence " + r.firstBadSequence() + ", leaf " + r.firstBadLeafIndex() + "\n")
                + "  " + r.detail();
    }

    /** Checks the export against the checkpoint; a checkpoint or key that cannot be read is an IllegalArgumentException. */
    public static RegisterVerification verify(Path export, Path checkpointFile, Path publicKeyFile) throws IOException {
        CheckpointVerifier verifier = new CheckpointVerifier(CheckpointKeys.publicKeyFromPem(field(publicKeyFile, "pem")));
        SignedCheckpoint checkpoint;
        try {
            checkpoint = SignedCheckpoint.parseNote(field(checkpointFile, "note"));
        } catch (InvalidCheckpointException e) {
            throw new IllegalArgumentException("the checkpoint file holds no signed checkpoint: " + e.getMessage(), e);
        }
        RegisterAudit audit = new RegisterAudit(verifier, List.of(checkpoint));
        // Parsing and hashing an entry needs no other entry, so chunks of lines are parsed and hashed on every
        // processor while this thread reads on and runs the ordered checks (links, leaves, roots) chunk by chunk.
        int workers = Runtime.getRuntime().availableProcessors();
        ExecutorService hashers = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "export-hasher");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<List<HashedLine>>> pending = new ArrayDeque<>();
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (List<String> lines = readChunk(reader); !lines.isEmpty(); lines = readChunk(reader)) {
                List<String> chunk = lines;
                pending.add(hashers.submit(() -> parseAndHash(chunk)));
                if (pending.size() > 2 * workers) {
                    check(audit, pending.poll().get());
                }
            }
            while (!pending.isEmpty()) {
                check(audit, pending.poll().get());
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

    private static final int LINES_PER_CHUNK = 2048;

    /** An export line parsed, with its entry's hashes recomputed. */
    private record HashedLine(Long leafIndex, HashedEntry entry) {
    }

    private static List<String> readChunk(BufferedReader reader) throws IOException {
        List<String> chunk = new ArrayList<>(LINES_PER_CHUNK);
        String line;
        while (chunk.size() < LINES_PER_CHUNK && (line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                chunk.add(line);
            }
        }
        return chunk;
    }

    private static List<HashedLine> parseAndHash(List<String> lines) {
        List<HashedLine> hashed = new ArrayList<>(lines.size());
        for (String line : lines) {
            ExportFormat.ExportedEntry exported = ExportFormat.parse(line);
            hashed.add(new HashedLine(exported.leafIndex(), HashedEntry.of(exported.entry())));
        }
        return hashed;
    }

    private static void check(RegisterAudit audit, List<HashedLine> chunk) {
        for (HashedLine line : chunk) {
            if (line.leafIndex() == null) {
                audit.notYetInTree(line.entry());
            } else {
                audit.leaf(line.leafIndex(), line.entry().entry().sequence(), null, line.entry());
            }
        }
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
