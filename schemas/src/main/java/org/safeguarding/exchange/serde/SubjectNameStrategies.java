package org.safeguarding.exchange.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads a subject name strategy setting. Accepts this package's class names, Confluent's class names (so that a
 * Confluent properties file works unchanged), the bare simple names, a {@link Class}, or the name of any class that
 * implements {@link SubjectNameStrategy}.
 */
final class SubjectNameStrategies {

    private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

    private static final Map<String, SubjectNameStrategy> BUILT_IN = Map.of(
            "TopicNameStrategy", new TopicNameStrategy(),
            "RecordNameStrategy", new RecordNameStrategy(),
            "TopicRecordNameStrategy", new TopicRecordNameStrategy());

    private SubjectNameStrategies() {
    }

    static SubjectNameStrategy fromConfig(String key, Object value) {
        if (value == null) {
            return BUILT_IN.get("TopicNameStrategy");
        }
        if (value instanceof SubjectNameStrategy strategy) {
            return strategy;
        }
        String name = value instanceof Class<?> type ? type.getName() : value.toString().trim();
        String simpleName = name.substring(name.lastIndexOf('.') + 1);
        boolean ours = name.equals(simpleName) || name.startsWith(SubjectNameStrategy.class.getPackageName() + ".")
                || name.startsWith(CONFLUENT_PACKAGE);
        if (ours && BUILT_IN.containsKey(simpleName)) {
            return BUILT_IN.get(simpleName);
        }
        return instantiate(key, name);
    }

    private static SubjectNameStrategy instantiate(String key, String className) {
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : SubjectNameStrategies.class.getClassLoader());
            if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
                throw new ConfigException(key, className, "not a " + SubjectNameStrategy.class.getName()
                        + "; use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
            }
            return (SubjectNameStrategy) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(key, className, "unknown subject name strategy; use TopicNameStrategy, "
                    + "RecordNameStrategy or TopicRecordNameStrategy (ours or Confluent's class names)");
        }
    }
}
