package org.safeguarding.exchange.service.startup;

import exchange.v1.DeliveryConfirmation;
import exchange.v1.Receipt;
import exchange.v1.RegisterCheckpoint;
import exchange.v1.Reminder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.serde.SubjectNameStrategy;
import org.safeguarding.exchange.serde.TopicRecordNameStrategy;
import org.safeguarding.exchange.service.contract.ExchangeTopics;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Registers the contract's subjects when the service starts, before it serves HTTP or reads Kafka: each intake topic's
 * record type, and what the service writes itself (each directory agency's receipts, delivery confirmations passed on
 * with them and inbox reminders, the register checkpoints) or the inbox webhook connector writes as the service (the
 * delivery confirmations), under TopicRecordNameStrategy. So clients that serialize with {@code use.latest.version} and tools
 * that list subjects find them before anything has been sent, and agencies, who may not add schemas, find theirs
 * there. Through the service's own registry client: in-process and as the service for the built-in registry, over
 * HTTP for an external one. A subject that already has the schema is left as it is, so restarts add nothing.
 */
@Component
class ContractSubjects implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ContractSubjects.class);
    private static final SubjectNameStrategy SUBJECTS = new TopicRecordNameStrategy();

    private final SchemaRegistryClient registry;
    private final AgencyDirectory directory;

    ContractSubjects(SchemaRegistryClient registry, AgencyDirectory directory) {
        this.registry = registry;
        this.directory = directory;
    }

    /** Subject to schema, in the order they are registered. */
    Map<String, Schema> subjects() {
        Map<String, Schema> subjects = new LinkedHashMap<>();
        for (IntakeTopic intake : IntakeTopic.values()) {
            add(subjects, intake.topic(), SpecificData.get().getSchema(intake.recordType()));
        }
        for (Agency agency : directory.all()) {
            add(subjects, agency.receiptsTopic(), Receipt.getClassSchema());
            add(subjects, agency.inboxTopic(), Reminder.getClassSchema());
            add(subjects, agency.receiptsTopic(), DeliveryConfirmation.getClassSchema());
        }
        add(subjects, ExchangeTopics.REGISTER_CHECKPOINTS, RegisterCheckpoint.getClassSchema());
        add(subjects, ExchangeTopics.DELIVERY_CONFIRMATIONS, DeliveryConfirmation.getClassSchema());
        return subjects;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, Schema> subjects = subjects();
        subjects.forEach(registry::register);
        log.info("Contract subjects registered in the {}: {}", registry.location(), subjects.size());
    }

    private static void add(Map<String, Schema> subjects, String topic, Schema schema) {
        subjects.put(SUBJECTS.subjectName(topic, false, schema), schema);
    }
}
