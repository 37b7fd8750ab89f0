package org.safeguarding.exchange.service.intake.internal;

import java.util.List;
import org.safeguarding.exchange.service.consent.ConsentHistory;
import org.safeguarding.exchange.service.deadlines.DeadlineFacts;
import org.safeguarding.exchange.service.hazards.Hazards;
import org.safeguarding.exchange.service.register.Recorded;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a poll in one database transaction: the register entries, then the consent outcomes, hazard states, case
 * involvements and deadline facts of the entries the register wrote as new, so that those tables and the register can
 * never disagree, whatever fails and whenever. Each module writes its own tables from the register's answer.
 * <p>
 * The calls are made here, in order, rather than by an event the register publishes in its transaction: consent and
 * hazards write what intake judged in this poll (the hazard states it was judged against, the outcomes it accepted),
 * which only intake holds, and one method that names every write of the transaction is the plainest account of it.
 */
@Component
public class BatchRecorder {

    private final SharingRegister register;
    private final ConsentHistory consent;
    private final Hazards hazards;
    private final DeadlineFacts deadlineFacts;

    public BatchRecorder(SharingRegister register, ConsentHistory consent, Hazards hazards, DeadlineFacts deadlineFacts) {
        this.register = register;
        this.consent = consent;
        this.hazards = hazards;
        this.deadlineFacts = deadlineFacts;
    }

    @Transactional
    public List<Recorded> record(AdmittedBatch batch) {
        List<Recorded> recorded = register.record(batch.entries());
        consent.recordNew(recorded, batch.consent());
        hazards.recordNew(recorded, batch.hazards());
        deadlineFacts.recordNew(recorded, batch.messages());
        return recorded;
    }
}
