package org.safeguarding.exchange.service.security;

/**
 * Published when an authenticated caller is refused a path by its role, so that the access log can keep the
 * refusal (refusals decided inside a controller are logged there).
 */
public record AccessRefused(Caller caller, String method, String path, String query) {
}
