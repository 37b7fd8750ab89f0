package org.safeguarding.exchange.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * The build's schema evolution gate: every top-level record of the contract (one file directly in src/main/avro)
 * has its released versions in history/&lt;Record&gt;/v&lt;n&gt;.avsc, and its current schema, as generated, reads
 * all of them (BACKWARD_TRANSITIVE, the registry's rule for every exchange subject).
 */
class SchemaHistoryTest {

    private static final Path HISTORY = Path.of("history");
    private static final Path CONTRACT = Path.of("src/main/avro");

    @Test
    void everyTopLevelRecordHasAReleasedHistory() throws IOException {
        assertThat(historyFolders()).containsExactlyInAnyOrderElementsOf(topLevelRecords());
        for (String record : topLevelRecords()) {
            assertThat(HISTORY.resolve(record).resolve("v1.avsc")).as("first release of " + record).isRegularFile();
        }
    }

    @Test
    void everyCurrentRecordReadsEveryReleasedVersion() throws IOException {
        List<String> breaks = topLevelRecords().stream()
                .flatMap(record -> CompatibilityGate.check(currentSchema(record),
                        CompatibilityGate.readHistory(HISTORY.resolve(record))).stream())
                .map(CompatibilityGate.Break::message)
                .toList();

        assertThat(breaks)
                .as("Schema changes that break BACKWARD_TRANSITIVE compatibility with a released version; the registry "
                        + "would refuse them. Give new fields a default, keep enum symbols, keep field types:%n%s",
                        String.join(System.lineSeparator(), breaks))
                .isEmpty();
    }

    @Test
    void releasedVersionsAreWholeSchemasNamedAsTheirRecord() throws IOException {
        for (String record : topLevelRecords()) {
            Map<String, Schema> versions = CompatibilityGate.readHistory(HISTORY.resolve(record));
            assertThat(versions).isNotEmpty();
            versions.values().forEach(schema -> assertThat(schema.getFullName()).isEqualTo("exchange.v1." + record));
        }
    }

    private static Schema currentSchema(String record) {
        try {
            return SpecificData.get().getSchema(Class.forName("exchange.v1." + record));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No generated class for " + record, e);
        }
    }

    private static List<String> topLevelRecords() throws IOException {
        try (Stream<Path> files = Files.list(CONTRACT)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".avsc"))
                    .map(n -> n.substring(0, n.length() - ".avsc".length())).sorted().toList();
        }
    }

    private static List<String> historyFolders() throws IOException {
        try (Stream<Path> folders = Files.list(HISTORY)) {
            return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        }
    }
}
