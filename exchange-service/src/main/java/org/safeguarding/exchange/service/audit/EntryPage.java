package org.safeguarding.exchange.service.audit;

import java.util.List;
import org.safeguarding.exchange.service.register.EntryView;

/** A page of entries, newest first; {@code nextBefore} is the {@code before} of the next page, or null on the last. */
public record EntryPage(List<EntryView> entries, Long nextBefore) {
}
