package org.safeguarding.exchange.service.registry;

import java.util.List;

/**
 * Who is asking the registry for a change, as its write log keeps it, and whether they may make one.
 *
 * @param name      the authenticated name ({@code anonymous} without credentials)
 * @param roles     the caller's roles, for the write log
 * @param agency    the agency code of an agency user, else null
 * @param mayChange whether the caller may register new schemas or versions, set levels and delete (the ADMIN role)
 */
public record RegistryCaller(String name, List<String> roles, String agency, boolean mayChange) {

    /** The service itself, registering the subjects it and its contract need. */
    public static final RegistryCaller SERVICE = new RegistryCaller("exchange-service", List.of(), null, true);

    public RegistryCaller {
        roles = List.copyOf(roles);
    }
}
