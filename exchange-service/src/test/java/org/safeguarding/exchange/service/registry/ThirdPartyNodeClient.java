package org.safeguarding.exchange.service.registry;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Node.js client of src/test/node, installed from its package-lock.json with {@code npm ci} into a folder under
 * target/ and run one command at a time. The install is kept and redone only when the lock file changes.
 */
final class ThirdPartyNodeClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SOURCES = List.of("package.json", "package-lock.json", "third-party-client.js");
    private static final String INSTALLED_LOCK = "installed-package-lock.json";
    private static final long INSTALL_TIMEOUT_SECONDS = 180;
    private static final long RUN_TIMEOUT_SECONDS = 45;

    private final Path node;
    private final Path workDir;

    private ThirdPartyNodeClient(Path node, Path workDir) {
        this.node = node;
        this.workDir = workDir;
    }

    /** Why the client cannot run on this machine, if it cannot: no {@code node} or no {@code npm} on the PATH. */
    static Optional<String> whyUnavailable() {
        for (String name : List.of("node", "npm")) {
            if (executable(name).isEmpty()) {
                return Optional.of("SKIPPED: no '" + name + "' executable on the PATH, so the check against "
                        + "third-party Node.js clients (kafkajs, @kafkajs/confluent-schema-registry) cannot run");
            }
        }
        return Optional.empty();
    }

    /** Installs the client into {@code workDir} with {@code npm ci}, unless the same lock file is installed there already; a failed install fails. */
    static ThirdPartyNodeClient install(Path sourceDir, Path workDir) {
        Path node = executable("node").orElseThrow();
        Path npm = executable("npm").orElseThrow();
        try {
            Files.createDirectories(workDir);
            for (String source : SOURCES) {
                Files.copy(sourceDir.resolve(source), workDir.resolve(source), StandardCopyOption.REPLACE_EXISTING);
            }
            byte[] lock = Files.readAllBytes(workDir.resolve("package-lock.json"));
            Path installedLock = workDir.resolve(INSTALLED_LOCK);
            boolean installed = Files.isDirectory(workDir.resolve("node_modules"))
                    && Files.exists(installedLock) && Arrays.equals(lock, Files.readAllBytes(installedLock));
            if (!installed) {
                Files.deleteIfExists(installedLock);
                // Install scripts are not needed by these packages and are not run.
                Result result = run(workDir, INSTALL_TIMEOUT_SECONDS, npm.toString(), "ci", "--no-audit",
                        "--no-fund", "--ignore-scripts", "--loglevel=warn");
                if (result.exitCode != 0) {
                    throw new AssertionError("npm ci failed in " + workDir.toAbsolutePath() + "\n" + result);
                }
                Files.write(installedLock, lock);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ThirdPartyNodeClient(node, workDir);
    }

    /** Runs one command of the client with this input (written as JSON) and returns the JSON line it prints. */
    JsonNode run(String command, Object input) {
        try {
            Path inputFile = workDir.resolve(command + "-input.json");
            Files.writeString(inputFile, JSON.writeValueAsString(input));
            Result result = run(workDir, RUN_TIMEOUT_SECONDS, node.toString(), "third-party-client.js", command,
                    inputFile.getFileName().toString());
            if (result.exitCode != 0) {
                throw new AssertionError("The Node.js client's '" + command + "' failed\n" + result);
            }
            String[] lines = result.stdout.strip().split("\n");
            JsonNode answer;
            try {
                answer = JSON.readTree(lines[lines.length - 1]);
            } catch (RuntimeException e) {
                throw new AssertionError("The Node.js client's '" + command + "' printed no JSON result\n" + result, e);
            }
            // How the third-party package spoke to the registry, for whoever reads the test output.
            StringBuilder report = new StringBuilder("Node.js client '" + command + "', registry calls:");
            answer.path("registryCalls").forEach(call -> report.append("\n  ").append(call.asString()));
            if (!result.stderr.isBlank()) {
                report.append("\nstderr:\n").append(result.stderr);
            }
            System.out.println(report);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(List<String> command, int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "command: " + String.join(" ", command) + "\nexit code: "
                    + (exitCode == Integer.MIN_VALUE ? "none, killed after the timeout" : exitCode)
                    + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    /** Output goes to files rather than pipes, so a chatty process can never block on a full pipe. */
    private static Result run(Path directory, long timeoutSeconds, String... command) throws IOException {
        Path stdout = Files.createTempFile(directory, "stdout", ".txt");
        Path stderr = Files.createTempFile(directory, "stderr", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            int exitCode;
            try {
                exitCode = process.waitFor(timeoutSeconds, TimeUnit.SECONDS) ? process.exitValue() : Integer.MIN_VALUE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exitCode = Integer.MIN_VALUE;
            }
            if (exitCode == Integer.MIN_VALUE) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            return new Result(List.of(command), exitCode, Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static Optional<Path> executable(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(List.of(name));
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            names.addAll(List.of(name + ".cmd", name + ".exe"));
        }
        for (String directory : path.split(File.pathSeparator)) {
            for (String candidate : names) {
                Path file = Path.of(directory, candidate);
                if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }
}
