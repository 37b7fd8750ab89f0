package org.safeguarding.exchange.service.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.checkpoints.RegisterVerification;
import org.safeguarding.exchange.service.checkpoints.RegisterVerifier;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.safeguarding.exchange.service.register.EntryView;
import org.safeguarding.exchange.service.register.RegisterSearch;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register as auditors and hubs read it (../shared/CONTRACT.md, HTTP). */
@RestController
class RegisterController {

    private final RegisterSearch search;
    private final RegisterVerifier verifier;

    RegisterController(RegisterSearch search, RegisterVerifier verifier) {
        this.search = search;
        this.verifier = verifier;
    }

    @GetMapping("/api/register/entries")
    Map<String, Object> entries(
            @RequestParam(required = false) String caseReference,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int limit) {
        EntryQuery query = new EntryQuery(blankToNull(caseReference), blankToNull(agency), blankToNull(type), from, to, before, limit);
        List<EntryView> entries = search.find(query);
        Long next = entries.size() == query.limit() ? entries.get(entries.size() - 1).sequence() : null;
        return next == null ? Map.of("entries", entries) : Map.of("entries", entries, "nextBefore", next);
    }

    /** Every chain link and hash, every Merkle leaf, the root at every checkpoint and every checkpoint's signature. */
    @GetMapping("/api/register/verify")
    RegisterVerification verify() {
        return verifier.verify();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
