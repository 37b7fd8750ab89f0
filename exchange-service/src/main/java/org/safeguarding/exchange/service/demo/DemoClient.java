package org.safeguarding.exchange.service.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.safeguarding.exchange.agency.AgencyClient;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the scripted exchange against a service that is already running: {@code DemoClient http://host:8080}. Asks
 * the service where its Kafka and schema registry are, then behaves as three agencies would. The register entries at
 * the end are read as a user with the AUDITOR role: {@code DemoClient URL USER PASSWORD}, or the environment variables
 * {@code EXCHANGE_USER} and {@code EXCHANGE_PASSWORD} (for example the generated {@code auditor}, whose password the
 * embedded default keeps in its data folder's {@code credentials.properties}). Each agency signs in to Kafka with its
 * settings file, {@code <CODE>.properties} in the folder {@code EXCHANGE_AGENCY_SETTINGS} names ({@code data/agencies}
 * unless set: where the embedded default writes them).
 */
public final class DemoClient {

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
        Map<String, String> unauthenticated = Map.of("bootstrap.servers", connection.path("kafkaBootstrapServers").asText(),
                "schema.registry.url", connection.path("schemaRegistryUrl").asText());
        Path folder = Path.of(System.getenv().getOrDefault("EXCHANGE_AGENCY_SETTINGS", "data/agencies"));
        new ScriptedExchange(code -> {
            Path file = folder.resolve(code + ".properties");
            return Files.exists(file) ? AgencyClient.settings(file) : unauthenticated;
        }, http, System.out, user(args), password(args)).run();
    }

    private static String user(String[] args) {
        return args.length > 1 ? args[1] : System.getenv("EXCHANGE_USER");
    }

    private static String password(String[] args) {
        return args.length > 2 ? args[2] : System.getenv("EXCHANGE_PASSWORD");
    }
}
