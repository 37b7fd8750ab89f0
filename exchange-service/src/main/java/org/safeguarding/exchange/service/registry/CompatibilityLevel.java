package org.safeguarding.exchange.service.registry;

import java.util.Locale;

/** Confluent's compatibility levels: which earlier versions a new schema is checked against, and how. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The new schema must read data written with the earlier ones. */
    public final boolean newReadsOld;
    /** The earlier schemas must read data written with the new one. */
    public final boolean oldReadsNew;
    /** Checked against every live version, not only the latest. */
    public final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Confluent accepts the level in any case. */
    public static CompatibilityLevel parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidCompatibilityLevel(String.valueOf(text));
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalidCompatibilityLevel(text);
        }
    }
}
