package org.safeguarding.exchange.service.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.ExchangeApplication;

/**
 * The exchange service as a real, separate operating-system process, started from the test class path, so that
 * a test can kill it without warning (SIGKILL) and start it again.
 */
public final class ServiceProcess {

    private final Map<String, String> properties;
    private final Path logFile;
    private final boolean testUsers;
    private final int port;
    private Process process;

    /** The service with these properties and {@link TestUsers} (give it {@link TestKafka#serviceProperties()}). */
    public ServiceProcess(Map<String, String> properties, Path logFile) {
        this(properties, logFile, true);
    }

    private ServiceProcess(Map<String, String> properties, Path logFile, boolean testUsers) {
        this.properties = properties;
        this.logFile = logFile;
        this.testUsers = testUsers;
        this.port = freePort();
    }

    /** The service as {@code ./exchange run} starts it: generated users, so generated agency credentials too. */
    public static ServiceProcess embeddedDefault(Map<String, String> properties, Path logFile) {
        return new ServiceProcess(properties, logFile, false);
    }

    public String httpUrl() {
        return "http://localhost:" + port;
    }

    public String registryUrl() {
        return httpUrl() + "/registry";
    }

    /** Starts the process and waits until its health endpoint says UP. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-cp", classPath,
                ExchangeApplication.class.getName(),
                "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        if (testUsers) {
            TestUsers.springProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
        }
        Files.createDirectories(logFile.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile())).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service process exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(httpUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service process did not become healthy within " + timeout + "; see " + logFile);
    }

    /** SIGKILL: no shutdown hook, no flush, no transaction abort. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGSTOP: the process stands still, holding its connections, until {@link #resume()}. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a paused process carries on where it stood, as if no time had passed. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** SIGTERM, as an orchestrator stops a container; returns how long the process took to exit. */
    public Duration terminate(Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The service did not stop within " + patience + " of SIGTERM; see " + logFile);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** One call to {@code /actuator/health}: its status code, body and how long the answer took. */
    public Health health() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(httpUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Health(response.statusCode(), response.body(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** An answer of the health endpoint. */
    public record Health(int statusCode, String body, Duration took) {

        public boolean up() {
            return statusCode == 200 && body.endsWith("\"status\":\"UP\"}");
        }

        /** Whether this component ({@code database}, {@code kafka}, {@code registry}) is reported DOWN. */
        public boolean down(String component) {
            return body.contains("\"" + component + "\":{\"status\":\"DOWN\"");
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited with " + exit);
        }
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
