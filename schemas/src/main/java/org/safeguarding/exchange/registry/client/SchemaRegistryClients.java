package org.safeguarding.exchange.registry.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

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

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
        List<String> urls = urls(configs.get(SCHEMA_REGISTRY_URL));
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
        String source = text(configs.get(BASIC_AUTH_CREDENTIALS_SOURCE), "URL");
        String userInfo;
        List<String> plainUrls = new ArrayList<>();
        switch (source) {
            case "USER_INFO" -> {
                userInfo = text(configs.get(BASIC_AUTH_USER_INFO), text(configs.get(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO), null));
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
        List<?> items = value instanceof List<?> list ? list : Arrays.asList(value.toString().split(","));
        return items.stream().map(Object::toString).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }
}
