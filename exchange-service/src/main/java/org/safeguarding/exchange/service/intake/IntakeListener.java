package org.safeguarding.exchange.service.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.exchange.service.delivery.Deliveries;
import org.safeguarding.exchange.service.register.Recorded;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The pipeline, one poll at a time, inside one Kafka transaction that also carries the consumer offsets:
 * admit every record, record the whole batch in the register in one database transaction, then send what each
 * entry calls for. If anything fails the Kafka transaction aborts and the batch is read again; the register, keyed
 * by message id, recognises what it already holds, so nothing is registered twice and every output is produced
 * again inside a transaction that does commit (see README, "Exactly once").
 */
@Component
class IntakeListener {

    private final MessageIntake intake;
    private final BatchRecorder recorder;
    private final Deliveries deliveries;
    private final MeterRegistry meters;

    IntakeListener(MessageIntake intake, BatchRecorder recorder, Deliveries deliveries, MeterRegistry meters) {
        this.intake = intake;
        this.recorder = recorder;
        this.deliveries = deliveries;
        this.meters = meters;
    }

    @KafkaListener(id = "exchange-intake", topics = "#{T(org.safeguarding.exchange.service.contract.IntakeTopic).names()}",
            batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<Recorded> recorded = recorder.record(intake.admitAll(records));
        for (int i = 0; i < recorded.size(); i++) {
            Recorded result = recorded.get(i);
            deliveries.deliver(result, records.get(i));
            meters.counter("exchange.intake.messages", "topic", records.get(i).topic(),
                    "outcome", result.entry().message().outcome().name(), "disposition", result.disposition().name()).increment();
        }
    }
}
