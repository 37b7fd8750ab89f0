package org.safeguarding.exchange.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small Confluent-compatible registry over the JDK's HTTP server, for tests: it counts and records every request,
 * so that a test can prove what reached the network, and can be told to refuse subjects as incompatible.
 */
public final class FakeSchemaRegistryServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String method, String rawPath, String contentType, String authorization, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String basePath;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final List<String> schemasById = new ArrayList<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private final Set<String> refusedSubjects = ConcurrentHashMap.newKeySet();
    private volatile String requiredAuthorization;

    private FakeSchemaRegistryServer(String basePath) throws IOException {
        this.basePath = basePath;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(basePath.isEmpty() ? "/" : basePath, this::handle);
        server.start();
    }

    public static FakeSchemaRegistryServer start() throws IOException {
        return new FakeSchemaRegistryServer("");
    }

    /** Serves the API under a path, as Apicurio serves it under /apis/ccompat/v7. */
    public static FakeSchemaRegistryServer startUnder(String basePath) throws IOException {
        return new FakeSchemaRegistryServer(basePath);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    /** Registrations under this subject are answered 409, as a registry refusing an incompatible schema. */
    public void refuseAsIncompatible(String subject) {
        refusedSubjects.add(subject);
    }

    public void requireAuthorization(String headerValue) {
        requiredAuthorization = headerValue;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String rawPath = exchange.getRequestURI().getRawPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(exchange.getRequestMethod(), rawPath,
                exchange.getRequestHeaders().getFirst("Content-Type"), authorization, body));
        try {
            if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                reply(exchange, 401, error(40101, "Unauthorized"));
                return;
            }
            List<String> path = new ArrayList<>();
            for (String segment : rawPath.substring(basePath.length()).split("/")) {
                if (!segment.isEmpty()) {
                    path.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
                }
            }
            synchronized (this) {
                route(exchange, exchange.getRequestMethod(), path, body);
            }
        } catch (RuntimeException e) {
            reply(exchange, 500, error(50001, e.toString()));
        }
    }

    private void route(HttpExchange exchange, String method, List<String> path, String body) throws IOException {
        if (method.equals("POST") && path.size() == 3 && path.get(0).equals("subjects") && path.get(2).equals("versions")) {
            String subject = path.get(1);
            if (refusedSubjects.contains(subject)) {
                reply(exchange, 409, error(409, "Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\", details: [READER_FIELD_MISSING_DEFAULT_VALUE at /fields/11]"));
                return;
            }
            String schema = schemaText(body);
            int id = idsBySchema.computeIfAbsent(schema, s -> {
                schemasById.add(s);
                return schemasById.size();
            });
            List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
            if (!versions.contains(id)) {
                versions.add(id);
            }
            reply(exchange, 200, Map.of("id", id));
        } else if (method.equals("POST") && path.size() == 2 && path.get(0).equals("subjects")) {
            String subject = path.get(1);
            List<Integer> versions = versionsBySubject.get(subject);
            if (versions == null) {
                reply(exchange, 404, error(40401, "Subject '" + subject + "' not found."));
                return;
            }
            Integer id = idsBySchema.get(schemaText(body));
            if (id == null || !versions.contains(id)) {
                reply(exchange, 404, error(40403, "Schema not found"));
                return;
            }
            reply(exchange, 200, version(subject, versions.indexOf(id) + 1, id));
        } else if (method.equals("GET") && path.size() == 3 && path.get(0).equals("schemas") && path.get(1).equals("ids")) {
            int id = Integer.parseInt(path.get(2));
            if (id < 1 || id > schemasById.size()) {
                reply(exchange, 404, error(40403, "Schema " + id + " not found"));
                return;
            }
            reply(exchange, 200, Map.of("schema", schemasById.get(id - 1)));
        } else if (method.equals("GET") && path.size() == 4 && path.get(0).equals("subjects")
                && path.get(2).equals("versions") && path.get(3).equals("latest")) {
            List<Integer> versions = versionsBySubject.get(path.get(1));
            if (versions == null) {
                reply(exchange, 404, error(40401, "Subject '" + path.get(1) + "' not found."));
                return;
            }
            reply(exchange, 200, version(path.get(1), versions.size(), versions.get(versions.size() - 1)));
        } else {
            reply(exchange, 404, error(404, "HTTP 404 Not Found"));
        }
    }

    private Map<String, Object> version(String subject, int version, int id) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("subject", subject);
        reply.put("version", version);
        reply.put("id", id);
        reply.put("schema", schemasById.get(id - 1));
        return reply;
    }

    /** Schemas are compared in parsed form, as a registry does, not by the spacing of the text. */
    private static String schemaText(String body) throws IOException {
        JsonNode request = JSON.readTree(body);
        return new org.apache.avro.Schema.Parser().parse(request.get("schema").asText()).toString();
    }

    private static Map<String, Object> error(int code, String message) {
        return Map.of("error_code", code, "message", message);
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
