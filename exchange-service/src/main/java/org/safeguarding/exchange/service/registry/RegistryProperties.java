package org.safeguarding.exchange.service.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in schema registry.
 *
 * @param basePath             where the registry's Confluent-compatible API is served: {@code schema.registry.url} is
 *                             {@code http://<host>:<port><basePath>}
 * @param defaultCompatibility the compatibility level of subjects that set none; the exchange contract requires
 *                             {@code BACKWARD_TRANSITIVE}
 * @param readAccess           who may read schemas, subjects and levels: {@code open} to anyone (as Confluent's
 *                             registry is by default), or {@code authenticated} users only; changes always need a
 *                             user (REGISTRY.md)
 */
@ConfigurationProperties("exchange.registry")
public record RegistryProperties(@DefaultValue("/registry") String basePath,
        @DefaultValue("BACKWARD_TRANSITIVE") CompatibilityLevel defaultCompatibility,
        @DefaultValue("open") ReadAccess readAccess) {

    /** Who may read the registry. */
    public enum ReadAccess {
        /** Anyone, without credentials. */
        OPEN,
        /** Any user the service knows, whatever its role. */
        AUTHENTICATED
    }
}
