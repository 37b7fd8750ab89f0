package org.safeguarding.exchange.service.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.safeguarding.exchange.service.directory.Agency;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users of the embedded default, held as bcrypt hashes only. Configured users come from
 * {@code exchange.security.users}; with none configured, one user per role and one per directory agency are created
 * with random passwords, which are printed once and then forgotten.
 */
public class UserAccounts implements UserDetailsService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ExchangeUser> users = new ConcurrentHashMap<>();
    private final PasswordEncoder encoder;

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

    /** One user per role and per agency, with random passwords printed once to {@code out}. */
    static UserAccounts generated(List<Agency> agencies, PasswordEncoder encoder, PrintStream out) {
        UserAccounts accounts = new UserAccounts(encoder);
        List<String> lines = new ArrayList<>();
        lines.add(accounts.generate("auditor", EnumSet.of(Role.AUDITOR), null));
        lines.add(accounts.generate("hub", EnumSet.of(Role.HUB), null));
        lines.add(accounts.generate("admin", EnumSet.of(Role.ADMIN), null));
        for (Agency agency : agencies) {
            lines.add(accounts.generate(agency.code().toLowerCase(java.util.Locale.ROOT), EnumSet.of(Role.AGENCY), agency.code()));
        }
        StringBuilder text = new StringBuilder("\n=== Users of this run (generated because exchange.security.users is empty;"
                + " the passwords are shown only now and kept only as bcrypt hashes) ===\n");
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
        out.println(text);
        return accounts;
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

    private String generate(String name, Set<Role> roles, String agency) {
        String password = addGeneratedUser(name, roles, agency);
        return String.format("%-22s %-28s roles %s%s", name, password, roles, agency == null ? "" : ", agency " + agency);
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
