package org.safeguarding.exchange.service.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.checkpoints.VerificationReport;
import org.safeguarding.exchange.service.checkpoints.RegisterVerifier;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.safeguarding.exchange.service.register.EntryView;
import org.safeguarding.exchange.service.register.RegisterSearch;
import org.safeguarding.exchange.service.security.Caller;
import org.safeguarding.exchange.service.security.Callers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register as auditors and hubs read it (../shared/CONTRACT.md, HTTP), within the caller's {@link ReadScope}. */
@RestController
@Tag(name = "Register", description = "The contract's register endpoints")
class RegisterController {

    private final RegisterSearch search;
    private final RegisterVerifier verifier;
    private final AccessLog accessLog;
    private final Callers callers;

    RegisterController(RegisterSearch search, RegisterVerifier verifier, AccessLog accessLog, Callers callers) {
        this.search = search;
        this.verifier = verifier;
        this.accessLog = accessLog;
        this.callers = callers;
    }

    @GetMapping("/api/register/entries")
    @Operation(summary = "Register entries, newest first, keyset-paged (nextBefore)")
    Map<String, Object> entries(
            @RequestParam(required = false) String caseReference,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int limit) {
        Caller caller = callers.current();
        ReadScope scope = ReadScope.of(caller);
        EntryQuery query = new EntryQuery(blankToNull(caseReference), blankToNull(agency), blankToNull(type), from, to, before, limit)
                .visibleTo(scope.agency());
        List<EntryView> entries = search.find(query);
        Map<String, Object> logged = new LinkedHashMap<>();
        logged.put("caseReference", query.caseReference());
        logged.put("agency", query.agency());
        logged.put("type", query.recordType());
        logged.put("before", before);
        accessLog.allowed(caller, "register-entries", logged, query.caseReference(), AuditController.cases(entries), entries.size());
        Long next = entries.size() == query.limit() ? entries.get(entries.size() - 1).sequence() : null;
        List<EntryView> shown = AuditController.present(entries, scope);
        return next == null ? Map.of("entries", shown) : Map.of("entries", shown, "nextBefore", next);
    }

    /** Every chain link and hash, every Merkle leaf, the root at every checkpoint and every checkpoint's signature. */
    @GetMapping("/api/register/verify")
    @Operation(summary = "Whether the whole register is intact, and the first entry that is not")
    VerificationReport verify() {
        VerificationReport verification = verifier.verify();
        // Verification reads every entry but shows none: logged as a bulk read of its row count.
        accessLog.allowed(callers.current(), "verify", Map.of(), null, null, verification.entriesChecked());
        return verification;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
