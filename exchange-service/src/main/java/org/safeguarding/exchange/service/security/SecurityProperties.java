package org.safeguarding.exchange.service.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code exchange.security}: the users of the embedded default ({@code users[n].name/password-hash/roles/agency},
 * bcrypt hashes only) and which JWT claims carry roles, agency and name when an issuer is configured.
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

    /** Claim names: roles (a list, or a space- or comma-separated string), the agency code, the person's name. */
    public record Jwt(String rolesClaim, String agencyClaim, String nameClaim) {
        public Jwt {
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            agencyClaim = agencyClaim == null ? "agency" : agencyClaim;
            nameClaim = nameClaim == null ? "sub" : nameClaim;
        }
    }
}
