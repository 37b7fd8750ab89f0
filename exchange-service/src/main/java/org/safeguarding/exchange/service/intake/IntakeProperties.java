package org.safeguarding.exchange.service.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake settings.
 *
 * @param maxMessageBytes a message larger than this is rejected unread and its bytes are not kept (its hash is)
 * @param partitions      partitions of each intake topic when the service creates it
 */
@ConfigurationProperties("exchange.intake")
public record IntakeProperties(@DefaultValue("262144") int maxMessageBytes, @DefaultValue("4") int partitions) {
}
