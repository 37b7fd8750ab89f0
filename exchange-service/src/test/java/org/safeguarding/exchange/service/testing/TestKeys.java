package org.safeguarding.exchange.service.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.service.signatures.AgencyKeys;
import org.safeguarding.exchange.signing.MessageSignature;
import org.safeguarding.exchange.signing.SigningKey;

/**
 * The agencies' signing keys in tests: every service under test keeps its files in {@link #DATA_DIR}, where it makes
 * a key for each directory agency, and test agencies sign with those keys as the embedded default's agencies do.
 */
public final class TestKeys {

    /** The data folder of every service under test (generated keys, checkpoint key). */
    public static final Path DATA_DIR = Path.of("target", "test-data");

    private TestKeys() {
    }

    /** The agency's signing settings ({@link SigningKey#KEY_ID}, {@link SigningKey#PRIVATE_KEY}); empty before a service made them. */
    public static Map<String, Object> signingSettings(String agency) {
        Path file = DATA_DIR.resolve(AgencyKeys.GENERATED_FOLDER).resolve(agency + ".properties");
        Map<String, Object> settings = new HashMap<>();
        if (Files.exists(file)) {
            Map<String, Object> all = AgencyClient.settings(file);
            settings.put(SigningKey.KEY_ID, all.get(SigningKey.KEY_ID));
            settings.put(SigningKey.PRIVATE_KEY, all.get(SigningKey.PRIVATE_KEY));
        }
        return settings;
    }

    /** The agency's signing key, as its client would read it from its settings. */
    public static SigningKey signingKey(String agency) {
        SigningKey key = SigningKey.fromConfig(signingSettings(agency));
        if (key == null) {
            throw new IllegalStateException("No service under test has made a signing key for " + agency + " in " + DATA_DIR);
        }
        return key;
    }

    /** Adds the signature headers to a record as {@code key} signs it, claiming {@code sender}, sent at {@code sentAt}. */
    public static <K> ProducerRecord<K, byte[]> sign(ProducerRecord<K, byte[]> record, SigningKey key, String messageId, String sender,
            long sentAt) {
        sign(record.headers(), record.value(), key, messageId, sender, sentAt);
        return record;
    }

    /** Adds the signature headers of {@code value} to {@code headers}, as {@code key} signs it for {@code sender}. */
    public static void sign(Headers headers, byte[] value, SigningKey key, String messageId, String sender, long sentAt) {
        byte[] signature = MessageSignature.sign(key.privateKey(), MessageSignature.signedBytesOfValue(messageId, sender, sentAt, value));
        MessageSignature.addHeaders(headers, key.keyId(), sentAt, signature);
    }
}
