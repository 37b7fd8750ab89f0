package org.safeguarding.exchange.service;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the exchange as a whole; each module's own are in its {@code *Properties} record.
 *
 * @param instanceId names this instance's Kafka transactions (the transactional id prefix), so that a restarted
 *                   instance fences its predecessor's unfinished ones; give each instance of a deployment its own
 *                   (environment variable {@code EXCHANGE_INSTANCE_ID})
 * @param embedded   where the service keeps the files it makes for itself
 */
@ConfigurationProperties("exchange")
public record ExchangeProperties(@DefaultValue("exchange-1") String instanceId, @DefaultValue Embedded embedded) {

    /**
     * @param dataDir where the generated users' passwords and the generated checkpoint key are kept; the embedded
     *                broker and PostgreSQL, when they run, keep their files there too
     */
    public record Embedded(@DefaultValue("./data") Path dataDir) {
    }

    /** The folder the service keeps its generated files in. */
    public Path dataDir() {
        return embedded.dataDir();
    }
}
