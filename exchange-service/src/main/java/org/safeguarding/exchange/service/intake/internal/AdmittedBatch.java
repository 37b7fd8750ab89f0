package org.safeguarding.exchange.service.intake.internal;

import java.util.List;
import org.safeguarding.exchange.service.consent.ConsentBatch;
import org.safeguarding.exchange.service.hazards.HazardBatch;
import org.safeguarding.exchange.service.register.NewEntry;

/** A poll ready for the register: one entry per record, in poll order, and the consent and hazard changes it carries. */
public record AdmittedBatch(List<NewEntry> entries, ConsentBatch consent, HazardBatch hazards) {
}
