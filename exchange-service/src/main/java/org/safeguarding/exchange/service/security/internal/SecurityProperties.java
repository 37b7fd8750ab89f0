package org.safeguarding.exchange.service.security.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code exchange.security}: the users of the embedded default and which JWT claims carry roles, agency and name when
 * an issuer is configured.
 *
 * @param users the users of the embedded default ({@code users[n].name/password-hash/roles/agency}, bcrypt hashes
 *              only); none listed: one per role and per directory agency is generated
 * @param jwt   which claims of a JWT carry the caller's roles, agency and name
 */
@ConfigurationProperties("exchange.security")
public record SecurityProperties(List<User> users, Jwt jwt) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        jwt = jwt == null ? new Jwt(null, null, null) : jwt;
    }

    public record User(String name, String passwordHash, List<String> roles, String agency) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * Claim names.
     *
     * @param rolesClaim  the claim holding the roles: a list, or a space- or comma-separated string ({@code roles})
     * @param agencyClaim the claim holding the agency code ({@code agency})
     * @param nameClaim   the claim holding the person's name ({@code sub})
     */
    public record Jwt(String rolesClaim, String agencyClaim, String nameClaim) {
        public Jwt {
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            agencyClaim = agencyClaim == null ? "agency" : agencyClaim;
            nameClaim = nameClaim == null ? "sub" : nameClaim;
        }
    }
}
