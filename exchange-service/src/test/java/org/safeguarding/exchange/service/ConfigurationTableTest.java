package org.safeguarding.exchange.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The README's configuration table and the settings the code defines agree: every {@code exchange.*} setting in the
 * configuration metadata (generated from the {@code @ConfigurationProperties} records) has a row, and every
 * {@code exchange.*} setting a row names exists.
 */
class ConfigurationTableTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theReadmeDocumentsEverySettingAndNoOther() throws IOException {
        Set<String> defined = definedSettings();
        Set<String> documented = documentedSettings();
        assertThat(defined).as("settings the code defines").isNotEmpty();

        assertThat(defined.stream().filter(name -> documented.stream().noneMatch(row -> covers(row, name))).toList())
                .as("settings without a row in the README's configuration table").isEmpty();
        assertThat(documented.stream().filter(row -> defined.stream().noneMatch(name -> covers(row, name))).toList())
                .as("rows of the README's configuration table naming no setting").isEmpty();
    }

    /** A row names a setting, or a list or map of them ({@code agencies[n].code}, {@code settings.<name>}). */
    private static boolean covers(String row, String setting) {
        return row.equals(setting) || setting.startsWith(row + ".") || row.startsWith(setting + ".");
    }

    private static Set<String> definedSettings() throws IOException {
        Set<String> names = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : List.of("META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(ConfigurationTableTest.class.getClassLoader().getResources(file))) {
                try (InputStream in = url.openStream()) {
                    JsonNode properties = json.readTree(in).path("properties");
                    properties.forEach(p -> {
                        if (p.path("name").asString().startsWith("exchange.")) {
                            names.add(p.path("name").asString());
                        }
                    });
                }
            }
        }
        return names;
    }

    /** The {@code exchange.*} names in the first column of the README's configuration table, lists and maps cut to their base. */
    private static Set<String> documentedSettings() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 1) < 0 ? section.length() : section.indexOf("\n## ", 1));
        Set<String> rows = new TreeSet<>();
        for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            Matcher names = CODE.matcher(line.split("\\|")[1]);
            while (names.find()) {
                String name = names.group(1).replaceAll("\\[n].*|\\.<.*|\\.\\*$", "");
                if (name.startsWith("exchange.")) {
                    rows.add(name);
                }
            }
        }
        return rows;
    }
}
