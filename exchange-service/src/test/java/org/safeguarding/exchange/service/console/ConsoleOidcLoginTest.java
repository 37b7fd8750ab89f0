package org.safeguarding.exchange.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.springframework.test.context.TestPropertySource;

/** With an OIDC issuer registered, the console offers to sign in there and sends the browser to it. */
@TestPropertySource(properties = {
        "spring.security.oauth2.client.registration.council.client-id=exchange-console",
        "spring.security.oauth2.client.registration.council.client-secret=not-a-secret",
        "spring.security.oauth2.client.registration.council.client-name=Hull City Council",
        "spring.security.oauth2.client.registration.council.scope=openid,profile",
        "spring.security.oauth2.client.registration.council.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.council.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.council.authorization-uri=https://sign-in.hull.example/authorize",
        "spring.security.oauth2.client.provider.council.token-uri=https://sign-in.hull.example/token",
        "spring.security.oauth2.client.provider.council.jwk-set-uri=https://sign-in.hull.example/keys",
        "spring.security.oauth2.client.provider.council.user-name-attribute=sub"})
class ConsoleOidcLoginTest extends ExchangeServiceTest {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theLoginPageOffersTheIssuerAndSignInGoesThereWithTheConsolesOwnCallback() throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(httpUrl() + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in with Hull City Council").contains("/oauth2/authorization/council");

        HttpResponse<String> start = client.send(HttpRequest.newBuilder(URI.create(httpUrl() + "/oauth2/authorization/council")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://sign-in.hull.example/authorize?").contains("client_id=exchange-console")
                .contains("scope=openid%20profile").contains("state=").contains("nonce=").contains("code_challenge_method=S256")
                .contains("redirect_uri=" + httpUrl() + "/login/oauth2/code/council");
    }
}
