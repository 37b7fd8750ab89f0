package org.safeguarding.exchange.service.audit.internal;

import java.util.List;
import org.safeguarding.exchange.service.register.EntryView;
import org.safeguarding.exchange.service.security.Caller;
import org.safeguarding.exchange.service.security.Role;

/**
 * What a caller may see of the register: an auditor everything; a hub every entry's metadata but no message body;
 * an agency the whole entries it sent or received, and nothing else.
 *
 * @param agency the only agency whose entries may be seen, or null for all
 * @param bodies whether message bodies may be seen
 */
public record ReadScope(String agency, boolean bodies) {

    public static ReadScope of(Caller caller) {
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

    public boolean restrictedToAgency() {
        return agency != null;
    }

    /** Whether the entry is within this scope: any entry, or one the agency sent or received. */
    public boolean sees(EntryView entry) {
        return agency == null || agency.equals(entry.sendingAgency()) || entry.recipientAgencies().contains(agency);
    }

    /** The entries as this scope shows them: without their message bodies where bodies may not be seen. */
    public List<EntryView> present(List<EntryView> entries) {
        return bodies ? entries : entries.stream().map(EntryView::withoutMessage).toList();
    }

    public EntryView present(EntryView entry) {
        return bodies ? entry : entry.withoutMessage();
    }
}
