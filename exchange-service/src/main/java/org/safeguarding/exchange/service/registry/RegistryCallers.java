package org.safeguarding.exchange.service.registry;

import java.util.List;

/**
 * The caller of the current registry request. Access control implements it (the security module, from the
 * authenticated user); the registry decides with it who may change what, so that the rule "an existing schema answers
 * its id to anyone, a new one needs ADMIN", which depends on the request's body, lives with the registry's other rules.
 */
@FunctionalInterface
public interface RegistryCallers {

    /** For a registry run without access control ({@link StandaloneRegistry}): everyone may change everything. */
    RegistryCallers UNGUARDED = () -> new RegistryCaller("anonymous", List.of(), null, true);

    RegistryCaller current();
}
