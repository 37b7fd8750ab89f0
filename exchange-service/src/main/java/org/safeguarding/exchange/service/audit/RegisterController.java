package org.safeguarding.exchange.service.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import org.safeguarding.exchange.service.checkpoints.ExportFormat;
import org.safeguarding.exchange.service.checkpoints.VerificationReport;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The contract's register endpoints (CONTRACT.md, HTTP), through {@link RegisterReads}. */
@RestController
@Tag(name = "Register", description = "The contract's register endpoints")
class RegisterController {

    private final RegisterReads reads;

    RegisterController(RegisterReads reads) {
        this.reads = reads;
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
        EntryPage page = reads.search("register-entries", new EntryQuery(AuditController.blankToNull(caseReference),
                AuditController.blankToNull(agency), AuditController.blankToNull(type), from, to, before, limit));
        return page.nextBefore() == null ? Map.of("entries", page.entries())
                : Map.of("entries", page.entries(), "nextBefore", page.nextBefore());
    }

    /** Every entry, in leaf order, with every column its hash covers: what the offline verifier checks (CHECKPOINTS.md). */
    @GetMapping("/api/register/export")
    @Operation(summary = "The verifiable export of the whole register (JSON Lines)")
    ResponseEntity<StreamingResponseBody> export() {
        RegisterReads.VerifiableExport export = reads.verifiableExport();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ExportFormat.MEDIA_TYPE))
                .header("Content-Disposition", "attachment; filename=\"register.jsonl\"")
                .body(export::writeTo);
    }

    @GetMapping("/api/register/verify")
    @Operation(summary = "Whether the whole register is intact, and the first entry that is not")
    VerificationReport verify() {
        return reads.verify();
    }
}
