package org.safeguarding.exchange.service.demo;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the scripted exchange against a service that is already running: {@code DemoClient http://host:8080}. Asks
 * the service where its Kafka and schema registry are, then behaves as three agencies would. The register entries at
 * the end are read as a user with the AUDITOR role: {@code DemoClient URL USER PASSWORD}, or the environment variables
 * {@code EXCHANGE_USER} and {@code EXCHANGE_PASSWORD} (for example the generated {@code auditor}, whose password the
 * embedded default keeps in its data folder's {@code credentials.properties}). Each agency logs in to the schema
 * registry as its agency user (its code in lower case) from a credentials file in that form: the fourth argument, or
 * {@code EXCHANGE_CREDENTIALS_FILE}, else {@code ./data/credentials.properties} where it exists.
 */
public final class DemoClient {

    private static final Path DEFAULT_CREDENTIALS = Path.of("data", "credentials.properties");

    private DemoClient() {
    }

    public static void main(String[] args) throws Exception {
        // The story is the output: the Kafka clients' own logging would bury it.
        LoggingSystem.get(DemoClient.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        String http = args.length > 0 ? args[0].replaceAll("/+$", "") : "http://localhost:8080";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(http + "/api/exchange/connection")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + http + "/api/exchange/connection answered " + response.statusCode());
        }
        JsonNode connection = JsonMapper.builder().build().readTree(response.body());
        new ScriptedExchange(connection.path("kafkaBootstrapServers").asText(), connection.path("schemaRegistryUrl").asText(),
                http, System.out, user(args), password(args), agencyCredentials(args)).run();
    }

    private static String user(String[] args) {
        return args.length > 1 ? args[1] : System.getenv("EXCHANGE_USER");
    }

    private static String password(String[] args) {
        return args.length > 2 ? args[2] : System.getenv("EXCHANGE_PASSWORD");
    }

    /** {@code user:password} by agency code, for the agencies whose users the credentials file holds. */
    private static Map<String, String> agencyCredentials(String[] args) throws IOException {
        String named = args.length > 3 ? args[3] : System.getenv("EXCHANGE_CREDENTIALS_FILE");
        Path file = named != null ? Path.of(named) : DEFAULT_CREDENTIALS;
        Map<String, String> credentials = new LinkedHashMap<>();
        if (named == null && !Files.exists(file)) {
            return credentials;
        }
        Properties passwords = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            passwords.load(reader);
        }
        for (String code : ScriptedExchange.AGENCIES) {
            String user = code.toLowerCase(Locale.ROOT);
            if (passwords.getProperty(user) != null) {
                credentials.put(code, user + ":" + passwords.getProperty(user));
            }
        }
        return credentials;
    }
}
