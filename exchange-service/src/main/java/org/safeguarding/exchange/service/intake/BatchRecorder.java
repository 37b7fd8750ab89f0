package org.safeguarding.exchange.service.intake;

import java.util.List;
import org.safeguarding.exchange.service.lifecycle.ConsentAndHazards;
import org.safeguarding.exchange.service.lifecycle.DeadlineFacts;
import org.safeguarding.exchange.service.register.Recorded;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a poll in one database transaction: the register entries and the hazard states, case involvements and
 * deadline facts they change, so that state and register can never disagree, whatever fails and whenever.
 */
@Component
class BatchRecorder {

    private final SharingRegister register;
    private final ConsentAndHazards consentAndHazards;
    private final DeadlineFacts deadlineFacts;

    BatchRecorder(SharingRegister register, ConsentAndHazards consentAndHazards, DeadlineFacts deadlineFacts) {
        this.register = register;
        this.consentAndHazards = consentAndHazards;
        this.deadlineFacts = deadlineFacts;
    }

    @Transactional
    public List<Recorded> record(AdmittedBatch batch) {
        List<Recorded> recorded = register.record(batch.entries());
        consentAndHazards.recordNew(recorded, batch.lifecycle());
        deadlineFacts.recordNew(recorded);
        return recorded;
    }
}
