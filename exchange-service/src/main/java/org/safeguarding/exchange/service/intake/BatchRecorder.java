package org.safeguarding.exchange.service.intake;

import java.util.List;
import org.safeguarding.exchange.service.lifecycle.ConsentAndHazards;
import org.safeguarding.exchange.service.register.Recorded;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a poll in one database transaction: the register entries and the hazard states and case involvements
 * they change, so that state and register can never disagree, whatever fails and whenever.
 */
@Component
class BatchRecorder {

    private final SharingRegister register;
    private final ConsentAndHazards consentAndHazards;

    BatchRecorder(SharingRegister register, ConsentAndHazards consentAndHazards) {
        this.register = register;
        this.consentAndHazards = consentAndHazards;
    }

    @Transactional
    public List<Recorded> record(AdmittedBatch batch) {
        List<Recorded> recorded = register.record(batch.entries());
        consentAndHazards.recordNew(recorded, batch.lifecycle());
        return recorded;
    }
}
