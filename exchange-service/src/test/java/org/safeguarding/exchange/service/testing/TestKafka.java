package org.safeguarding.exchange.service.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.safeguarding.exchange.embedded.BrokerCredentials;
import org.safeguarding.exchange.embedded.EmbeddedKafka;
import org.safeguarding.exchange.service.security.UserAccounts;

/**
 * One Kafka broker for every test in the JVM: the same in-process KRaft broker the embedded default runs (Kafka's own
 * server), on a free port with its log under java.io.tmpdir (target/tmp), with authentication and ACLs on. Nobody is
 * anonymous: every client says who it is.
 * <ul>
 * <li>The service under test signs in as its own SCRAM user, {@code exchange-service}, and is given the broker
 * administrator's settings, so that it applies the ACLs of its directory at start-up ({@link #serviceProperties}).</li>
 * <li>An agency signs in as its own SCRAM user, the agency code in lower case, created here on first use with the
 * password {@link TestUsers#password} gives that name ({@link #agencyConfig}): the service under test is configured
 * with {@link TestUsers}' bcrypt hashes, so it knows no agency's password and creates no agency users. (A service
 * with generated users would give the agencies' users its own passwords, and the tests' agencies could not sign in.)</li>
 * <li>A test that reads or sets up everything signs in as the administrator, a super user ({@link #adminConfig}).</li>
 * </ul>
 */
public final class TestKafka {

    private static final BrokerCredentials CREDENTIALS = BrokerCredentials.generate();
    private static final Set<String> SCRAM_USERS = ConcurrentHashMap.newKeySet();
    private static EmbeddedKafka kafka;

    private TestKafka() {
    }

    public static String bootstrapServers() {
        return broker().bootstrapServers();
    }

    /** The Spring settings of a service under test: the broker, the service's own user, and the administrator's. */
    public static Map<String, String> serviceProperties() {
        return serviceProperties(bootstrapServers(), CREDENTIALS);
    }

    /** The same for a broker of a test's own, with these credentials (its service user created by the test). */
    public static Map<String, String> serviceProperties(String bootstrapServers, BrokerCredentials credentials) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        credentials.serviceClientSettings().forEach((key, value) -> properties.put(
                key.equals("security.protocol") ? "spring.kafka.security.protocol" : "spring.kafka.properties." + key, value));
        credentials.adminClientSettings().forEach((key, value) -> properties.put("exchange.access.admin." + key, value));
        return properties;
    }

    /** {@link #serviceProperties()} as command-line arguments. */
    public static List<String> serviceArguments() {
        return serviceProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** A Kafka client signing in as the broker's administrator, a super user. */
    public static Map<String, Object> adminConfig() {
        return broker().adminClientConfig();
    }

    /** A Kafka client signing in as the agency's own user (created on first use), as the directory's ACLs name it. */
    public static Map<String, Object> agencyConfig(String agencyCode) {
        String user = UserAccounts.agencyUserName(agencyCode);
        return scramConfig(user, TestUsers.password(user));
    }

    /** A Kafka client signing in as this SCRAM user, which is created (or given this password) on first use. */
    public static Map<String, Object> scramConfig(String user, String password) {
        if (SCRAM_USERS.add(user + "\n" + password)) {
            broker().addScramUser(user, password);
        }
        Map<String, Object> config = new HashMap<>(BrokerCredentials.scramClientSettings(user, password));
        config.put("bootstrap.servers", bootstrapServers());
        return config;
    }

    @SuppressWarnings("resource") // lives as long as the JVM
    private static synchronized EmbeddedKafka broker() {
        if (kafka == null) {
            try {
                kafka = EmbeddedKafka.start(Files.createTempDirectory("test-kafka"), 0, CREDENTIALS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            kafka.addScramUser(BrokerCredentials.SERVICE_USER, CREDENTIALS.servicePassword());
        }
        return kafka;
    }
}
