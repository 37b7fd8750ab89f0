package org.safeguarding.exchange.service.register;

/**
 * An entry about a data subject, with the reason it must not be disclosed to them (a ShareDecision's
 * {@code withheldFromSubject}, Derby section 2), or null when it may be.
 */
public record SubjectEntry(EntryView entry, String withheldFromSubject) {
}
