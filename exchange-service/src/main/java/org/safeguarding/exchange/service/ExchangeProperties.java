package org.safeguarding.exchange.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the exchange as a whole; each module's own are in its {@code *Properties} record.
 *
 * @param instanceId names this instance's Kafka transactions (the transactional id prefix), so that a restarted
 *                   instance fences its predecessor's unfinished ones; give each instance of a deployment its own
 *                   (environment variable {@code EXCHANGE_INSTANCE_ID})
 */
@ConfigurationProperties("exchange")
public record ExchangeProperties(@DefaultValue("exchange-1") String instanceId) {
}
