package org.safeguarding.exchange.service.signatures.internal;

import java.time.Duration;
import java.util.Map;
import org.safeguarding.exchange.service.signatures.SignatureMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code exchange.signatures}: how agencies prove they sent what they send (AUDITING.md, Signing messages).
 *
 * @param mode           whether messages must be signed ({@code required}) or may come unsigned and be flagged
 *                       {@code SENDER_NOT_PROVEN} ({@code optional}), for every agency not named in {@code agencies}
 * @param agencies       the mode of particular agencies, by code ({@code agencies.LA-HULL: optional})
 * @param generateKeys   whether the service makes a signing key for each directory agency that lists none, kept in
 *                       {@code <data-dir>/signing-keys/<CODE>.properties} (owner-only) as client settings; a
 *                       deployment whose agencies make their own keys lists them in the directory and turns this off
 * @param maxClockSkew   how far a message's send time may lie after the time the exchange received it
 */
@ConfigurationProperties("exchange.signatures")
public record SignatureProperties(
        @DefaultValue("required") SignatureMode mode,
        Map<String, SignatureMode> agencies,
        @DefaultValue("true") boolean generateKeys,
        @DefaultValue("5m") Duration maxClockSkew) {

    public SignatureProperties {
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
    }

    public SignatureMode modeOf(String agency) {
        return agency == null ? mode : agencies.getOrDefault(agency, mode);
    }
}
