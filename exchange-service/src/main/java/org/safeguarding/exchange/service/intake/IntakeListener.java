package org.safeguarding.exchange.service.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.exchange.service.delivery.Deliveries;
import org.safeguarding.exchange.service.intake.internal.AdmittedBatch;
import org.safeguarding.exchange.service.intake.internal.BatchRecorder;
import org.safeguarding.exchange.service.intake.internal.MessageIntake;
import org.safeguarding.exchange.service.register.Disposition;
import org.safeguarding.exchange.service.register.EntryViolation;
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

    static final String BATCH_TIMER = "exchange.intake.batch";
    static final String DELIVERY_DELAY_TIMER = "exchange.intake.delivery.delay";
    static final String REJECTIONS = "exchange.intake.rejections";

    private final MessageIntake intake;
    private final BatchRecorder recorder;
    private final Deliveries deliveries;
    private final MeterRegistry meters;
    // Where a poll's time goes, so that a slow delivery can be placed: checks and look-ups, the database transaction
    // (to its commit), or handing the outputs to the producer. The Kafka transaction's end (offsets and commit) follows
    // in the listener container; the producer's own metrics time it (txn-send-offsets-time-ns-total, txn-commit-time-ns-total).
    private final Timer admitting;
    private final Timer recording;
    private final Timer delivering;
    // How long after its sender sent it each message is handed to the producer for its inboxes and receipt: grows when
    // intake falls behind, whatever the reason.
    private final Timer deliveryDelay;
    private final Clock clock;

    IntakeListener(MessageIntake intake, BatchRecorder recorder, Deliveries deliveries, MeterRegistry meters, Clock clock) {
        this.intake = intake;
        this.recorder = recorder;
        this.deliveries = deliveries;
        this.meters = meters;
        this.admitting = batchTimer(meters, "admit");
        this.recording = batchTimer(meters, "record");
        this.delivering = batchTimer(meters, "deliver");
        this.deliveryDelay = Timer.builder(DELIVERY_DELAY_TIMER).description("Time from a message's send to its delivery")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.clock = clock;
    }

    private static Timer batchTimer(MeterRegistry meters, String phase) {
        return Timer.builder(BATCH_TIMER).tag("phase", phase).description("Time per intake poll spent in this phase")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @KafkaListener(id = "exchange-intake", topics = "#{T(org.safeguarding.exchange.service.contract.IntakeTopic).names()}",
            batch = "true")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        long start = System.nanoTime();
        AdmittedBatch admitted = intake.admitAll(records);
        long admittedAt = System.nanoTime();
        List<Recorded> recorded = recorder.record(admitted);
        long recordedAt = System.nanoTime();
        for (int i = 0; i < recorded.size(); i++) {
            Recorded result = recorded.get(i);
            deliveries.deliver(result, records.get(i));
            meters.counter("exchange.intake.messages", "topic", records.get(i).topic(),
                    "outcome", result.entry().message().outcome().name(), "disposition", result.disposition().name()).increment();
            if (result.disposition() == Disposition.NEW) {
                result.entry().message().violations().stream().map(EntryViolation::rule).distinct()
                        .forEach(rule -> meters.counter(REJECTIONS, "rule", rule).increment());
            }
        }
        long now = clock.millis();
        for (ConsumerRecord<String, byte[]> record : records) {
            deliveryDelay.record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
        }
        admitting.record(admittedAt - start, TimeUnit.NANOSECONDS);
        recording.record(recordedAt - admittedAt, TimeUnit.NANOSECONDS);
        delivering.record(System.nanoTime() - recordedAt, TimeUnit.NANOSECONDS);
    }
}
