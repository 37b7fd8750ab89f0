package org.safeguarding.exchange.service.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.security.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the council's OIDC issuer, with the exchange roles and name its claims carry, read as the
 * API reads a token's ({@code exchange.security.jwt.roles-claim}, {@code name-claim}): nothing more than the issuer says.
 */
public class ConsoleOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService issuer = new OidcUserService();
    private final String rolesClaim;
    private final String nameClaim;

    public ConsoleOidcUsers(String rolesClaim, String nameClaim) {
        this.rolesClaim = rolesClaim;
        this.nameClaim = nameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = issuer.loadUser(request);
        return withExchangeRoles(user, rolesClaim, nameClaim);
    }

    /** The user with one authority per exchange role its roles claim names, named by the name claim when it has one. */
    static OidcUser withExchangeRoles(OidcUser user, String rolesClaim, String nameClaim) {
        Map<String, Object> claims = user.getClaims();
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : Role.ofClaim(claims.get(rolesClaim))) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        String nameKey = claims.get(nameClaim) != null ? nameClaim : "sub";
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameKey);
    }
}
