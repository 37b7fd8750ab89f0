package org.safeguarding.exchange.service.audit;

import org.safeguarding.exchange.service.security.Caller;
import org.safeguarding.exchange.service.security.Role;

/**
 * What a caller may see of the register: an auditor everything; a hub every entry's metadata but no message body;
 * an agency the whole entries it sent or received, and nothing else.
 *
 * @param agency the only agency whose entries may be seen, or null for all
 * @param bodies whether message bodies may be seen
 */
record ReadScope(String agency, boolean bodies) {

    static ReadScope of(Caller caller) {
        if (caller.has(Role.AUDITOR)) {
            return new ReadScope(null, true);
        }
        if (caller.has(Role.HUB)) {
            return new ReadScope(null, false);
        }
        if (caller.has(Role.AGENCY) && caller.agency() != null) {
            return new ReadScope(caller.agency(), true);
        }
        // Neither: security configuration lets no such caller in; if one arrives, it sees nothing.
        return new ReadScope("", false);
    }

    boolean restrictedToAgency() {
        return agency != null;
    }
}
