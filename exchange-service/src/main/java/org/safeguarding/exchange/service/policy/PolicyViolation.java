package org.safeguarding.exchange.service.policy;

/**
 * One broken rule, as the sender's {@code REJECTED} receipt names it (contract rule 1).
 *
 * @param field   the path of the field at fault, e.g. {@code consent.reasonWithoutConsent} or {@code reasons[1]},
 *                or the header name for an envelope fault
 * @param rule    the stable rule id, citing the policy paragraph it comes from
 * @param message a sentence a practitioner can act on
 */
public record PolicyViolation(String field, String rule, String message) {
}
