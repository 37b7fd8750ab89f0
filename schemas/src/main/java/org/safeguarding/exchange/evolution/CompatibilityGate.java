package org.safeguarding.exchange.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * BACKWARD_TRANSITIVE, checked before release: the current schema of a record must read data written with every
 * released version of it (reader = current, writer = each old version), as the registry will demand. Each break is
 * reported with the record and the field it concerns, for example {@code ShareDecision.consent.status}, rather than
 * Avro's JSON pointer into the schema ({@code /fields/8/type/fields/0/type/symbols}).
 */
public final class CompatibilityGate {

    /** One way in which the current schema cannot read a released version. */
    public record Break(String record, String version, String field, String kind, String avroLocation) {
        public String message() {
            return field + ": " + kind + "; the current " + record + " cannot read data written with " + version
                    + " (Avro location " + avroLocation + ")";
        }
    }

    private CompatibilityGate() {
    }

    /** The released versions of one record, {@code v1.avsc}, {@code v2.avsc}, ... in a folder, oldest first. */
    public static Map<String, Schema> readHistory(Path recordFolder) {
        try (Stream<Path> files = Files.list(recordFolder)) {
            Map<String, Schema> versions = new LinkedHashMap<>();
            for (Path file : files.filter(f -> f.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparingInt(CompatibilityGate::versionNumber)).toList()) {
                versions.put(recordFolder.getFileName() + "/" + file.getFileName(), new Schema.Parser().parse(file.toFile()));
            }
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema history in " + recordFolder, e);
        }
    }

    /** Every break between the current schema and any released version; empty when all can be read. */
    public static List<Break> check(Schema current, Map<String, Schema> released) {
        List<Break> breaks = new ArrayList<>();
        released.forEach((version, old) -> collect(current.getName(), version, current, old, "", current.getName(), breaks));
        return breaks;
    }

    private static void collect(String record, String version, Schema reader, Schema writer, String locationPrefix,
                                String pathPrefix, List<Break> breaks) {
        for (Incompatibility incompatibility : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult().getIncompatibilities()) {
            Position at = walk(pathPrefix, reader, writer, incompatibility.getLocation());
            String location = locationPrefix + incompatibility.getLocation();
            if (incompatibility.getType() == SchemaCompatibility.SchemaIncompatibilityType.MISSING_UNION_BRANCH
                    && sameNamedType(at.reader, at.writer)) {
                // Avro stops at the union ("reader union lacking writer type: RECORD"); look inside for the real break.
                collect(record, version, at.reader, at.writer, location, at.path, breaks);
            } else {
                breaks.add(new Break(record, version, at.path, kind(incompatibility), location));
            }
        }
    }

    /** Where a JSON pointer of Avro's checker lands, in field names, and the reader and writer schemas there. */
    private record Position(String path, Schema reader, Schema writer) {
    }

    private static Position walk(String path, Schema reader, Schema writer, String pointer) {
        String[] steps = pointer.split("/");
        StringBuilder named = new StringBuilder(path);
        int i = 0;
        while (i < steps.length) {
            String step = steps[i];
            if (step.isEmpty() || step.equals("type")) {
                i++;
            } else if (step.equals("fields") && i + 1 < steps.length && reader != null && reader.getType() == Schema.Type.RECORD) {
                // Avro numbers fields by their position in the reader.
                Schema.Field field = reader.getFields().get(Integer.parseInt(steps[i + 1]));
                named.append('.').append(field.name());
                Schema.Field writerField = writer != null && writer.getType() == Schema.Type.RECORD ? writerField(writer, field) : null;
                reader = field.schema();
                writer = writerField == null ? null : writerField.schema();
                i += 2;
            } else if (step.equals("items") && reader != null && reader.getType() == Schema.Type.ARRAY) {
                named.append("[]");
                reader = reader.getElementType();
                writer = writer != null && writer.getType() == Schema.Type.ARRAY ? writer.getElementType() : null;
                i++;
            } else if (step.equals("values") && reader != null && reader.getType() == Schema.Type.MAP) {
                named.append("{}");
                reader = reader.getValueType();
                writer = writer != null && writer.getType() == Schema.Type.MAP ? writer.getValueType() : null;
                i++;
            } else if (step.chars().allMatch(Character::isDigit)) {
                // A union branch: Avro counts the writer's branches when the writer is a union.
                int branch = Integer.parseInt(step);
                if (writer != null && writer.getType() == Schema.Type.UNION) {
                    writer = writer.getTypes().get(branch);
                    if (reader != null && reader.getType() == Schema.Type.UNION) {
                        reader = matchingBranch(reader, writer);
                    }
                } else if (reader != null && reader.getType() == Schema.Type.UNION) {
                    reader = reader.getTypes().get(branch);
                }
                i++;
            } else {
                // symbols, name, size: a detail of the type reached, not a further field.
                break;
            }
        }
        return new Position(named.toString(), reader, writer);
    }

    private static Schema.Field writerField(Schema writer, Schema.Field readerField) {
        Schema.Field byName = writer.getField(readerField.name());
        if (byName != null) {
            return byName;
        }
        return readerField.aliases().stream().map(writer::getField).filter(f -> f != null).findFirst().orElse(null);
    }

    private static Schema matchingBranch(Schema readerUnion, Schema writerBranch) {
        for (Schema candidate : readerUnion.getTypes()) {
            if (candidate.getType() == writerBranch.getType()
                    && (!isNamed(candidate) || candidate.getFullName().equals(writerBranch.getFullName()))) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean sameNamedType(Schema reader, Schema writer) {
        return reader != null && writer != null && isNamed(reader) && reader.getType() == writer.getType()
                && reader.getFullName().equals(writer.getFullName());
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private static String kind(Incompatibility incompatibility) {
        String detail = incompatibility.getMessage();
        return switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "new field without a default, for which older data has no value";
            case MISSING_ENUM_SYMBOLS -> "enum symbol removed " + detail + ", which older data may hold";
            case TYPE_MISMATCH -> "type changed (" + detail + ")";
            case NAME_MISMATCH -> "named type renamed (" + detail + ")";
            case FIXED_SIZE_MISMATCH -> "fixed size changed (" + detail + ")";
            case MISSING_UNION_BRANCH -> "union branch removed (" + detail + ")";
            default -> incompatibility.getType() + " (" + detail + ")";
        };
    }

    private static int versionNumber(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf('.')));
    }
}
