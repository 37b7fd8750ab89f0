package org.safeguarding.exchange.service.hazards.internal;

import java.util.Comparator;

/** An agency a case involves: it sent or received an accepted message in the case. */
public record CaseAgency(String caseReference, String agency) implements Comparable<CaseAgency> {

    private static final Comparator<CaseAgency> ORDER = Comparator.comparing(CaseAgency::caseReference).thenComparing(CaseAgency::agency);

    @Override
    public int compareTo(CaseAgency other) {
        return ORDER.compare(this, other);
    }
}
