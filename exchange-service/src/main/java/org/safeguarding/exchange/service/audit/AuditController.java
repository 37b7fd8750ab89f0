package org.safeguarding.exchange.service.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.audit.internal.AccessLog;
import org.safeguarding.exchange.service.audit.internal.CsvWriter;
import org.safeguarding.exchange.service.register.ConfirmedDelivery;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The auditor API: search, a case's timeline, an entry's detail, CSV export, subject access, the compliance report
 * and the access log. Maps requests to {@link RegisterReads}, which scopes and logs every read.
 */
@RestController
@Tag(name = "Audit", description = "Reading the sharing register: search, timelines, exports, subject access, compliance, access log")
class AuditController {

    private final RegisterReads reads;
    private final AuditProperties properties;

    AuditController(RegisterReads reads, AuditProperties properties) {
        this.reads = reads;
        this.properties = properties;
    }

    @GetMapping("/api/audit/entries")
    @Operation(summary = "Search the register", description = "Newest first, keyset-paged: pass nextBefore of one page as before of the next. "
            + "Auditors see everything; hubs every entry without its message; an agency only the entries it sent or received.")
    EntryPage searchEntries(
            @RequestParam(required = false) String caseReference,
            @Parameter(description = "entries this agency sent or received") @RequestParam(required = false) String agency,
            @Parameter(description = "the requester's name as recorded (any case)") @RequestParam(required = false) String requester,
            @Parameter(description = "ShareRequest, ConsentOutcome, ShareDecision or HazardNotification") @RequestParam(required = false) String type,
            @Parameter(description = "SHARE, SHARE_PARTIAL or DECLINE") @RequestParam(required = false) String decision,
            @Parameter(description = "GIVEN, REFUSED, NOT_SOUGHT or WITHDRAWN") @RequestParam(required = false) String consentStatus,
            @Parameter(description = "only entries flagged LATE_ENTRY") @RequestParam(defaultValue = "false") boolean lateOnly,
            @Parameter(description = "received at or after (ISO-8601)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @Parameter(description = "received before (ISO-8601)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Parameter(description = "nextBefore of the previous page") @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") int limit) {
        return reads.search("search", new EntryQuery(blankToNull(caseReference), blankToNull(agency), blankToNull(type), from, to, before,
                limit, blankToNull(requester), blankToNull(decision), blankToNull(consentStatus), lateOnly, null));
    }

    @GetMapping("/api/audit/cases/{caseReference}/timeline")
    @Operation(summary = "A case across agencies", description = "Every entry of the case in register order, each request with the "
            + "consent outcomes and decisions that answer it (linked by requestId); hazards and proactive disclosures apart. "
            + "An agency that is party to none of the case's entries is refused (403), and the refusal is logged.")
    CaseTimeline timeline(@PathVariable String caseReference) {
        return reads.timeline(caseReference);
    }

    @GetMapping("/api/audit/entries/{sequence}")
    @Operation(summary = "One entry", description = "The entry, the other entries of its request, and links to its inclusion proof "
            + "(served under /api/register/proofs/inclusion), the register's verification and the case timeline.")
    EntryDetail entry(@PathVariable long sequence) {
        return reads.entry(sequence).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No entry " + sequence));
    }

    @GetMapping("/api/audit/entries/{sequence}/deliveries")
    @Operation(summary = "How a recipient without Kafka received an entry's message", description = "The delivery confirmations "
            + "the inbox webhook connector wrote for the message: the partner's status, the reason for a failure, the attempts, "
            + "oldest first (connectors/README.md). An agency sees those of entries it sent or received.")
    List<ConfirmedDelivery> deliveries(@PathVariable long sequence) {
        return reads.deliveries(sequence).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No entry " + sequence));
    }

    @GetMapping(value = "/api/audit/export/entries.csv", produces = "text/csv")
    @Operation(summary = "Export entries as CSV (auditors)", description = "The same filters as the search, every matching entry, newest "
            + "first, streamed from a database cursor as it is read: any number of rows in constant memory.")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String caseReference,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) String requester,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String consentStatus,
            @RequestParam(defaultValue = "false") boolean lateOnly,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        RegisterReads.RegisterExport export = reads.export(new EntryQuery(blankToNull(caseReference), blankToNull(agency),
                blankToNull(type), from, to, null, 1, blankToNull(requester), blankToNull(decision), blankToNull(consentStatus), lateOnly, null));
        StreamingResponseBody body = output -> {
            CsvWriter csv = new CsvWriter(new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024));
            csv.header();
            export.writeTo(csv);
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register-entries.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    @GetMapping("/api/audit/subject-access")
    @Operation(summary = "Subject access export (auditors)", description = "Everything the register holds about a case or a person, "
            + "leaving out entries marked withheldFromSubject, and saying how many were left out and on what grounds (Derby section 2).")
    SubjectAccessExport subjectAccess(@RequestParam(required = false) String caseReference, @RequestParam(required = false) String personReference) {
        String caseRef = blankToNull(caseReference);
        String person = blankToNull(personReference);
        if (caseRef == null && person == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Name a caseReference or a personReference");
        }
        return reads.subjectAccess(caseRef, person);
    }

    @GetMapping("/api/audit/compliance")
    @Operation(summary = "Compliance report (auditors, hubs)", description = "Accepted requests with no decision after the given number of "
            + "days; SHARE/SHARE_PARTIAL answers without a CONFIRMED identity check; requests and sharing without consent and without "
            + "a reason; late entries. The last three can exist only if they slipped past the policy or predate a rule.")
    ComplianceReport compliance(@Parameter(description = "default exchange.audit.undecided-after-days") @RequestParam(required = false)
            Integer undecidedAfterDays) {
        return reads.compliance(undecidedAfterDays == null ? properties.undecidedAfterDays() : Math.max(0, undecidedAfterDays));
    }

    @GetMapping("/api/audit/access-log")
    @Operation(summary = "Who has read the register (auditors)", description = "Newest first. With caseReference: every read that named "
            + "the case or returned any of its entries, every refusal about it, and bulk reads too large to list their cases "
            + "(caseReferences null), which may have included it.")
    Map<String, Object> accessLog(@RequestParam(required = false) String caseReference, @RequestParam(required = false) String principal,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "100") int limit) {
        int pageSize = Math.max(1, Math.min(limit, 1000));
        List<AccessLog.Access> rows = reads.accessLog(blankToNull(caseReference), blankToNull(principal), before, pageSize);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("accesses", rows);
        if (rows.size() == pageSize) {
            page.put("nextBefore", rows.get(rows.size() - 1).id());
        }
        return page;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
