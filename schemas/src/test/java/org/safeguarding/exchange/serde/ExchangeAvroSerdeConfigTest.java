package org.safeguarding.exchange.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ExchangeAvroSerdeConfigTest {

    @Test
    void confluentsDefaultsApplyWhenNothingIsSet() {
        ExchangeAvroSerdeConfig config = ExchangeAvroSerdeConfig.from(Map.of("bootstrap.servers", "ignored:9092"));
        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.latestCompatibilityStrict()).isTrue();
        assertThat(config.specificAvroReader()).isFalse();
        assertThat(config.keySubjectNameStrategy()).isInstanceOf(TopicNameStrategy.class);
        assertThat(config.valueSubjectNameStrategy()).isInstanceOf(TopicNameStrategy.class);
    }

    @Test
    void valuesAreTakenAsTextBooleansClassesOrInstances() {
        ExchangeAvroSerdeConfig config = ExchangeAvroSerdeConfig.from(Map.of(
                ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false",
                ExchangeAvroSerdeConfig.SPECIFIC_AVRO_READER, true,
                ExchangeAvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, RecordNameStrategy.class,
                ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"));
        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.specificAvroReader()).isTrue();
        assertThat(config.keySubjectNameStrategy()).isInstanceOf(RecordNameStrategy.class);
        assertThat(config.valueSubjectNameStrategy()).isInstanceOf(TopicRecordNameStrategy.class);

        TopicRecordNameStrategy own = new TopicRecordNameStrategy();
        assertThat(ExchangeAvroSerdeConfig.from(Map.of(ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, own))
                .valueSubjectNameStrategy()).isSameAs(own);
    }

    @Test
    void aBadValueIsRefusedNamingItsSetting() {
        assertThatThrownBy(() -> ExchangeAvroSerdeConfig.from(Map.of(ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS);
        assertThatThrownBy(() -> ExchangeAvroSerdeConfig.from(Map.of(ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "NoSuchStrategy")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY);
    }

    @Test
    void everySettingIsDocumented() {
        assertThat(ExchangeAvroSerdeConfig.CONFIG_DEF.names()).containsExactlyInAnyOrder("schema.registry.url",
                "basic.auth.credentials.source", "basic.auth.user.info", "schema.registry.basic.auth.user.info",
                ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, ExchangeAvroSerdeConfig.USE_LATEST_VERSION,
                ExchangeAvroSerdeConfig.LATEST_COMPATIBILITY_STRICT, ExchangeAvroSerdeConfig.SPECIFIC_AVRO_READER,
                ExchangeAvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY);
        ExchangeAvroSerdeConfig.CONFIG_DEF.configKeys().values()
                .forEach(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    }
}
