package org.safeguarding.exchange.service.security;

import java.util.EnumSet;
import java.util.Set;
import org.safeguarding.exchange.service.security.internal.ExchangeUser;
import org.safeguarding.exchange.service.security.internal.SecurityProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** The caller of the current request, whether it logged in with a password or presented a JWT. */
@Component
public class Callers {

    private final SecurityProperties properties;

    Callers(SecurityProperties properties) {
        this.properties = properties;
    }

    public Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public Caller of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return new Caller("anonymous", Set.of(), null);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            Role.parse(authority.getAuthority()).ifPresent(roles::add);
        }
        String agency = null;
        if (authentication.getPrincipal() instanceof ExchangeUser user) {
            agency = user.agency();
        } else if (authentication instanceof JwtAuthenticationToken jwt) {
            agency = jwt.getToken().getClaimAsString(properties.jwt().agencyClaim());
        }
        return new Caller(authentication.getName(), roles, agency);
    }
}
