package org.safeguarding.exchange.connect.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * An OAuth 2.0 access token from the client credentials grant (RFC 6749 section 4.4), kept until shortly before it
 * expires, or until the partner refuses it ({@link #forget}). The client authenticates with HTTP basic authentication
 * (section 2.3.1), which every authorization server must accept.
 */
final class ClientCredentialsToken {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fetched again this long before the server said it expires, so that it does not expire in flight. */
    private static final Duration EARLY = Duration.ofSeconds(30);
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final HttpClient http;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ClientCredentialsToken(HttpClient http, URI tokenUrl, String clientId, String clientSecret, String scope, Duration timeout,
            Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The current token, fetched when there is none or it is about to expire. */
    synchronized String get() throws IOException, InterruptedException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    /** Drops the token the partner refused, so that the next {@link #get} fetches another. */
    synchronized void forget() {
        token = null;
    }

    private void fetch() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials" + (scope == null || scope.isBlank() ? "" : "&scope=" + encode(scope));
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The token endpoint " + tokenUrl + " answered " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        if (!body.path("access_token").isTextual()) {
            throw new IOException("The token endpoint " + tokenUrl + " gave no access_token");
        }
        Duration lifetime = body.path("expires_in").canConvertToLong()
                ? Duration.ofSeconds(body.path("expires_in").asLong()) : DEFAULT_LIFETIME;
        token = body.path("access_token").asText();
        renewAt = clock.instant().plus(lifetime).minus(EARLY);
    }

    /** Client id and secret are form-encoded before basic authentication (RFC 6749 section 2.3.1). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
