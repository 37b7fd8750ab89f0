package org.safeguarding.exchange.service.signatures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeguarding.exchange.service.ExchangeProperties;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.safeguarding.exchange.service.signatures.internal.GeneratedSigningKeys;
import org.safeguarding.exchange.service.signatures.internal.SignatureProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every agency's signing keys by key id: those the directory lists, and, for agencies that list none while
 * {@code exchange.signatures.generate-keys} is on, the key the exchange made for them.
 */
@Component
@EnableConfigurationProperties(SignatureProperties.class)
public class AgencyKeys {

    /** The folder, under the data folder, of the keys the exchange makes for agencies. */
    public static final String GENERATED_FOLDER = "signing-keys";

    private final Map<String, VerifyingKey> byId = new LinkedHashMap<>();
    private final Path generatedFolder;

    AgencyKeys(AgencyDirectory directory, SignatureProperties properties, ExchangeProperties exchange) {
        Path folder = exchange.dataDir().resolve(GENERATED_FOLDER);
        boolean generated = false;
        for (Agency agency : directory.all()) {
            List<VerifyingKey> keys = new ArrayList<>();
            for (Agency.Key key : agency.keys()) {
                keys.add(new VerifyingKey(key.id(), agency.code(), publicKeyOf(agency, key), key.validFrom(), key.validUntil()));
            }
            if (keys.isEmpty() && properties.generateKeys()) {
                keys.add(GeneratedSigningKeys.keyOf(agency.code(), folder));
                generated = true;
            }
            for (VerifyingKey key : keys) {
                if (byId.put(key.keyId(), key) != null) {
                    throw new IllegalArgumentException("Signing key id " + key.keyId() + " is listed twice in exchange.directory.agencies");
                }
            }
        }
        this.generatedFolder = generated ? folder.toAbsolutePath().normalize() : null;
    }

    public Optional<VerifyingKey> find(String keyId) {
        return Optional.ofNullable(keyId == null ? null : byId.get(keyId));
    }

    public List<VerifyingKey> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The client settings ({@code exchange.signing.key.id}, {@code exchange.signing.private.key}) of the key the
     * exchange made for an agency; empty when it made none.
     */
    public Map<String, String> generatedSigningSettings(String agency) {
        return generatedFolder == null ? Map.of() : GeneratedSigningKeys.clientSettings(agency, generatedFolder);
    }

    /** Where the keys the exchange made for agencies are, when it made any. */
    public Optional<Path> generatedFolder() {
        return Optional.ofNullable(generatedFolder);
    }

    private static byte[] publicKeyOf(Agency agency, Agency.Key key) {
        try {
            byte[] raw = Base64.getDecoder().decode(key.publicKey() == null ? "" : key.publicKey().strip());
            if (raw.length == 32) {
                return raw;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("Key " + key.id() + " of agency " + agency.code() + " in exchange.directory.agencies: public-key must be"
                + " the raw 32-byte Ed25519 public key, base64");
    }
}
