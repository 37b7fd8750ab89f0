package org.safeguarding.exchange.service.registry.internal;

import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.safeguarding.exchange.registry.client.CachedSchemaRegistryClient;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.registry.client.SchemaRegistryClients;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.service.registry.SchemaRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry the service's own serde uses: the one it serves, in-process, unless {@code schema.registry.url}
 * names another (Confluent Schema Registry, Apicurio, Karapace), which is then used over HTTP with caching.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryClientConfiguration {

    @Bean
    public SchemaRegistryClient schemaRegistryClient(SchemaRegistry registry, @Value("${schema.registry.url:}") String externalUrl,
            @Value("${basic.auth.credentials.source:URL}") String credentialsSource,
            @Value("${basic.auth.user.info:}") String userInfo) {
        if (!externalUrl.isBlank()) {
            return SchemaRegistryClients.fromConfig(Map.of(SchemaRegistryClients.SCHEMA_REGISTRY_URL, externalUrl,
                    SchemaRegistryClients.BASIC_AUTH_CREDENTIALS_SOURCE, credentialsSource,
                    SchemaRegistryClients.BASIC_AUTH_USER_INFO, userInfo));
        }
        return new CachedSchemaRegistryClient(new LocalSchemaRegistryClient(registry));
    }

    /** Receipts are written as agencies write their messages: Confluent framing, TopicRecordNameStrategy subjects. */
    @Bean
    public Serializer<Object> receiptSerializer(SchemaRegistryClient registry) {
        return new ExchangeAvroSerializer(registry, Map.of(
                ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true,
                ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"),
                false);
    }
}
