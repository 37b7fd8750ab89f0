package org.safeguarding.exchange.service.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

class ConsoleOidcUsersTest {

    private static OidcUser issued(Map<String, Object> claims) {
        OidcIdToken token = new OidcIdToken("token", Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T11:00:00Z"), claims);
        return new DefaultOidcUser(List.of(), token);
    }

    @Test
    void takesTheExchangeRolesAndNameFromTheIssuersClaims() {
        OidcUser user = ConsoleOidcUsers.withExchangeRoles(issued(Map.of("sub", "a1b2", "roles", List.of("hub", "mayor"),
                "preferred_username", "jo.bloggs")), "roles", "preferred_username");

        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_HUB");
        assertThat(user.getName()).isEqualTo("jo.bloggs");
    }

    @Test
    void withoutARolesClaimThereIsNoRoleAndTheSubjectNamesThePerson() {
        OidcUser user = ConsoleOidcUsers.withExchangeRoles(issued(Map.of("sub", "a1b2")), "roles", "preferred_username");

        assertThat(user.getAuthorities()).isEmpty();
        assertThat(user.getName()).isEqualTo("a1b2");
    }
}
