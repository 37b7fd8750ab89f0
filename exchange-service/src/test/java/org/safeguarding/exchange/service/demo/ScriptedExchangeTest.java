package org.safeguarding.exchange.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestKafka;
import org.safeguarding.exchange.service.testing.TestKeys;
import org.safeguarding.exchange.service.testing.TestUsers;
import org.springframework.test.context.TestPropertySource;

/** The newcomer's demo, run against the service: every step lands where the story says it does. */
@TestPropertySource(properties = "exchange.reminders.interval=PT2S")
class ScriptedExchangeTest extends ExchangeServiceTest {

    @Test
    void theScriptedExchangeShowsInboxesReceiptsAndTheRegister() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new ScriptedExchange(code -> {
            // As each agency's settings file would give them: its Kafka user, registry login and signing key.
            Map<String, Object> settings = new HashMap<>(TestKafka.agencyConfig(code));
            settings.put("schema.registry.url", registryUrl());
            TestUsers.ofAgency(code).ifPresent(user -> {
                settings.put("basic.auth.credentials.source", "USER_INFO");
                settings.put("basic.auth.user.info", TestUsers.userInfo(user));
            });
            settings.putAll(TestKeys.signingSettings(code));
            return settings;
        }, httpUrl(), new PrintStream(printed, true, StandardCharsets.UTF_8), TestUsers.AUDITOR,
                TestUsers.password(TestUsers.AUDITOR)).run();
        String out = printed.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("Inbox of SCH-OAKFIELD (3 message(s) about this case)")
                .contains("Inbox of LA-HULL (4 message(s) about this case)")
                .containsPattern("Reminder +from EXCHANGE.*\\n +REQUEST_OVERDUE for REQ-\\d+-EARLIER")
                .contains("SHARE_PARTIAL")
                .contains("RAISED VIOLENT_OR_THREATENING_BEHAVIOUR about PERSON-MARK-D")
                .contains("child's views").doesNotContain("Inbox of POL-HUMBERSIDE (1");
        assertThat(out.lines().filter(l -> l.contains(" ACCEPTED register #"))).hasSize(5);
        assertThat(out.lines().filter(l -> l.contains(" REJECTED register #"))).hasSize(1);
        assertThat(out).contains("violation consent.reasonWithoutConsent");
        assertThat(out).contains("Register entries for CASE-DEMO-");
        String register = out.substring(out.indexOf("Register entries for CASE-DEMO-"));
        assertThat(register).doesNotContain("HTTP 40").contains("ShareDecision").contains("HazardNotification");
        assertThat(out).containsPattern("Related hazards of CASE-DEMO-\\d+ \\(GET /api/lifecycle/cases/CASE-DEMO-\\d+/related-hazards\\)")
                .containsPattern("HAZ-\\d+ ACTIVE +VIOLENT_OR_THREATENING_BEHAVIOUR about PERSON-MARK-D, linked to PERSON-AMY; raised by POL-HUMBERSIDE");
    }
}
