/**
 * Access control: roles (AUDITOR, HUB, AGENCY, ADMIN), the caller of a request, users of the embedded default and
 * JWTs in production. Which endpoint each role may call is in {@code SecurityConfiguration}; what each role sees of
 * the register is decided by the audit module.
 */
package org.safeguarding.exchange.service.security;
