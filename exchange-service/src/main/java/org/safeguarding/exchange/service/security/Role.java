package org.safeguarding.exchange.service.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The roles a token's roles claim names: a list of role names, or one string of names separated by commas or
     * spaces; names that are no role of ours are left out.
     */
    public static Set<Role> ofClaim(Object claim) {
        List<String> texts = claim instanceof Collection<?> values ? values.stream().map(String::valueOf).toList()
                : claim instanceof String text ? List.of(text.split("[,\\s]+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        texts.forEach(text -> parse(text).ifPresent(roles::add));
        return roles;
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
