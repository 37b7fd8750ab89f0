package org.safeguarding.exchange.service.hazards.internal;

/** A person a case involves: named by one of its consent outcomes, or a child linked to a hazard raised in it. */
public record CasePerson(String caseReference, String personReference) {
}
