package org.safeguarding.exchange.service.security;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.security.internal.ExchangeUser;
import org.safeguarding.exchange.service.security.internal.GeneratedCredentials;
import org.safeguarding.exchange.service.security.internal.SecurityProperties;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users of the embedded default, held as bcrypt hashes only. Configured users come from
 * {@code exchange.security.users}; with none configured, one user per role and one per directory agency are created
 * with random passwords, kept in a file readable by its owner only ({@link GeneratedCredentials}) so that they
 * survive restarts.
 */
public class UserAccounts implements UserDetailsService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ExchangeUser> users = new ConcurrentHashMap<>();
    private final PasswordEncoder encoder;
    private Path generatedCredentialsFile;
    private Map<String, String> generatedAgencyPasswords = Map.of();

    UserAccounts(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    static UserAccounts configured(List<SecurityProperties.User> configured, PasswordEncoder encoder) {
        UserAccounts accounts = new UserAccounts(encoder);
        for (SecurityProperties.User user : configured) {
            if (user.name() == null || user.name().isBlank() || user.passwordHash() == null || user.passwordHash().isBlank()) {
                throw new IllegalArgumentException("Every exchange.security.users entry needs a name and a password-hash (bcrypt)");
            }
            accounts.add(new ExchangeUser(user.name(), user.passwordHash(), roles(user), user.agency()));
        }
        return accounts;
    }

    /** One user per role and per agency, with their passwords in {@code credentialsFile} (created on first use). */
    static UserAccounts generated(List<Agency> agencies, PasswordEncoder encoder, Path credentialsFile) {
        UserAccounts accounts = new UserAccounts(encoder);
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        Map<String, String> agencyOf = new HashMap<>();
        roles.put("auditor", EnumSet.of(Role.AUDITOR));
        roles.put("hub", EnumSet.of(Role.HUB));
        roles.put("admin", EnumSet.of(Role.ADMIN));
        for (Agency agency : agencies) {
            String name = agencyUserName(agency.code());
            roles.put(name, EnumSet.of(Role.AGENCY));
            agencyOf.put(name, agency.code());
        }
        Map<String, String> passwords = GeneratedCredentials.passwords(credentialsFile, new ArrayList<>(roles.keySet()),
                UserAccounts::randomPassword);
        roles.forEach((name, userRoles) -> accounts.add(
                new ExchangeUser(name, encoder.encode(passwords.get(name)), userRoles, agencyOf.get(name))));
        accounts.generatedCredentialsFile = credentialsFile.toAbsolutePath().normalize();
        Map<String, String> agencyPasswords = new LinkedHashMap<>();
        agencyOf.forEach((name, code) -> agencyPasswords.put(code, passwords.get(name)));
        accounts.generatedAgencyPasswords = Map.copyOf(agencyPasswords);
        return accounts;
    }

    /** Where the generated users' passwords are, when the users were generated rather than configured. */
    public Optional<Path> generatedCredentialsFile() {
        return Optional.ofNullable(generatedCredentialsFile);
    }

    /**
     * The generated password of each directory agency's user, by agency code, which the agency's Kafka user shares
     * (the access module); empty when the users are configured, since then only their hashes are known. The passwords
     * are in the credentials file already; they are for creating those Kafka users, not for showing anywhere.
     */
    public Map<String, String> generatedAgencyPasswords() {
        return generatedAgencyPasswords;
    }

    /** The name of an agency's generated user, and of its Kafka principal: the agency code in lower case. */
    public static String agencyUserName(String agencyCode) {
        return agencyCode.toLowerCase(Locale.ROOT);
    }

    /** Adds a user with a random password and returns the password (for the demo, which logs in as its own user). */
    public String addGeneratedUser(String name, Set<Role> roles, String agency) {
        String password = randomPassword();
        add(new ExchangeUser(name, encoder.encode(password), EnumSet.copyOf(roles), agency));
        return password;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ExchangeUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("No such user");
        }
        return user;
    }

    private void add(ExchangeUser user) {
        if (user.roles().contains(Role.AGENCY) && (user.agency() == null || user.agency().isBlank())) {
            throw new IllegalArgumentException("User " + user.name() + " has the AGENCY role but names no agency");
        }
        if (users.putIfAbsent(user.name(), user) != null) {
            throw new IllegalArgumentException("User " + user.name() + " is listed twice");
        }
    }

    private static Set<Role> roles(SecurityProperties.User user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String text : user.roles()) {
            roles.add(Role.parse(text).orElseThrow(() -> new IllegalArgumentException(
                    "User " + user.name() + " has unknown role '" + text + "'; roles are " + List.of(Role.values()))));
        }
        return roles;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
