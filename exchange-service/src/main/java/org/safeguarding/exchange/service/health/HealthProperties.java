package org.safeguarding.exchange.service.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health checks.
 *
 * @param interval how often each part (database, Kafka, registry) is checked
 * @param timeout  a check still waiting for its answer after this long reports its part DOWN
 */
@ConfigurationProperties("exchange.health")
public record HealthProperties(@DefaultValue("500ms") Duration interval, @DefaultValue("500ms") Duration timeout) {
}
