package org.safeguarding.exchange.service.access.internal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code exchange.access}: who the service is on Kafka, and how it may sign in as an administrator to create the
 * agencies' users and the ACLs.
 *
 * @param servicePrincipal the service's own Kafka user (its principal is {@code User:<name>}), which the ACLs name; the
 *                         embedded default's is {@code exchange-service}
 * @param admin            Kafka client settings of a principal that may create users and ACLs
 *                         ({@code exchange.access.admin.sasl.jaas.config}, {@code .sasl.mechanism},
 *                         {@code .security.protocol}, ...), laid over the service's own; when set, the service applies
 *                         the ACLs at start-up (and creates the agencies' SCRAM users when it generated their passwords).
 *                         The embedded default sets them to its broker's administrator
 */
@ConfigurationProperties("exchange.access")
public record AccessProperties(@DefaultValue(AccessProperties.SERVICE_PRINCIPAL) String servicePrincipal, Map<String, String> admin) {

    public static final String SERVICE_PRINCIPAL = "exchange-service";

    public AccessProperties {
        admin = admin == null ? Map.of() : Map.copyOf(admin);
    }

    /** Whether the service may administer Kafka's users and ACLs. */
    public boolean administers() {
        return !admin.isEmpty();
    }
}
