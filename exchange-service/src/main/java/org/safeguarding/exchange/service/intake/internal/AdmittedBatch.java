package org.safeguarding.exchange.service.intake.internal;

import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.exchange.service.consent.ConsentBatch;
import org.safeguarding.exchange.service.hazards.HazardBatch;
import org.safeguarding.exchange.service.register.EntryKey;
import org.safeguarding.exchange.service.register.NewEntry;

/**
 * A poll ready for the register: one entry per record, in poll order, the consent and hazard changes it carries, and
 * the decoded message of each entry judged, by the register's key (the first, where a poll holds one twice).
 */
public record AdmittedBatch(List<NewEntry> entries, ConsentBatch consent, HazardBatch hazards, Map<EntryKey, SpecificRecord> messages) {
}
