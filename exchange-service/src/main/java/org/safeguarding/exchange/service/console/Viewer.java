package org.safeguarding.exchange.service.console;

import org.safeguarding.exchange.service.security.Caller;
import org.safeguarding.exchange.service.security.Role;

/** Who is looking at a console page, as the page header shows it. */
public record Viewer(String name, boolean signedIn, boolean hub, boolean auditor) {

    static Viewer of(Caller caller) {
        boolean signedIn = !caller.roles().isEmpty();
        return new Viewer(caller.name(), signedIn, caller.has(Role.HUB), caller.has(Role.AUDITOR));
    }
}
