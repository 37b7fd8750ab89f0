package org.safeguarding.exchange.service.console.internal;

import jakarta.servlet.DispatcherType;
import org.safeguarding.exchange.service.security.AccessRefused;
import org.safeguarding.exchange.service.security.Callers;
import org.safeguarding.exchange.service.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * The console's own chain, beside the API's stateless one: people log in once with a form and keep a session, so
 * every form and every htmx request carries a CSRF token. Hubs see the hub pages, auditors the auditor pages; a page
 * of the wrong role is refused, and the refusal is in the access log as the API's are.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurity {

    private static final String HUB = Role.HUB.name();
    private static final String AUDITOR = Role.AUDITOR.name();

    /** Scripts and styles from this origin only: no inline script, so injected markup cannot run. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    @Bean
    @Order(2)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, Callers callers, ApplicationEventPublisher events,
            ObjectProvider<ClientRegistrationRepository> issuers, @Value("${exchange.security.jwt.roles-claim:roles}") String rolesClaim,
            @Value("${exchange.security.jwt.name-claim:sub}") String nameClaim) throws Exception {
        http.securityMatcher("/console", "/console/**", "/webjars/**", "/assets/**", "/oauth2/**", "/login/oauth2/**");
        http.authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                // The refusal page too: a form posted without its CSRF token is refused there, signed in or not.
                .requestMatchers("/console/login", "/console/refused", "/console/assets/**", "/webjars/**", "/assets/**", "/oauth2/**",
                        "/login/oauth2/**").permitAll()
                .requestMatchers("/console/hub", "/console/hub/**").hasRole(HUB)
                .requestMatchers("/console/auditor", "/console/auditor/**").hasRole(AUDITOR)
                .requestMatchers("/console/dead-letters", "/console/dead-letters/**").hasAnyRole(HUB, AUDITOR)
                .requestMatchers("/console", "/console/").authenticated()
                .anyRequest().denyAll());
        http.formLogin(form -> form.loginPage("/console/login").loginProcessingUrl("/console/login")
                .defaultSuccessUrl("/console", true).failureUrl("/console/login?error").permitAll());
        // With an OIDC issuer registered (spring.security.oauth2.client.registration.*), people may sign in there instead.
        if (issuers.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/console/login").defaultSuccessUrl("/console", true)
                    .failureUrl("/console/login?error").userInfoEndpoint(users -> users.oidcUserService(new ConsoleOidcUsers(rolesClaim, nameClaim))));
        }
        http.logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"));
        http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(refusalsLogged(callers, events)));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    private static AccessDeniedHandler refusalsLogged(Callers callers, ApplicationEventPublisher events) {
        AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
        page.setErrorPage("/console/refused");
        return (request, response, denied) -> {
            events.publishEvent(new AccessRefused(callers.current(), request.getMethod(), request.getRequestURI(), request.getQueryString()));
            page.handle(request, response, denied);
        };
    }
}
