package org.safeguarding.exchange.service.console.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code exchange.console}: the hub and auditor web console.
 *
 * @param refresh how often the hub view sends its live figures (server-sent events)
 */
@ConfigurationProperties("exchange.console")
public record ConsoleProperties(@DefaultValue("PT2S") Duration refresh) {
}
