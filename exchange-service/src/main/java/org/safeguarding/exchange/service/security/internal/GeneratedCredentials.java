package org.safeguarding.exchange.service.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.safeguarding.exchange.service.files.OwnerOnlyFiles;

/**
 * The passwords of the generated users, kept in a file readable by its owner only: created on the first start and
 * read on later ones, so that agency clients keep working across restarts. A user missing from the file (an agency
 * added to the directory) gets a new password, written back beside the others.
 */
public final class GeneratedCredentials {

    private static final String HEADER = """
            # Users of the embedded default, generated because exchange.security.users is empty: user=password.
            # auditor, hub and admin have the role of their name; every other user is the AGENCY user of the directory
            # agency whose code it is, in lower case. The service keeps only bcrypt hashes of these passwords.
            # Delete this file to have new passwords generated at the next start.
            """;

    private GeneratedCredentials() {
    }

    /** The password of each named user, from {@code file} where it has one, else a new one from {@code newPassword}. */
    public static Map<String, String> passwords(Path file, List<String> users, Supplier<String> newPassword) {
        try {
            Map<String, String> passwords = new LinkedHashMap<>(read(file));
            boolean added = false;
            for (String user : users) {
                if (!passwords.containsKey(user)) {
                    passwords.put(user, newPassword.get());
                    added = true;
                }
            }
            if (added) {
                write(file, passwords);
            } else {
                OwnerOnlyFiles.restrictToOwner(file);
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the generated credentials in " + file.toAbsolutePath(), e);
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> passwords = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(name -> passwords.put(name, properties.getProperty(name)));
        }
        return passwords;
    }

    private static void write(Path file, Map<String, String> passwords) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        passwords.forEach((user, password) -> text.append(user).append('=').append(password).append('\n'));
        OwnerOnlyFiles.write(file, text.toString());
    }
}
