package org.safeguarding.exchange.service.security;

import java.util.Set;

/**
 * Who is asking: the authenticated name, the exchange roles and, for an agency, its code. Built the same way from a
 * configured user (embedded default) and from a JWT (production), see {@link Callers}.
 */
public record Caller(String name, Set<Role> roles, String agency) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
