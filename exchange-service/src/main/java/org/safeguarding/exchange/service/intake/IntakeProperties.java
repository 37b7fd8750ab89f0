package org.safeguarding.exchange.service.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Intake settings.
 *
 * @param maxMessageBytes a message larger than this is rejected unread and its bytes are not kept (its hash is)
 * @param partitions      partitions of each intake topic when the service creates it
 */
@ConfigurationProperties("exchange.intake")
public record IntakeProperties(Integer maxMessageBytes, Integer partitions) {

    public IntakeProperties {
        maxMessageBytes = maxMessageBytes == null ? 256 * 1024 : maxMessageBytes;
        partitions = partitions == null ? 4 : partitions;
    }
}
