package org.safeguarding.exchange.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.security.internal.JwtCallerConverter;
import org.safeguarding.exchange.service.security.internal.SecurityProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/** Production tokens: roles, agency and name come from the configured claims; unknown roles grant nothing. */
class JwtCallerConverterTest {

    private final SecurityProperties properties = new SecurityProperties(List.of(), new SecurityProperties.Jwt("exchange_roles", "agency_code", "preferred_username"));
    private final JwtCallerConverter converter = new JwtCallerConverter(properties.jwt());
    private final Callers callers = new Callers(properties);

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("7f3a").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    }

    @Test
    void rolesAgencyAndNameComeFromTheConfiguredClaims() {
        Authentication authentication = converter.convert(token().claim("exchange_roles", List.of("AGENCY", "superuser"))
                .claim("agency_code", "SCH-OAKFIELD").claim("preferred_username", "priya.shah").build());
        Caller caller = callers.of(authentication);
        assertThat(caller.name()).isEqualTo("priya.shah");
        assertThat(caller.roles()).containsExactly(Role.AGENCY);
        assertThat(caller.agency()).isEqualTo("SCH-OAKFIELD");
    }

    @Test
    void aSpaceSeparatedRolesClaimWorksAndRolePrefixesAreAccepted() {
        Caller caller = callers.of(converter.convert(token().claim("exchange_roles", "ROLE_AUDITOR hub").build()));
        assertThat(caller.roles()).isEqualTo(Set.of(Role.AUDITOR, Role.HUB));
        assertThat(caller.name()).as("no name claim: the subject").isEqualTo("7f3a");
        assertThat(caller.agency()).isNull();
    }

    @Test
    void aTokenWithoutRolesGrantsNone() {
        assertThat(callers.of(converter.convert(token().build())).roles()).isEmpty();
    }
}
