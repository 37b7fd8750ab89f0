package org.safeguarding.exchange.service.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The auditor API's settings.
 *
 * @param undecidedAfterDays the compliance report lists an accepted request as undecided once this many days have
 *                           passed without an accepted decision answering it
 */
@ConfigurationProperties("exchange.audit")
public record AuditProperties(@DefaultValue("10") int undecidedAfterDays) {
}
