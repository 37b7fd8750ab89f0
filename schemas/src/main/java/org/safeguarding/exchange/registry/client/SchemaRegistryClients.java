package org.safeguarding.exchange.registry.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Builds a registry client from Confluent's own configuration keys, so that a Confluent properties file works
 * unchanged: {@code schema.registry.url} (comma-separated, or {@code mock://<scope>}),
 * {@code basic.auth.credentials.source} ({@code USER_INFO} or {@code URL}) and {@code basic.auth.user.info}.
 */
public final class SchemaRegistryClients {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent also accepts the user info under this older name. */
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";

    private static final String USER_INFO_DOC = "user:password for HTTP basic authentication to the registry, with "
            + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO.";

    /** The registry settings with their types, defaults and documentation, as Kafka's own clients define theirs. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, null, Importance.HIGH,
                    "The schema registry's base URL, or several comma-separated; mock://<scope> for a registry in memory.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "URL", Importance.MEDIUM,
                    "Where the registry credentials come from: URL (user:password@ in the URL) or USER_INFO ("
                            + BASIC_AUTH_USER_INFO + ").")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM, USER_INFO_DOC)
            .define(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.LOW,
                    "The older name of " + BASIC_AUTH_USER_INFO + ".");

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
        Map<String, Object> parsed = CONFIG_DEF.parse(configs);
        List<String> urls = urls(parsed.get(SCHEMA_REGISTRY_URL));
        if (urls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
                    + "\" (the schema registry's base URL, or mock://<scope> for an in-memory registry)");
        }
        if (urls.get(0).startsWith(InMemorySchemaRegistry.MOCK_URL_PREFIX)) {
            if (urls.size() > 1) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, String.join(",", urls),
                        "a mock:// registry cannot be combined with other URLs");
            }
            return InMemorySchemaRegistry.forScope(urls.get(0).substring(InMemorySchemaRegistry.MOCK_URL_PREFIX.length()));
        }
        String source = text(parsed.get(BASIC_AUTH_CREDENTIALS_SOURCE), "URL");
        String userInfo;
        List<String> plainUrls = new ArrayList<>();
        switch (source) {
            case "USER_INFO" -> {
                userInfo = text(password(parsed.get(BASIC_AUTH_USER_INFO)), text(password(parsed.get(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO)), null));
                if (userInfo == null) {
                    throw new ConfigException(BASIC_AUTH_USER_INFO + " must be set (user:password) when "
                            + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO");
                }
                plainUrls.addAll(urls);
            }
            case "URL" -> {
                // Credentials written into the URL (https://user:password@host) are sent as basic authentication.
                userInfo = null;
                for (String url : urls) {
                    URI uri = URI.create(url);
                    if (uri.getRawUserInfo() != null) {
                        userInfo = uri.getUserInfo();
                        plainUrls.add(url.replace(uri.getRawUserInfo() + "@", ""));
                    } else {
                        plainUrls.add(url);
                    }
                }
            }
            default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source,
                    "supported values are USER_INFO and URL");
        }
        return new CachedSchemaRegistryClient(new HttpSchemaRegistryClient(plainUrls, userInfo));
    }

    private static List<String> urls(Object value) {
        if (value == null) {
            return List.of();
        }
        return ((List<?>) value).stream().map(Object::toString).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String password(Object value) {
        return value == null ? null : ((Password) value).value();
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }
}
