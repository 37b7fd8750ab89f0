package org.safeguarding.exchange.service.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the scripted exchange against a service that is already running: {@code DemoClient http://host:8080}. Asks
 * the service where its Kafka and schema registry are, then behaves as three agencies would.
 */
public final class DemoClient {

    private DemoClient() {
    }

    public static void main(String[] args) throws Exception {
        String http = args.length > 0 ? args[0].replaceAll("/+$", "") : "http://localhost:8080";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(http + "/api/exchange/connection")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + http + "/api/exchange/connection answered " + response.statusCode());
        }
        JsonNode connection = JsonMapper.builder().build().readTree(response.body());
        new ScriptedExchange(connection.path("kafkaBootstrapServers").asText(), connection.path("schemaRegistryUrl").asText(),
                http, System.out).run();
    }
}
