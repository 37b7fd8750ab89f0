package org.safeguarding.exchange.service.security;

import jakarta.servlet.DispatcherType;
import org.safeguarding.exchange.service.ExchangeProperties;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.safeguarding.exchange.service.registry.RegistryCaller;
import org.safeguarding.exchange.service.registry.RegistryCallers;
import org.safeguarding.exchange.service.registry.RegistryProperties;
import org.safeguarding.exchange.service.registry.RegistryProtocolErrors;
import org.safeguarding.exchange.service.security.internal.GeneratedCredentials;
import org.safeguarding.exchange.service.security.internal.JwtCallerConverter;
import org.safeguarding.exchange.service.security.internal.SecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * Who may call what. Production: an OAuth2 resource server taking JWTs from the issuer named by
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or a {@code jwk-set-uri}). Embedded default (neither
 * configured): HTTP Basic against {@link UserAccounts}. Open to everyone: health, the connection details, checkpoints
 * (every agency keeps copies), the API description, and reads of the schema registry unless
 * {@code exchange.registry.read-access} is {@code authenticated}. The schema registry has a chain of its own (HTTP Basic
 * always, as Confluent-compatible clients send it; Confluent's error bodies). Everything not named here is refused.
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

    /**
     * The schema registry: reads as {@code exchange.registry.read-access} says; registering and every change need a
     * user, and the registry itself decides, with {@link #registryCallers}, that only ADMIN adds a schema or version,
     * sets a level or deletes (so that it can answer an existing schema's id to any user, and log each refusal).
     * Anything else that would write is refused here to all but ADMIN.
     */
    @Bean
    @Order(1)
    SecurityFilterChain registrySecurity(HttpSecurity http, SecurityProperties properties, Callers callers,
            ApplicationEventPublisher events, RegistryProperties registry) throws Exception {
        String base = registry.basePath();
        boolean openReads = registry.readAccess() == RegistryProperties.ReadAccess.OPEN;
        http.securityMatcher(base, base + "/**");
        http.authorizeHttpRequests(requests -> {
            requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
            requests.requestMatchers(HttpMethod.POST, base + "/subjects/*/versions").authenticated();
            requests.requestMatchers(HttpMethod.PUT, base + "/config", base + "/config/*").authenticated();
            requests.requestMatchers(HttpMethod.DELETE, base + "/config", base + "/config/*", base + "/subjects/*",
                    base + "/subjects/*/versions/*").authenticated();
            // Reads, and the look-ups and compatibility checks that are POSTs but change nothing.
            var reads = requests.requestMatchers(HttpMethod.GET, base, base + "/**");
            var checks = requests.requestMatchers(HttpMethod.POST, base + "/subjects/*", base + "/compatibility/**");
            if (openReads) {
                reads.permitAll();
                checks.permitAll();
            } else {
                reads.authenticated();
                checks.authenticated();
            }
            requests.anyRequest().hasRole(ADMIN);
        });
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        AuthenticationEntryPoint unauthorized = (request, response, failure) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"schema registry\"");
            RegistryProtocolErrors.write(response, 401, 401, "Unauthorized");
        };
        AccessDeniedHandler forbidden = (request, response, denied) -> {
            Caller caller = callers.current();
            events.publishEvent(new AccessRefused(caller, request.getMethod(), request.getRequestURI(), request.getQueryString()));
            RegistryProtocolErrors.write(response, 403, 40301, "User " + caller.name() + " is denied operation "
                    + request.getMethod() + " on " + request.getRequestURI() + " (it needs the ADMIN role)");
        };
        http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized));
        if (tokens) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthorized)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtCallerConverter(properties.jwt()))));
        }
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /** The registry's view of the caller: a change is the ADMIN role's to make. */
    @Bean
    RegistryCallers registryCallers(Callers callers) {
        return () -> {
            Caller caller = callers.current();
            return new RegistryCaller(caller.name(), caller.roles().stream().map(Role::name).sorted().toList(),
                    caller.agency(), caller.has(Role.ADMIN));
        };
    }

    @Bean
    SecurityFilterChain exchangeSecurity(HttpSecurity http, SecurityProperties properties, Callers callers,
            ApplicationEventPublisher events) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                // errors and the second half of streamed responses were authorised on the way in
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                .requestMatchers("/error").permitAll()
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
                .requestMatchers("/api/registry/**").hasRole(AUDITOR)
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
