package org.safeguarding.exchange.service.signatures.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.service.files.OwnerOnlyFiles;
import org.safeguarding.exchange.service.signatures.VerifyingKey;
import org.safeguarding.exchange.signing.MessageSignature;
import org.safeguarding.exchange.signing.SigningKey;

/**
 * Signing keys the service makes for directory agencies that list none (the embedded default): one file per agency,
 * owner-only, holding the settings an {@code AgencyClient} signs with and the public half the directory checks with.
 * Made on first start and reused, so that what an agency signed keeps verifying across restarts. Valid from the
 * start: nothing can have been signed with it before it existed.
 */
public final class GeneratedSigningKeys {

    static final String PUBLIC_KEY = "exchange.signing.public.key";

    private GeneratedSigningKeys() {
    }

    /** The agency's key in {@code folder}, made now when it has none. */
    public static VerifyingKey keyOf(String agency, Path folder) {
        Path file = folder.resolve(agency + ".properties");
        try {
            if (!Files.exists(file)) {
                OwnerOnlyFiles.ownerOnlyFolder(folder);
                KeyPair pair = SigningKey.generate();
                byte[] publicKey = SigningKey.rawPublicKey(pair.getPublic());
                String keyId = agency + "-" + HexFormat.of().formatHex(MessageSignature.sha256(publicKey), 0, 4);
                OwnerOnlyFiles.write(file, "# The signing key of agency " + agency + ", made by the exchange because the directory lists"
                        + " none: client settings for AgencyClient.\n"
                        + SigningKey.KEY_ID + "=" + keyId + "\n"
                        + SigningKey.PRIVATE_KEY + "=" + SigningKey.encodePrivateKey(pair.getPrivate()) + "\n"
                        + PUBLIC_KEY + "=" + Base64.getEncoder().encodeToString(publicKey) + "\n");
            } else {
                OwnerOnlyFiles.restrictToOwner(file);
            }
            Map<String, Object> settings = AgencyClient.settings(file);
            return new VerifyingKey((String) settings.get(SigningKey.KEY_ID), agency,
                    Base64.getDecoder().decode((String) settings.get(PUBLIC_KEY)), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the signing key " + file.toAbsolutePath(), e);
        }
    }

    /** The key's client settings, for an agency the exchange made a key for; empty for any other. */
    public static Map<String, String> clientSettings(String agency, Path folder) {
        Path file = folder.resolve(agency + ".properties");
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, Object> settings = AgencyClient.settings(file);
        return Map.of(SigningKey.KEY_ID, (String) settings.get(SigningKey.KEY_ID), SigningKey.PRIVATE_KEY,
                (String) settings.get(SigningKey.PRIVATE_KEY));
    }
}
