package org.safeguarding.exchange.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef;
import org.safeguarding.exchange.registry.client.SchemaRegistryClients;

/**
 * The serializer's and deserializer's settings, under Confluent's own keys and with Confluent's defaults, defined in
 * a {@link ConfigDef} as Kafka's own clients define theirs: each with its type, default, validator and documentation
 * ({@code CONFIG_DEF.toHtml()} or {@code toRst()} prints them).
 */
public record ExchangeAvroSerdeConfig(
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        boolean latestCompatibilityStrict,
        boolean specificAvroReader,
        SubjectNameStrategy keySubjectNameStrategy,
        SubjectNameStrategy valueSubjectNameStrategy) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    private static final String STRATEGY_DOC = "How the %s subject is named: TopicNameStrategy (<topic>-%s), RecordNameStrategy "
            + "(the record's full name) or TopicRecordNameStrategy (<topic>-<record full name>, which the exchange contract "
            + "uses for values); this package's or Confluent's class names, or any class implementing SubjectNameStrategy.";
    private static final ConfigDef.Validator STRATEGY = (name, value) -> SubjectNameStrategies.fromConfig(name, value);

    /** Every setting of the serializer and deserializer: these, and the registry client's. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef(SchemaRegistryClients.CONFIG_DEF)
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Serializer: register the record's schema under its subject when it is not there yet (the registry "
                            + "refuses an incompatible one); false: the schema must already be registered.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
                    "Serializer, with auto.register.schemas=false: write with the subject's latest schema instead of "
                            + "looking up the record's own.")
            .define(LATEST_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW,
                    "Serializer, with use.latest.version=true: refuse a record whose schema the latest version cannot read.")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Deserializer: read into the generated classes named by the writer's schema (the schemas jar) instead "
                            + "of GenericRecord.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, "TopicNameStrategy", STRATEGY, Importance.LOW,
                    STRATEGY_DOC.formatted("key", "key"))
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, "TopicNameStrategy", STRATEGY, Importance.LOW,
                    STRATEGY_DOC.formatted("value", "value"));

    /** The settings from a Kafka client's configuration; other keys are left alone. */
    public static ExchangeAvroSerdeConfig from(Map<String, ?> configs) {
        Map<String, Object> given = new HashMap<>(configs);
        // A strategy may also be an instance or a class, which ConfigDef's string type does not take: read as it is.
        Object keyStrategy = given.get(KEY_SUBJECT_NAME_STRATEGY) instanceof String ? null : given.remove(KEY_SUBJECT_NAME_STRATEGY);
        Object valueStrategy = given.get(VALUE_SUBJECT_NAME_STRATEGY) instanceof String ? null : given.remove(VALUE_SUBJECT_NAME_STRATEGY);
        Map<String, Object> parsed = CONFIG_DEF.parse(given);
        return new ExchangeAvroSerdeConfig(
                (Boolean) parsed.get(AUTO_REGISTER_SCHEMAS),
                (Boolean) parsed.get(USE_LATEST_VERSION),
                (Boolean) parsed.get(LATEST_COMPATIBILITY_STRICT),
                (Boolean) parsed.get(SPECIFIC_AVRO_READER),
                strategy(KEY_SUBJECT_NAME_STRATEGY, keyStrategy, parsed),
                strategy(VALUE_SUBJECT_NAME_STRATEGY, valueStrategy, parsed));
    }

    private static SubjectNameStrategy strategy(String key, Object given, Map<String, Object> parsed) {
        return SubjectNameStrategies.fromConfig(key, given != null ? given : parsed.get(key));
    }

    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
    }
}
