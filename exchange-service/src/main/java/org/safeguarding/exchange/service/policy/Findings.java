package org.safeguarding.exchange.service.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the rules found in one message, gathered into its verdict. */
final class Findings {

    private final List<PolicyViolation> violations = new ArrayList<>();
    private final Set<EntryFlag> flags = EnumSet.noneOf(EntryFlag.class);

    void violation(String field, String rule, String message) {
        violations.add(new PolicyViolation(field, rule, message));
    }

    void flag(EntryFlag flag) {
        flags.add(flag);
    }

    PolicyVerdict verdict() {
        return new PolicyVerdict(violations, flags);
    }
}
