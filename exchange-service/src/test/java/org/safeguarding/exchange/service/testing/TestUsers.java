package org.safeguarding.exchange.service.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The users every whole-service test configures ({@code exchange.security.users}), one per role and three agencies.
 * Hashed at bcrypt's lowest cost so that tests do not spend their time hashing. The agencies' Kafka users on the test
 * broker take their passwords from {@link #password} too ({@link TestKafka#agencyConfig}).
 */
public final class TestUsers {

    /** What {@code http()} logs in as: an auditor who may also read the service's metrics. */
    public static final String AUDITOR = "test-auditor";
    public static final String HUB = "test-hub";
    public static final String ADMIN = "test-admin";
    /** Agency users: Oakfield Primary School, Hull children's services, Humberside Police. */
    public static final String SCHOOL = "test-school";
    public static final String COUNCIL = "test-council";
    public static final String POLICE = "test-police";

    private record User(String name, List<String> roles, String agency) {
    }

    private static final List<User> USERS = List.of(
            new User(AUDITOR, List.of("AUDITOR", "ADMIN"), null),
            new User(HUB, List.of("HUB"), null),
            new User(ADMIN, List.of("ADMIN"), null),
            new User(SCHOOL, List.of("AGENCY"), "SCH-OAKFIELD"),
            new User(COUNCIL, List.of("AGENCY"), "LA-HULL"),
            new User(POLICE, List.of("AGENCY"), "POL-HUMBERSIDE"));

    private static final Map<String, String> PROPERTIES = properties();

    private TestUsers() {
    }

    public static String password(String user) {
        return "password-of-" + user;
    }

    /** The AGENCY user of an agency, if one of the test users is. */
    public static java.util.Optional<String> ofAgency(String agencyCode) {
        return USERS.stream().filter(u -> agencyCode.equals(u.agency())).map(User::name).findFirst();
    }

    /** {@code user:password}, as Confluent's {@code basic.auth.user.info} takes it. */
    public static String userInfo(String user) {
        return user + ":" + password(user);
    }

    public static String basicAuthorization(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code exchange.security.users[n].*} for every test user. */
    public static Map<String, String> springProperties() {
        return PROPERTIES;
    }

    private static Map<String, String> properties() {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < USERS.size(); i++) {
            User user = USERS.get(i);
            String prefix = "exchange.security.users[" + i + "].";
            properties.put(prefix + "name", user.name());
            properties.put(prefix + "password-hash", encoder.encode(password(user.name())));
            properties.put(prefix + "roles", String.join(",", user.roles()));
            if (user.agency() != null) {
                properties.put(prefix + "agency", user.agency());
            }
        }
        return properties;
    }
}
