package org.safeguarding.exchange.service.audit;

import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.register.EntryView;

/** One entry, the other entries of its request, and links to its inclusion proof, the verification and its case. */
public record EntryDetail(EntryView entry, List<EntryView> sameRequest, Map<String, String> links) {
}
