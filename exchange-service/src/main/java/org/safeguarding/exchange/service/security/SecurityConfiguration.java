package org.safeguarding.exchange.service.security;

import jakarta.servlet.DispatcherType;
import org.safeguarding.exchange.service.ExchangeProperties;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.safeguarding.exchange.service.registry.RegistryProperties;
import org.safeguarding.exchange.service.security.internal.GeneratedCredentials;
import org.safeguarding.exchange.service.security.internal.JwtCallerConverter;
import org.safeguarding.exchange.service.security.internal.SecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * Who may call what. Production: an OAuth2 resource server taking JWTs from the issuer named by
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or a {@code jwk-set-uri}). Embedded default (neither
 * configured): HTTP Basic against {@link UserAccounts}. Open to everyone: the schema registry (agencies' serializers
 * call it), health, the connection details, checkpoints (every agency keeps copies) and the API description.
 * Everything not named here is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String HUB = Role.HUB.name();
    private static final String AGENCY = Role.AGENCY.name();
    private static final String ADMIN = Role.ADMIN.name();

    private final boolean tokens;

    SecurityConfiguration(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri) {
        this.tokens = !issuerUri.isBlank() || !jwkSetUri.isBlank();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Configured users, or generated ones whose passwords are kept in {@code <data-dir>/credentials.properties}. */
    @Bean
    UserAccounts userAccounts(SecurityProperties properties, AgencyDirectory directory, PasswordEncoder encoder,
            ExchangeProperties exchange) {
        if (!properties.users().isEmpty() || tokens) {
            return UserAccounts.configured(properties.users(), encoder);
        }
        return UserAccounts.generated(directory.all(), encoder, exchange.dataDir().resolve("credentials.properties"));
    }

    @Bean
    SecurityFilterChain exchangeSecurity(HttpSecurity http, SecurityProperties properties, Callers callers,
            ApplicationEventPublisher events, RegistryProperties registry) throws Exception {
        String registryPath = registry.basePath();
        http.authorizeHttpRequests(requests -> requests
                // errors and the second half of streamed responses were authorised on the way in
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers(registryPath, registryPath + "/**").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/api/exchange/connection", "/api/register/checkpoints/**").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/actuator/prometheus").hasAnyRole(HUB, ADMIN)
                .requestMatchers("/actuator/**").hasRole(ADMIN)
                .requestMatchers("/api/agencies", "/api/agencies/keys").authenticated()
                .requestMatchers("/api/register/verify").hasAnyRole(AUDITOR, HUB, ADMIN)
                // Every entry with its message bytes: what hubs and agencies may not see.
                .requestMatchers("/api/register/export").hasRole(AUDITOR)
                .requestMatchers("/api/register/**").hasAnyRole(AUDITOR, HUB, AGENCY)
                .requestMatchers("/api/audit/export/**", "/api/audit/subject-access/**", "/api/audit/access-log/**")
                .hasRole(AUDITOR)
                .requestMatchers("/api/audit/compliance/**").hasAnyRole(AUDITOR, HUB)
                .requestMatchers("/api/audit/**").hasAnyRole(AUDITOR, HUB, AGENCY)
                .requestMatchers("/api/lifecycle/**").hasAnyRole(AUDITOR, HUB)
                .anyRequest().denyAll());
        // No cookies or sessions: every request carries its credentials, so there is no session to forge (CSRF).
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(refusalsLogged(callers, events)));
        if (tokens) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtCallerConverter(properties.jwt()))));
        } else {
            http.httpBasic(Customizer.withDefaults());
        }
        return http.build();
    }

    private static AccessDeniedHandler refusalsLogged(Callers callers, ApplicationEventPublisher events) {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            events.publishEvent(new AccessRefused(callers.current(), request.getMethod(), request.getRequestURI(), request.getQueryString()));
            forbidden.handle(request, response, denied);
        };
    }
}
