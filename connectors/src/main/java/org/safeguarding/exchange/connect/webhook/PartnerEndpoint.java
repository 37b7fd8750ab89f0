package org.safeguarding.exchange.connect.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;
import org.safeguarding.exchange.connect.webhook.RequestSignature.Params;
import org.safeguarding.exchange.signing.SigningKey;

/**
 * The partner's HTTPS endpoint: POSTs one signed request per message, signed in as configured (static header, OAuth2
 * client credentials, mutual TLS), and reports what the partner answered. A 401 with OAuth2 fetches a new token and
 * tries once more at once: the old token may have been revoked before it expired.
 */
final class PartnerEndpoint {

    /** What came back. */
    record Answer(int status, String retryAfter, String start) {
    }

    private static final int ANSWER_START = 200;

    private final InboxWebhookConfig config;
    private final HttpClient http;
    private final SigningKey signingKey;
    private final ClientCredentialsToken token;
    private final Clock clock;

    PartnerEndpoint(InboxWebhookConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.signingKey = config.signingKey();
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).sslContext(sslContext(config))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.token = config.authType() == InboxWebhookConfig.AuthType.OAUTH2
                ? new ClientCredentialsToken(http, URI.create(config.getString(InboxWebhookConfig.OAUTH2_TOKEN_URL)),
                        config.getString(InboxWebhookConfig.OAUTH2_CLIENT_ID),
                        InboxWebhookConfig.password(config.getPassword(InboxWebhookConfig.OAUTH2_CLIENT_SECRET)),
                        config.getString(InboxWebhookConfig.OAUTH2_SCOPE), config.timeout(), clock)
                : null;
    }

    /**
     * POSTs a JSON body with these headers (names in lower case: the covered ones, idempotency-key, exchange-sender and
     * exchange-record-type, must be among them) and a signature over them.
     */
    Answer post(byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
        Answer answer = send(body, headers);
        if (answer.status() == 401 && token != null) {
            token.forget();
            answer = send(body, headers);
        }
        return answer;
    }

    private Answer send(byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
        URI url = config.url();
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("content-type", "application/json");
        all.put("content-digest", RequestSignature.contentDigest(body));
        Params params = new Params(RequestSignature.COVERED, clock.instant().getEpochSecond(), signingKey.keyId());
        String signature = RequestSignature.sign(signingKey.privateKey(),
                RequestSignature.base(RequestSignature.covered("POST", url, all), params));

        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header(RequestSignature.SIGNATURE_INPUT_HEADER, RequestSignature.signatureInput(params))
                .header(RequestSignature.SIGNATURE_HEADER, RequestSignature.signatureHeader(signature));
        all.forEach(request::header);
        switch (config.authType()) {
            case HEADER -> request.header(config.getString(InboxWebhookConfig.AUTH_HEADER_NAME),
                    InboxWebhookConfig.password(config.getPassword(InboxWebhookConfig.AUTH_HEADER_VALUE)));
            case OAUTH2 -> request.header("Authorization", "Bearer " + token.get());
            case NONE -> {
            }
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String start;
        try (InputStream in = response.body()) {
            start = new String(in.readNBytes(ANSWER_START), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), start);
    }

    /** The partner's origin, for confirmations: where the message went, without path or query. */
    String origin() {
        URI url = config.url();
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    private static SSLContext sslContext(InboxWebhookConfig config) {
        String trustPath = config.getString(InboxWebhookConfig.TRUSTSTORE_PATH);
        String keyPath = config.getString(InboxWebhookConfig.KEYSTORE_PATH);
        try {
            if (trustPath == null && keyPath == null) {
                return SSLContext.getDefault();
            }
            TrustManagerFactory trust = null;
            if (trustPath != null) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(trustPath, InboxWebhookConfig.password(config.getPassword(InboxWebhookConfig.TRUSTSTORE_PASSWORD))));
            }
            KeyManagerFactory keys = null;
            if (keyPath != null) {
                String password = InboxWebhookConfig.password(config.getPassword(InboxWebhookConfig.KEYSTORE_PASSWORD));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(keyPath, password), password == null ? new char[0] : password.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException("Cannot set up TLS for " + config.url() + ": " + e.getMessage());
        }
    }

    /** PKCS#12 or JKS: the JDK's PKCS#12 key store reads both. */
    private static KeyStore load(String path, String password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, password == null ? null : password.toCharArray());
        }
        return store;
    }
}
