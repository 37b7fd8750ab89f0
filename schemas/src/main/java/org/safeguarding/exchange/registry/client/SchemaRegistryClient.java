package org.safeguarding.exchange.registry.client;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that a serializer and deserializer need. Every failure is a
 * {@link SchemaRegistryException}, itself a Kafka {@code SerializationException}, so that it reaches the producer
 * or consumer the way a serializer's own failure would.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it if already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** Looks up the id of a schema already registered under the subject, without registering it. */
    int getId(String subject, Schema schema);

    /** The schema with this global id. */
    Schema getSchemaById(int id);

    /** The newest version registered under the subject. */
    RegisteredSchema getLatestVersion(String subject);

    /** Where this client's registry lives, for error messages: the base URL(s), or mock://scope. */
    String location();
}
