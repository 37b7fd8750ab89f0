package org.safeguarding.exchange.service.directory;

import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * A partner agency on the exchange.
 *
 * @param keys the public halves of the keys the agency signs its messages with; old keys stay listed (with their
 *             validity) so that what they signed can still be checked
 */
public record Agency(String code, String name, AgencyKind kind, List<Key> keys) {

    @ConstructorBinding
    public Agency {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    public Agency(String code, String name, AgencyKind kind) {
        this(code, name, kind, List.of());
    }

    public String inboxTopic() {
        return "agency." + code + ".inbox";
    }

    public String receiptsTopic() {
        return "agency." + code + ".receipts";
    }

    public enum AgencyKind { LOCAL_AUTHORITY, HEALTH, POLICE, EDUCATION, CHARITY, PROBATION, OTHER }

    /**
     * One signing key of an agency.
     *
     * @param id         the key id agencies send in the {@code exchange-signature-key} header; unique in the directory
     * @param publicKey  the raw 32-byte Ed25519 public key, base64
     * @param validFrom  messages sent before this instant do not verify with this key (null: always valid before)
     * @param validUntil messages sent at or after this instant do not verify with this key (null: no end yet)
     */
    public record Key(String id, String publicKey, Instant validFrom, Instant validUntil) {
    }
}
