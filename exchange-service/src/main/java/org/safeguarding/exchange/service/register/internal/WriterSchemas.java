package org.safeguarding.exchange.service.register.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.safeguarding.exchange.registry.client.SchemaNotFoundException;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.serde.WireFormat;
import org.safeguarding.exchange.service.register.EntryEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schemas messages were written with, from the registry the service decodes with, and the messages read back with
 * them. An entry records the SHA-256 of its schema's text (the schema as the registry gives it, written out by Avro),
 * so a message is only read back with the very schema it was recorded with: a schema changed in the registry's tables
 * changes no message a reader is shown. Schema ids never change meaning, so each is fetched once per instance.
 */
@Component
public class WriterSchemas {

    private static final Logger log = LoggerFactory.getLogger(WriterSchemas.class);
    /** Confluent framing: the magic byte and a 4-byte schema id before the Avro body. */
    private static final int HEADER_LENGTH = 5;
    /** Logical types decoded to the Java values the readable form writes as ISO-8601 text, as intake decoded them. */
    private static final GenericData MODEL = new GenericData();

    static {
        MODEL.addLogicalTypeConversion(new TimeConversions.DateConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        MODEL.addLogicalTypeConversion(new Conversions.DecimalConversion());
    }

    private final SchemaRegistryClient registry;
    private final TransactionOperations outsideTransactions;
    private final Map<Integer, Known> known = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> warned = new ConcurrentHashMap<>();

    /** For use without Spring's transactions (benchmarks, tools). */
    public WriterSchemas(SchemaRegistryClient registry) {
        this(registry, TransactionOperations.withoutTransaction());
    }

    @Autowired
    WriterSchemas(SchemaRegistryClient registry, PlatformTransactionManager transactions) {
        this(registry, outside(transactions));
    }

    private WriterSchemas(SchemaRegistryClient registry, TransactionOperations outsideTransactions) {
        this.registry = registry;
        this.outsideTransactions = outsideTransactions;
    }

    /**
     * The registry is asked outside the caller's transaction (the register's batch, a reader's snapshot): the service's own
     * registry answers an unknown id with an exception, which would otherwise mark that transaction for rollback.
     */
    private static TransactionOperations outside(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        return template;
    }

    /** A message read back from its bytes: the record, or why bytes that should read do not; both null when there is nothing to read. */
    public record ReadMessage(GenericRecord record, String problem) {

        public static final ReadMessage NOTHING = new ReadMessage(null, null);

        static ReadMessage problem(String why) {
            return new ReadMessage(null, why);
        }
    }

    private record Known(String text, byte[] sha256, GenericDatumReader<Object> reader) {
    }

    /**
     * SHA-256 of the UTF-8 text of schema {@code id}, or null when the registry holds no such schema (the message named
     * an id it never registered). A registry that cannot be reached is thrown, so that the batch is retried.
     */
    public byte[] sha256(int id) {
        Known schema = find(id);
        return schema == null ? null : schema.sha256().clone();
    }

    /** The text of schema {@code id}, whose SHA-256 the entries naming it record; empty when the registry holds none. */
    public Optional<String> text(int id) {
        return Optional.ofNullable(find(id)).map(Known::text);
    }

    /**
     * The message of an entry decoded with the schema it names, the writer's. Nothing to read for an entry without
     * bytes or schema; a problem when its bytes should read and do not, or when the registry's schema is no longer the
     * one the entry recorded (checked for entries that recorded one: every entry of version 2 onwards).
     */
    public ReadMessage read(int entryVersion, Integer schemaId, byte[] payload, byte[] recordedSchemaSha256) {
        if (payload == null || schemaId == null) {
            return ReadMessage.NOTHING;
        }
        if (entryVersion >= 2 && recordedSchemaSha256 == null) {
            return ReadMessage.problem("the entry recorded no schema for its message");
        }
        Known schema = find(schemaId);
        if (schema == null) {
            return warn(schemaId, "the registry holds no schema " + schemaId);
        }
        if (recordedSchemaSha256 != null && !Arrays.equals(schema.sha256(), recordedSchemaSha256)) {
            return warn(schemaId, "schema " + schemaId + " is not the schema the entry was recorded with");
        }
        if (!Integer.valueOf(schemaId).equals(WireFormat.schemaIdOrNull(payload))) {
            return ReadMessage.problem("the message bytes do not name schema " + schemaId);
        }
        try {
            BinaryDecoder body = DecoderFactory.get().binaryDecoder(payload, HEADER_LENGTH, payload.length - HEADER_LENGTH, null);
            Object value = schema.reader().read(null, body);
            return value instanceof GenericRecord record ? new ReadMessage(record, null) : ReadMessage.NOTHING;
        } catch (java.io.IOException | RuntimeException e) {
            return ReadMessage.problem("the message bytes do not read with schema " + schemaId + ": " + e.getMessage());
        }
    }

    private ReadMessage warn(int schemaId, String problem) {
        if (warned.putIfAbsent(schemaId, Boolean.TRUE) == null) {
            log.warn("Register entries naming schema {} are served without their message: {}; GET /api/register/verify names them",
                    schemaId, problem);
        }
        return ReadMessage.problem(problem);
    }

    private Known find(int id) {
        Known schema = known.get(id);
        if (schema != null) {
            return schema;
        }
        Schema fetched = outsideTransactions.execute(status -> {
            try {
                return registry.getSchemaById(id);
            } catch (SchemaNotFoundException e) {
                return null;
            }
        });
        if (fetched == null) {
            return null;
        }
        String text = fetched.toString();
        Known found = new Known(text, EntryEncoding.sha256(text.getBytes(StandardCharsets.UTF_8)),
                new GenericDatumReader<>(fetched, fetched, MODEL));
        Known raced = known.putIfAbsent(id, found);
        return raced == null ? found : raced;
    }
}
