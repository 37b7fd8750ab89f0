package org.safeguarding.exchange.service.policy;

import java.util.List;
import java.util.Set;

/** The outcome of checking one message: every violation found, and the flags of the entry if it is accepted. */
public record PolicyVerdict(List<PolicyViolation> violations, Set<EntryFlag> flags) {

    public PolicyVerdict {
        violations = List.copyOf(violations);
        flags = Set.copyOf(flags);
    }

    public boolean accepted() {
        return violations.isEmpty();
    }
}
