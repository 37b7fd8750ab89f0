package org.safeguarding.exchange.service.registry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility;
import org.safeguarding.exchange.service.registry.CompatibilityLevel;
import org.safeguarding.exchange.service.registry.RegistryException;

/** Avro's own parser and compatibility checker, in the terms the registry needs. */
public final class AvroSchemas {

    public static final String AVRO = "AVRO";

    private AvroSchemas() {
    }

    /** A schema as the registry keeps it: the parsed form and the text that identifies it. */
    public record ParsedSchema(Schema schema, String canonicalForm, byte[] fingerprint) {
    }

    /**
     * Parses with Avro's parser, which also checks that defaults match their types. The canonical form
     * is the parsed schema written back (whitespace and key order no longer matter), the form Confluent
     * compares; it keeps defaults, docs and aliases, unlike Avro's "parsing canonical form", because a
     * schema that differs only in a default is a different schema for compatibility.
     */
    public static ParsedSchema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("the schema is empty");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema(String.valueOf(e.getMessage()));
        }
        String canonicalForm = schema.toString();
        return new ParsedSchema(schema, canonicalForm, fingerprint(canonicalForm));
    }

    public static Schema parseStored(String canonicalForm) {
        return new Schema.Parser().parse(canonicalForm);
    }

    private static byte[] fingerprint(String canonicalForm) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((AVRO + "\n").getBytes(StandardCharsets.UTF_8));
            return sha256.digest(canonicalForm.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Why {@code candidate} cannot join a subject whose earlier schema is {@code earlier} at the given
     * level, in the wording of Confluent's verbose answers; empty when it can.
     */
    public static List<String> incompatibilities(CompatibilityLevel level, Schema candidate, Schema earlier,
                                          int earlierVersion) {
        List<String> problems = new ArrayList<>();
        if (level.newReadsOld) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, earlier), "new", "old", problems);
        }
        if (level.oldReadsNew) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(earlier, candidate), "old", "new", problems);
        }
        if (!problems.isEmpty()) {
            problems.add("{oldSchemaVersion: " + earlierVersion + "}");
            problems.add("{oldSchema: '" + earlier + "'}");
            problems.add("{compatibility: '" + level + "'}");
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility pair, String reader, String writer,
                                 List<String> problems) {
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            problems.add("{errorType:'" + incompatibility.getType() + "', description:'The " + reader
                    + " schema cannot read data written with the " + writer + " schema, at "
                    + incompatibility.getLocation() + "', additionalInfo:'" + incompatibility.getMessage() + "'}");
        }
    }
}
