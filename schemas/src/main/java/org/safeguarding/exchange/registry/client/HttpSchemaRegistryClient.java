package org.safeguarding.exchange.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Speaks the Confluent Schema Registry REST API over {@link HttpClient}. Works against Confluent Schema Registry,
 * Karapace, Apicurio's ccompat API and the exchange's own registry. It caches nothing: wrap it in
 * {@link CachedSchemaRegistryClient} (as {@link SchemaRegistryClients#fromConfig} does).
 *
 * <p>Several base URLs may be given; a URL that cannot be reached is skipped and the next one tried, and the client
 * keeps using the last one that answered.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> baseUrls;
    private final String authorization;
    private final HttpClient http;
    private volatile int preferredUrl;

    /**
     * @param baseUrls   one or more registry base URLs (a path such as /apis/ccompat/v7 is kept)
     * @param userInfo   {@code user:password} for HTTP basic authentication, or null for none
     */
    public HttpSchemaRegistryClient(List<String> baseUrls, String userInfo) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is needed");
        }
        this.baseUrls = baseUrls.stream().map(HttpSchemaRegistryClient::withoutTrailingSlash).toList();
        this.authorization = userInfo == null || userInfo.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        // HTTP/1.1 as Confluent's own client speaks it: no h2c upgrade for proxies and registries to trip over.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        JsonNode body = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema),
                error -> switch (error.status) {
                    case 409 -> new IncompatibleSchemaException(subject, error.url, error.message, error.code);
                    case 422 -> new SchemaRegistryException("Schema refused as invalid for subject '" + subject
                            + "' by the schema registry at " + error.url + ": " + error.message, error.status, error.code);
                    default -> null;
                });
        return body.path("id").asInt();
    }

    @Override
    public int getId(String subject, Schema schema) {
        JsonNode body = send("POST", "/subjects/" + encode(subject), schemaBody(schema), error -> {
            if (error.status != 404) {
                return null;
            }
            // 40401: no such subject; 40403: the subject exists but not with this schema.
            return error.code == 40403
                    ? SchemaNotFoundException.underSubject(subject, error.url, error.status, error.code)
                    : new SubjectNotFoundException(subject, error.url, error.status, error.code);
        });
        return body.path("id").asInt();
    }

    @Override
    public Schema getSchemaById(int id) {
        JsonNode body = send("GET", "/schemas/ids/" + id, null, error -> error.status == 404
                ? SchemaNotFoundException.forId(id, error.url, error.status, error.code) : null);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException("Schema id " + id + " in the schema registry at " + location()
                    + " is of type " + type + ", not AVRO", 200, 0);
        }
        return parse(body.path("schema").asText(), "schema id " + id);
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        JsonNode body = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null, error -> error.status == 404
                ? new SubjectNotFoundException(subject, error.url, error.status, error.code) : null);
        return new RegisteredSchema(subject, body.path("id").asInt(), body.path("version").asInt(),
                parse(body.path("schema").asText(), "the latest version of subject '" + subject + "'"));
    }

    @Override
    public String location() {
        return String.join(",", baseUrls);
    }

    /** A refusal from the registry, before it is turned into an exception. */
    private record ErrorReply(String url, int status, int code, String message) {
    }

    private JsonNode send(String method, String path, String body,
                          Function<ErrorReply, SchemaRegistryException> specificError) {
        IOException lastFailure = null;
        int first = preferredUrl;
        for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
            int index = (first + attempt) % baseUrls.size();
            String baseUrl = baseUrls.get(index);
            HttpResponse<String> response;
            try {
                response = http.send(request(method, baseUrl + path, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while calling the schema registry at " + baseUrl, e);
            }
            preferredUrl = index;
            return readReply(method, path, baseUrl, response, specificError);
        }
        throw new RegistryUnreachableException("Schema registry unreachable at " + location() + " (" + method + " "
                + path + "): " + describe(lastFailure), lastFailure);
    }

    private HttpRequest request(String method, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", ACCEPT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private JsonNode readReply(String method, String path, String baseUrl, HttpResponse<String> response,
                               Function<ErrorReply, SchemaRegistryException> specificError) {
        int status = response.statusCode();
        JsonNode body = readJson(response.body());
        if (status >= 200 && status < 300 && body != null) {
            return body;
        }
        int code = body == null ? 0 : body.path("error_code").asInt(0);
        String message = body != null && body.hasNonNull("message") ? body.get("message").asText()
                : abbreviate(response.body());
        ErrorReply error = new ErrorReply(baseUrl, status, code, message);
        SchemaRegistryException specific = specificError.apply(error);
        if (specific != null) {
            throw specific;
        }
        if (status == 401 || status == 403) {
            throw new SchemaRegistryException("Not authorised by the schema registry at " + baseUrl + " (HTTP " + status
                    + ", " + method + " " + path + "): " + message
                    + "; check basic.auth.credentials.source and basic.auth.user.info", status, code);
        }
        throw new SchemaRegistryException("Schema registry at " + baseUrl + " answered HTTP " + status
                + (code == 0 ? "" : " error " + code) + " to " + method + " " + path + ": " + message, status, code);
    }

    private JsonNode readJson(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
    }

    private String schemaBody(Schema schema) {
        try {
            return json.writeValueAsString(Map.of("schema", schema.toString()));
        } catch (IOException e) {
            throw new SchemaRegistryException("Cannot write schema " + schema.getFullName() + " as JSON", e);
        }
    }

    private Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new SchemaRegistryException("The schema registry at " + location() + " returned an unreadable Avro schema for "
                    + what + ": " + e.getMessage(), e);
        }
    }

    /** Subjects such as {@code topic-exchange.v1.ShareRequest} are path segments; a space must be %20, not +. */
    static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "no URL tried";
        }
        String chain = java.util.stream.Stream.iterate(failure, t -> t != null, Throwable::getCause)
                .map(t -> t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage()))
                .collect(Collectors.joining(" <- "));
        return chain;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(no body)";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
