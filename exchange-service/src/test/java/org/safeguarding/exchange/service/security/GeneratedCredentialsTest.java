package org.safeguarding.exchange.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.exchange.service.directory.Agency.AgencyKind;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.security.internal.ExchangeUser;
import org.safeguarding.exchange.service.security.internal.SecurityProperties;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** With no users configured, the generated passwords are written once, readable by their owner only, and reused. */
class GeneratedCredentialsTest {

    // The lowest bcrypt cost: these tests check where passwords go, not how hard they are to guess.
    private final PasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private final Agency hull = new Agency("LA-HULL", "Hull City Council", AgencyKind.LOCAL_AUTHORITY);
    private final Agency oakfield = new Agency("SCH-OAKFIELD", "Oakfield Primary School", AgencyKind.EDUCATION);

    @TempDir
    Path dataDir;

    @Test
    void theFirstStartWritesAnOwnerOnlyFileWhosePasswordsLogIn() throws Exception {
        Path file = dataDir.resolve("credentials.properties");

        UserAccounts accounts = UserAccounts.generated(List.of(hull), encoder, file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(accounts.generatedCredentialsFile()).contains(file.toAbsolutePath().normalize());
        Properties passwords = read(file);
        assertThat(passwords.stringPropertyNames()).containsExactlyInAnyOrder("auditor", "hub", "admin", "la-hull");
        UserDetails agencyUser = accounts.loadUserByUsername("la-hull");
        assertThat(encoder.matches(passwords.getProperty("la-hull"), agencyUser.getPassword())).isTrue();
        assertThat(agencyUser.getPassword()).as("only the hash is held").isNotEqualTo(passwords.getProperty("la-hull"));
        assertThat(((ExchangeUser) agencyUser).agency()).isEqualTo("LA-HULL");
        assertThat(accounts.generatedAgencyPasswords()).as("the agencies' passwords, for their Kafka users")
                .containsExactly(java.util.Map.entry("LA-HULL", passwords.getProperty("la-hull")));
    }

    @Test
    void aLaterStartReusesThePasswordsAndAddsOnlyNewAgencies() throws Exception {
        Path file = dataDir.resolve("credentials.properties");
        UserAccounts.generated(List.of(hull), encoder, file);
        Properties first = read(file);

        UserAccounts restarted = UserAccounts.generated(List.of(hull, oakfield), encoder, file);

        Properties second = read(file);
        for (String user : first.stringPropertyNames()) {
            assertThat(second.getProperty(user)).as(user).isEqualTo(first.getProperty(user));
            assertThat(encoder.matches(first.getProperty(user), restarted.loadUserByUsername(user).getPassword())).isTrue();
        }
        assertThat(second.getProperty("sch-oakfield")).isNotBlank();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void configuredUsersWriteNoFile() {
        UserAccounts accounts = UserAccounts.configured(List.of(new SecurityProperties.User("jo", encoder.encode("x"),
                List.of("AUDITOR"), null)), encoder);

        assertThat(accounts.generatedCredentialsFile()).isEmpty();
        assertThat(accounts.generatedAgencyPasswords()).as("only hashes are known").isEmpty();
        assertThat(dataDir).isEmptyDirectory();
    }

    private static Properties read(Path file) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
