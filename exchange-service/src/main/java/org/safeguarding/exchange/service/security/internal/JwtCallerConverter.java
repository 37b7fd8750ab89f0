package org.safeguarding.exchange.service.security.internal;

import java.util.ArrayList;
import java.util.List;
import org.safeguarding.exchange.service.security.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Production: roles, agency and name come from the token's claims ({@code exchange.security.jwt.*-claim}). */
public class JwtCallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Jwt claims;

    public JwtCallerConverter(SecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : Role.ofClaim(jwt.getClaim(claims.rolesClaim()))) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        String name = jwt.getClaimAsString(claims.nameClaim());
        return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
    }
}
