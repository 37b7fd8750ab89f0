package org.safeguarding.exchange.service.security.internal;

import java.util.Collection;
import java.util.Set;
import org.safeguarding.exchange.service.security.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user of the embedded default: a name, a bcrypt hash (never the password), roles and, for an agency, its code. */
public record ExchangeUser(String name, String passwordHash, Set<Role> roles, String agency) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return name;
    }
}
