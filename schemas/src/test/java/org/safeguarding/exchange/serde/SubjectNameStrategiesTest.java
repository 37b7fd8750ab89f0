package org.safeguarding.exchange.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.ShareRequest;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectNameStrategiesTest {

    private static final String TOPIC = "exchange.share-requests";
    private final Schema record = ShareRequest.getClassSchema();

    @Test
    void theThreeStrategiesNameSubjectsAsConfluentDoes() {
        assertThat(new TopicNameStrategy().subjectName(TOPIC, false, record)).isEqualTo("exchange.share-requests-value");
        assertThat(new TopicNameStrategy().subjectName(TOPIC, true, record)).isEqualTo("exchange.share-requests-key");
        assertThat(new RecordNameStrategy().subjectName(TOPIC, false, record)).isEqualTo("exchange.v1.ShareRequest");
        assertThat(new TopicRecordNameStrategy().subjectName(TOPIC, false, record))
                .isEqualTo("exchange.share-requests-exchange.v1.ShareRequest");
        assertThat(new TopicRecordNameStrategy().subjectName(TOPIC, true, Schema.create(Schema.Type.STRING)))
                .isEqualTo("exchange.share-requests-string");
    }

    @Test
    void topicNameStrategyIsTheDefault() {
        assertThat(SubjectNameStrategies.fromConfig("value.subject.name.strategy", null)).isInstanceOf(TopicNameStrategy.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy",
            "org.safeguarding.exchange.serde.TopicRecordNameStrategy",
            "TopicRecordNameStrategy",
            " io.confluent.kafka.serializers.subject.TopicRecordNameStrategy "})
    void acceptsConfluentsClassNamesAndOurs(String configured) {
        assertThat(SubjectNameStrategies.fromConfig("value.subject.name.strategy", configured))
                .isInstanceOf(TopicRecordNameStrategy.class);
    }

    @Test
    void acceptsConfluentsRecordAndTopicStrategiesAndClasses() {
        assertThat(SubjectNameStrategies.fromConfig("k", "io.confluent.kafka.serializers.subject.RecordNameStrategy"))
                .isInstanceOf(RecordNameStrategy.class);
        assertThat(SubjectNameStrategies.fromConfig("k", "io.confluent.kafka.serializers.subject.TopicNameStrategy"))
                .isInstanceOf(TopicNameStrategy.class);
        assertThat(SubjectNameStrategies.fromConfig("k", RecordNameStrategy.class)).isInstanceOf(RecordNameStrategy.class);
    }

    /** A strategy of the user's own, loaded by class name. */
    public static final class UpperCaseStrategy implements SubjectNameStrategy {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return topic.toUpperCase();
        }
    }

    @Test
    void loadsAStrategyOfTheUsersOwn() {
        SubjectNameStrategy strategy = SubjectNameStrategies.fromConfig("k", UpperCaseStrategy.class.getName());

        assertThat(strategy.subjectName("t", false, record)).isEqualTo("T");
    }

    @Test
    void unknownStrategyNamesTheSettingAndTheChoices() {
        assertThatThrownBy(() -> SubjectNameStrategies.fromConfig("value.subject.name.strategy", "com.example.Nope"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("com.example.Nope")
                .hasMessageContaining("TopicRecordNameStrategy");
        assertThatThrownBy(() -> SubjectNameStrategies.fromConfig("key.subject.name.strategy", "java.lang.String"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a org.safeguarding.exchange.serde.SubjectNameStrategy");
    }
}
