package org.safeguarding.exchange.connect.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.safeguarding.exchange.registry.client.SchemaRegistryClients;
import org.safeguarding.exchange.signing.SigningKey;

/**
 * The inbox webhook's settings. Besides these, the registry's ({@code schema.registry.url} and its basic auth, as the
 * exchange's serde takes them) and, under the prefix {@value #KAFKA_PREFIX}, the settings of the producer that writes
 * confirmations and dead letters ({@code kafka.bootstrap.servers}, {@code kafka.security.protocol}, ...).
 */
public class InboxWebhookConfig extends AbstractConfig {

    public static final String AGENCY_CODE = "agency.code";
    public static final String URL = "webhook.url";
    public static final String INCLUDE_BYTES = "webhook.include.bytes";
    public static final String TIMEOUT_MS = "webhook.timeout.ms";
    public static final String AUTH_TYPE = "auth.type";
    public static final String AUTH_HEADER_NAME = "auth.header.name";
    public static final String AUTH_HEADER_VALUE = "auth.header.value";
    public static final String OAUTH2_TOKEN_URL = "oauth2.token.url";
    public static final String OAUTH2_CLIENT_ID = "oauth2.client.id";
    public static final String OAUTH2_CLIENT_SECRET = "oauth2.client.secret";
    public static final String OAUTH2_SCOPE = "oauth2.scope";
    public static final String TRUSTSTORE_PATH = "tls.truststore.path";
    public static final String TRUSTSTORE_PASSWORD = "tls.truststore.password";
    public static final String KEYSTORE_PATH = "tls.keystore.path";
    public static final String KEYSTORE_PASSWORD = "tls.keystore.password";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    public static final String RETRY_MAX_ATTEMPTS = "retry.max.attempts";
    public static final String DEAD_LETTER_TOPIC = "dead.letter.topic";
    public static final String CONFIRMATIONS_TOPIC = "confirmations.topic";
    public static final String KAFKA_PREFIX = "kafka.";

    public enum AuthType { NONE, HEADER, OAUTH2 }

    private static final String AGENCY_CODE_PATTERN = "[A-Z0-9][A-Z0-9-]{1,31}";

    public static final ConfigDef CONFIG_DEF = new ConfigDef(SchemaRegistryClients.CONFIG_DEF)
            .define(AGENCY_CODE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, (name, value) -> {
                if (value == null || !value.toString().matches(AGENCY_CODE_PATTERN)) {
                    throw new ConfigException(name, value, "an agency code matches " + AGENCY_CODE_PATTERN);
                }
            }, Importance.HIGH, "The agency whose inbox this connector delivers (its topics are agency.<code>.inbox).")
            .define(URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, (name, value) -> {
                if (value == null || !value.toString().startsWith("https://") || URI.create(value.toString()).getHost() == null) {
                    throw new ConfigException(name, value, "the partner's endpoint must be an https:// URL with a host");
                }
            }, Importance.HIGH, "The partner's HTTPS endpoint; every message is POSTed to it.")
            .define(INCLUDE_BYTES, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Also send the message's exact bytes (Confluent wire format, base64) in the body's \"bytes\", with the "
                            + "sender's own signature headers, so the partner can check the sender's signature itself.")
            .define(TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.MEDIUM,
                    "How long to wait for the partner's answer (and for a connection) before counting the attempt as unanswered.")
            .define(AUTH_TYPE, Type.STRING, AuthType.NONE.name(), ValidString.in("NONE", "HEADER", "OAUTH2"), Importance.HIGH,
                    "How the connector signs in to the partner: NONE (mutual TLS alone, or no sign-in), HEADER (a static "
                            + "header, e.g. an API key), OAUTH2 (client credentials; the token is kept until it expires and "
                            + "fetched again when the partner answers 401).")
            .define(AUTH_HEADER_NAME, Type.STRING, "Authorization", new NonEmptyString(), Importance.LOW,
                    "With auth.type=HEADER: the header's name.")
            .define(AUTH_HEADER_VALUE, Type.PASSWORD, null, Importance.MEDIUM, "With auth.type=HEADER: the header's value.")
            .define(OAUTH2_TOKEN_URL, Type.STRING, null, Importance.MEDIUM, "With auth.type=OAUTH2: the token endpoint.")
            .define(OAUTH2_CLIENT_ID, Type.STRING, null, Importance.MEDIUM, "With auth.type=OAUTH2: the client id.")
            .define(OAUTH2_CLIENT_SECRET, Type.PASSWORD, null, Importance.MEDIUM, "With auth.type=OAUTH2: the client secret.")
            .define(OAUTH2_SCOPE, Type.STRING, null, Importance.LOW, "With auth.type=OAUTH2: the scope to ask for, if any.")
            .define(TRUSTSTORE_PATH, Type.STRING, null, Importance.MEDIUM,
                    "A PKCS#12 or JKS file of the certificates to trust for the partner (and token) endpoint; the Java "
                            + "runtime's own trusted authorities when not set.")
            .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW, "The trust store's password.")
            .define(KEYSTORE_PATH, Type.STRING, null, Importance.MEDIUM,
                    "A PKCS#12 or JKS file with the connector's client certificate and key: set it for mutual TLS.")
            .define(KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW, "The key store's password (and its key's).")
            .define(SigningKey.KEY_ID, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "The id under which the partner knows the exchange's public key: the keyid of every request signature.")
            .define(SigningKey.PRIVATE_KEY, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "The Ed25519 private key that signs every request (RFC 9421), base64 PKCS#8 DER.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 1_000L, Range.atLeast(1), Importance.LOW,
                    "The wait after the first unanswered or retriable attempt (408, 429, 5xx); doubled after each further one.")
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 300_000L, Range.atLeast(1), Importance.LOW,
                    "The longest wait between attempts (a Retry-After header is honoured even when longer).")
            .define(RETRY_MAX_ATTEMPTS, Type.INT, 0, Range.atLeast(0), Importance.MEDIUM,
                    "How many requests one message may take before it is dead-lettered; 0: no limit, the partition waits "
                            + "(in order) until the partner takes it.")
            .define(DEAD_LETTER_TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "Where a message the partner refused goes, unchanged, with the reason in the exchange-error header.")
            .define(CONFIRMATIONS_TOPIC, Type.STRING, "exchange.delivery-confirmations", new NonEmptyString(), Importance.MEDIUM,
                    "Where each delivery's DeliveryConfirmation is written.");

    public InboxWebhookConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        switch (authType()) {
            case HEADER -> required(AUTH_HEADER_VALUE);
            case OAUTH2 -> {
                required(OAUTH2_TOKEN_URL);
                required(OAUTH2_CLIENT_ID);
                required(OAUTH2_CLIENT_SECRET);
            }
            case NONE -> {
            }
        }
        if (originalsWithPrefix(KAFKA_PREFIX).get("bootstrap.servers") == null) {
            throw new ConfigException(KAFKA_PREFIX + "bootstrap.servers", null,
                    "the producer of confirmations and dead letters needs the brokers");
        }
        signingKey();
    }

    private void required(String key) {
        Object value = get(key);
        if (value == null || value instanceof Password p && p.value().isBlank() || value.toString().isBlank()) {
            throw new ConfigException(key, null, "needed with " + AUTH_TYPE + "=" + authType());
        }
    }

    public String agencyCode() {
        return getString(AGENCY_CODE);
    }

    public URI url() {
        return URI.create(getString(URL));
    }

    public boolean includeBytes() {
        return getBoolean(INCLUDE_BYTES);
    }

    public Duration timeout() {
        return Duration.ofMillis(getLong(TIMEOUT_MS));
    }

    public AuthType authType() {
        return AuthType.valueOf(getString(AUTH_TYPE));
    }

    public SigningKey signingKey() {
        try {
            return new SigningKey(getString(SigningKey.KEY_ID), SigningKey.privateKeyOf(getPassword(SigningKey.PRIVATE_KEY).value()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SigningKey.PRIVATE_KEY, "[hidden]", e.getMessage());
        }
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(Duration.ofMillis(getLong(RETRY_BACKOFF_MS)), Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS)),
                getInt(RETRY_MAX_ATTEMPTS));
    }

    /** The settings of the producer that writes confirmations and dead letters. */
    public Map<String, Object> producerSettings() {
        return originalsWithPrefix(KAFKA_PREFIX);
    }

    /** The settings the exchange's serde and registry client read. */
    public Map<String, Object> registrySettings() {
        return originals();
    }

    static String password(Password password) {
        return password == null ? null : password.value();
    }
}
