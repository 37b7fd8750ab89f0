package org.safeguarding.exchange.service.security;

import java.util.Locale;
import java.util.Optional;

/** What a person or system may do on the exchange (see AUDITING.md for the table). */
public enum Role {
    /** Reads and exports the whole register, the access log, subject access and compliance reports. */
    AUDITOR,
    /** A safeguarding hub: traffic and register metadata (entries without the message body, counts, lists). */
    HUB,
    /** A partner agency: only the entries it sent or received. */
    AGENCY,
    /** Operates the service: metrics and the actuator; reads no child's records. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Accepts {@code AUDITOR}, {@code auditor} or {@code ROLE_AUDITOR}; anything else is no role of ours. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT);
        name = name.startsWith("ROLE_") ? name.substring(5) : name;
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
