package org.safeguarding.exchange.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The two principals the embedded broker knows before any agency: its own administrator, a super user that signs in
 * with PLAIN (the broker's listeners list it), and the service, a SCRAM-SHA-512 user created once the broker runs.
 * {@link #in} keeps their passwords in {@value #FILE_NAME} under the data folder, readable by its owner only, so that a
 * restart finds them again; {@link #generate} makes throw-away ones (tests).
 */
public final class BrokerCredentials {

    /** No agency code can be this principal's name: codes are letters, digits and hyphens. */
    public static final String ADMIN_USER = "broker_admin";
    public static final String SERVICE_USER = "exchange-service";
    public static final String FILE_NAME = "kafka-credentials.properties";
    public static final String SASL_PLAINTEXT = "SASL_PLAINTEXT";
    public static final String SCRAM = "SCRAM-SHA-512";
    public static final String PLAIN = "PLAIN";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HEADER = """
            # Kafka principals of the embedded broker: user=password. broker_admin is the broker's super user (PLAIN);
            # exchange-service is the service's own SCRAM-SHA-512 user, set again at every start. Delete this file to have new
            # passwords generated at the next start.
            """;

    private final String adminPassword;
    private final String servicePassword;

    private BrokerCredentials(String adminPassword, String servicePassword) {
        this.adminPassword = adminPassword;
        this.servicePassword = servicePassword;
    }

    /** New random passwords, kept nowhere. */
    public static BrokerCredentials generate() {
        return new BrokerCredentials(randomPassword(), randomPassword());
    }

    /** The passwords kept in {@code <dataDir>/}{@value #FILE_NAME}, generated and written there on first use. */
    public static BrokerCredentials in(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                Properties kept = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    kept.load(reader);
                }
                String admin = kept.getProperty(ADMIN_USER);
                String service = kept.getProperty(SERVICE_USER);
                if (admin != null && service != null) {
                    if (posix()) {
                        Files.setPosixFilePermissions(file, OWNER_ONLY);
                    }
                    return new BrokerCredentials(admin, service);
                }
            }
            BrokerCredentials generated = generate();
            generated.write(file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the broker's credentials in " + file.toAbsolutePath(), e);
        }
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String servicePassword() {
        return servicePassword;
    }

    /** What a Kafka client signing in as the broker's administrator sets, besides {@code bootstrap.servers}. */
    public Map<String, String> adminClientSettings() {
        return Map.of("security.protocol", SASL_PLAINTEXT, "sasl.mechanism", PLAIN,
                "sasl.jaas.config", plainJaas(ADMIN_USER, adminPassword));
    }

    /** What a Kafka client signing in as the service sets, besides {@code bootstrap.servers}. */
    public Map<String, String> serviceClientSettings() {
        return scramClientSettings(SERVICE_USER, servicePassword);
    }

    /** What a Kafka client signing in as this SCRAM-SHA-512 user sets, besides {@code bootstrap.servers}. */
    public static Map<String, String> scramClientSettings(String user, String password) {
        return Map.of("security.protocol", SASL_PLAINTEXT, "sasl.mechanism", SCRAM, "sasl.jaas.config", scramJaas(user, password));
    }

    public static String plainJaas(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    public static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** Written to a new owner-only file and moved into place, so the passwords are never readable by others. */
    private void write(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path draft = posix()
                ? Files.createTempFile(folder, "kafka-credentials", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, "kafka-credentials", ".tmp");
        Files.writeString(draft, HEADER + ADMIN_USER + "=" + adminPassword + "\n" + SERVICE_USER + "=" + servicePassword + "\n",
                StandardCharsets.UTF_8);
        Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** URL-safe Base64: nothing that needs quoting in a JAAS option or a properties file. */
    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "BrokerCredentials[" + ADMIN_USER + ", " + SERVICE_USER + "]";
    }
}
