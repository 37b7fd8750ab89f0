package org.safeguarding.exchange.service.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.safeguarding.exchange.service.register.EntryView;
import org.safeguarding.exchange.service.register.RegisterSearch;
import org.safeguarding.exchange.service.register.SubjectEntry;
import org.safeguarding.exchange.service.security.Caller;
import org.safeguarding.exchange.service.security.Callers;
import org.springframework.beans.factory.annotation.Value;
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
 * and the access log. What each role sees is {@link ReadScope}; every read and every refusal goes to the
 * {@link AccessLog}.
 */
@RestController
@Tag(name = "Audit", description = "Reading the sharing register: search, timelines, exports, subject access, compliance, access log")
class AuditController {

    private static final int TIMELINE_LIMIT = 10_000;
    private static final int REPORT_LIMIT = 1_000;

    private final RegisterSearch search;
    private final AccessLog accessLog;
    private final Callers callers;
    private final int undecidedAfterDays;

    AuditController(RegisterSearch search, AccessLog accessLog, Callers callers,
            @Value("${exchange.audit.undecided-after-days:10}") int undecidedAfterDays) {
        this.search = search;
        this.accessLog = accessLog;
        this.callers = callers;
        this.undecidedAfterDays = undecidedAfterDays;
    }

    record Page(List<EntryView> entries, Long nextBefore) {
    }

    @GetMapping("/api/audit/entries")
    @Operation(summary = "Search the register", description = "Newest first, keyset-paged: pass nextBefore of one page as before of the next. "
            + "Auditors see everything; hubs every entry without its message; an agency only the entries it sent or received.")
    Page searchEntries(
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
        Caller caller = callers.current();
        ReadScope scope = ReadScope.of(caller);
        EntryQuery query = new EntryQuery(blankToNull(caseReference), blankToNull(agency), blankToNull(type), from, to, before, limit,
                blankToNull(requester), blankToNull(decision), blankToNull(consentStatus), lateOnly, null).visibleTo(scope.agency());
        List<EntryView> entries = search.find(query);
        accessLog.allowed(caller, "search", parameters(query), query.caseReference(), cases(entries), entries.size());
        Long next = entries.size() == query.limit() ? entries.get(entries.size() - 1).sequence() : null;
        return new Page(present(entries, scope), next);
    }

    record RequestThread(String requestId, List<EntryView> requests, List<EntryView> consentOutcomes, List<EntryView> decisions,
            List<EntryView> other) {
    }

    record Timeline(String caseReference, int entries, List<RequestThread> requests, List<EntryView> notLinkedToARequest) {
    }

    @GetMapping("/api/audit/cases/{caseReference}/timeline")
    @Operation(summary = "A case across agencies", description = "Every entry of the case in register order, each request with the "
            + "consent outcomes and decisions that answer it (linked by requestId); hazards and proactive disclosures apart. "
            + "An agency that is party to none of the case's entries is refused (403), and the refusal is logged.")
    Timeline timeline(@PathVariable String caseReference) {
        Caller caller = callers.current();
        ReadScope scope = ReadScope.of(caller);
        Map<String, Object> query = Map.of("caseReference", caseReference);
        List<EntryView> entries = search.byCase(caseReference, scope.agency(), TIMELINE_LIMIT);
        if (scope.restrictedToAgency() && entries.isEmpty()) {
            accessLog.refused(caller, "timeline", query, caseReference, "agency " + caller.agency() + " is party to no entry of this case");
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your agency is party to no entry of this case");
        }
        accessLog.allowed(caller, "timeline", query, caseReference, cases(entries), entries.size());
        Map<String, List<EntryView>> byRequest = new LinkedHashMap<>();
        List<EntryView> unlinked = new ArrayList<>();
        for (EntryView entry : present(entries, scope)) {
            String requestId = requestId(entry);
            if (requestId == null) {
                unlinked.add(entry);
            } else {
                byRequest.computeIfAbsent(requestId, id -> new ArrayList<>()).add(entry);
            }
        }
        List<RequestThread> threads = byRequest.entrySet().stream().map(e -> thread(e.getKey(), e.getValue())).toList();
        return new Timeline(caseReference, entries.size(), threads, unlinked);
    }

    record EntryDetail(EntryView entry, List<EntryView> sameRequest, Map<String, String> links) {
    }

    @GetMapping("/api/audit/entries/{sequence}")
    @Operation(summary = "One entry", description = "The entry, the other entries of its request, and links to its inclusion proof "
            + "(served under /api/register/proofs/inclusion), the register's verification and the case timeline.")
    EntryDetail entry(@PathVariable long sequence) {
        Caller caller = callers.current();
        ReadScope scope = ReadScope.of(caller);
        Map<String, Object> query = Map.of("sequence", sequence);
        EntryView entry = search.bySequence(sequence).orElse(null);
        if (entry != null && scope.restrictedToAgency() && !involves(entry, scope.agency())) {
            accessLog.refused(caller, "entry", query, entry.caseReference(), "agency " + caller.agency() + " neither sent nor received this entry");
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your agency neither sent nor received this entry");
        }
        if (entry == null) {
            accessLog.allowed(caller, "entry", query, null, List.of(), 0);
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No entry " + sequence);
        }
        String requestId = requestId(entry);
        List<EntryView> related = requestId == null ? List.of() : search.byRequest(requestId).stream()
                .filter(e -> e.sequence() != sequence && (!scope.restrictedToAgency() || involves(e, scope.agency()))).toList();
        List<EntryView> read = new ArrayList<>(related);
        read.add(entry);
        accessLog.allowed(caller, "entry", query, entry.caseReference(), cases(read), read.size());
        Map<String, String> links = new LinkedHashMap<>();
        links.put("inclusionProof", "/api/register/proofs/inclusion?sequence=" + sequence);
        links.put("verify", "/api/register/verify");
        if (entry.caseReference() != null) {
            links.put("timeline", "/api/audit/cases/" + entry.caseReference() + "/timeline");
        }
        return new EntryDetail(present(entry, scope), present(related, scope), links);
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
        Caller caller = callers.current();
        EntryQuery query = new EntryQuery(blankToNull(caseReference), blankToNull(agency), blankToNull(type), from, to, null, 1,
                blankToNull(requester), blankToNull(decision), blankToNull(consentStatus), lateOnly, null);
        StreamingResponseBody body = output -> {
            Set<String> cases = new HashSet<>();
            long[] rows = {0};
            String failure = null;
            try {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
                CsvWriter csv = new CsvWriter(writer);
                csv.header();
                search.forEach(query, entry -> {
                    csv.entry(entry);
                    rows[0]++;
                    if (entry.caseReference() != null && cases.size() <= AccessLog.MAX_CASES_LISTED) {
                        cases.add(entry.caseReference());
                    }
                });
                writer.flush();
            } catch (RuntimeException | java.io.IOException e) {
                failure = e.getClass().getSimpleName();
                throw e;
            } finally {
                Map<String, Object> logged = parameters(query);
                if (failure != null) {
                    logged.put("interrupted", failure);
                }
                accessLog.allowed(caller, "export", logged, query.caseReference(),
                        cases.size() > AccessLog.MAX_CASES_LISTED ? null : cases, rows[0]);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register-entries.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    record Withheld(int count, Map<String, Integer> grounds, String basis) {
    }

    record SubjectAccess(String caseReference, String personReference, int disclosedCount, List<EntryView> disclosed, Withheld withheld) {
    }

    @GetMapping("/api/audit/subject-access")
    @Operation(summary = "Subject access export (auditors)", description = "Everything the register holds about a case or a person, "
            + "leaving out entries marked withheldFromSubject, and saying how many were left out and on what grounds (Derby section 2).")
    SubjectAccess subjectAccess(@RequestParam(required = false) String caseReference, @RequestParam(required = false) String personReference) {
        String caseRef = blankToNull(caseReference);
        String person = blankToNull(personReference);
        if (caseRef == null && person == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Name a caseReference or a personReference");
        }
        Caller caller = callers.current();
        List<SubjectEntry> found = search.aboutSubject(caseRef, person);
        List<EntryView> disclosed = new ArrayList<>();
        Map<String, Integer> grounds = new TreeMap<>();
        for (SubjectEntry s : found) {
            if (s.withheldFromSubject() == null) {
                disclosed.add(s.entry());
            } else {
                grounds.merge(s.withheldFromSubject(), 1, Integer::sum);
            }
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("caseReference", caseRef);
        query.put("personReference", person);
        accessLog.allowed(caller, "subject-access", query, caseRef, cases(found.stream().map(SubjectEntry::entry).toList()), found.size());
        int withheld = found.size() - disclosed.size();
        return new SubjectAccess(caseRef, person, disclosed.size(), disclosed,
                new Withheld(withheld, grounds, "Derby section 2: information that must not be disclosed to the data subject"));
    }

    record Finding(String check, String rule, int count, boolean truncated, List<EntryView> entries) {
    }

    record ComplianceReport(Instant generatedAt, int undecidedAfterDays, List<Finding> findings) {
    }

    @GetMapping("/api/audit/compliance")
    @Operation(summary = "Compliance report (auditors, hubs)", description = "Accepted requests with no decision after the given number of "
            + "days; SHARE/SHARE_PARTIAL answers without a CONFIRMED identity check; requests and sharing without consent and without "
            + "a reason; late entries. The last three can exist only if they slipped past the policy or predate a rule.")
    ComplianceReport compliance(@Parameter(description = "default exchange.audit.undecided-after-days") @RequestParam(required = false)
            Integer undecidedAfterDays) {
        Caller caller = callers.current();
        ReadScope scope = ReadScope.of(caller);
        int days = undecidedAfterDays == null ? this.undecidedAfterDays : Math.max(0, undecidedAfterDays);
        Instant now = Instant.now();
        List<Finding> findings = List.of(
                finding("requestsWithoutDecision", "A request is answered by a decision within " + days + " days",
                        search.requestsWithoutDecision(now.minus(Duration.ofDays(days)), REPORT_LIMIT + 1), scope),
                finding("sharedWithoutConfirmedIdentity", "Contract rule 3, Hull 3.2: sharing in answer to a request needs a CONFIRMED identity check",
                        search.sharedWithoutConfirmedIdentity(REPORT_LIMIT + 1), scope),
                finding("withoutConsentOrReason", "Contract rule 2, Hull 3.1-3.3, Staffordshire 34: without consent, a reason is recorded",
                        search.withoutConsentOrReason(REPORT_LIMIT + 1), scope),
                finding("lateEntries", "Contract rule 4, Derby section 1: recorded within 24 hours of the event",
                        search.lateEntries(REPORT_LIMIT + 1), scope));
        List<EntryView> all = findings.stream().flatMap(f -> f.entries().stream()).toList();
        accessLog.allowed(caller, "compliance", Map.of("undecidedAfterDays", days), null, cases(all), all.size());
        return new ComplianceReport(now, days, findings);
    }

    @GetMapping("/api/audit/access-log")
    @Operation(summary = "Who has read the register (auditors)", description = "Newest first. With caseReference: every read that named "
            + "the case or returned any of its entries, every refusal about it, and bulk reads too large to list their cases "
            + "(caseReferences null), which may have included it.")
    Map<String, Object> accessLog(@RequestParam(required = false) String caseReference, @RequestParam(required = false) String principal,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "100") int limit) {
        Caller caller = callers.current();
        int pageSize = Math.max(1, Math.min(limit, 1000));
        List<AccessLog.Access> rows = accessLog.find(blankToNull(caseReference), blankToNull(principal), before, pageSize);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("caseReference", blankToNull(caseReference));
        query.put("principal", blankToNull(principal));
        accessLog.allowed(caller, "access-log", query, blankToNull(caseReference), List.of(), rows.size());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("accesses", rows);
        if (rows.size() == pageSize) {
            page.put("nextBefore", rows.get(rows.size() - 1).id());
        }
        return page;
    }

    private static Finding finding(String check, String rule, List<EntryView> found, ReadScope scope) {
        boolean truncated = found.size() > REPORT_LIMIT;
        List<EntryView> entries = truncated ? found.subList(0, REPORT_LIMIT) : found;
        return new Finding(check, rule, entries.size(), truncated, present(entries, scope));
    }

    private static RequestThread thread(String requestId, List<EntryView> entries) {
        List<EntryView> requests = new ArrayList<>();
        List<EntryView> consents = new ArrayList<>();
        List<EntryView> decisions = new ArrayList<>();
        List<EntryView> other = new ArrayList<>();
        for (EntryView e : entries) {
            switch (String.valueOf(e.recordType())) {
                case "ShareRequest" -> requests.add(e);
                case "ConsentOutcome" -> consents.add(e);
                case "ShareDecision" -> decisions.add(e);
                default -> other.add(e);
            }
        }
        return new RequestThread(requestId, requests, consents, decisions, other);
    }

    /** The request an entry belongs to; the register keeps it for requests, consent outcomes and decisions that name one. */
    private static String requestId(EntryView entry) {
        return entry.requestId() == null || entry.requestId().isBlank() ? null : entry.requestId();
    }

    static boolean involves(EntryView entry, String agency) {
        return agency.equals(entry.sendingAgency()) || entry.recipientAgencies().contains(agency);
    }

    static List<EntryView> present(List<EntryView> entries, ReadScope scope) {
        return scope.bodies() ? entries : entries.stream().map(EntryView::withoutMessage).toList();
    }

    static EntryView present(EntryView entry, ReadScope scope) {
        return scope.bodies() ? entry : entry.withoutMessage();
    }

    static Set<String> cases(List<EntryView> entries) {
        Set<String> cases = new HashSet<>();
        entries.forEach(e -> {
            if (e.caseReference() != null) {
                cases.add(e.caseReference());
            }
        });
        return cases;
    }

    private static Map<String, Object> parameters(EntryQuery q) {
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "caseReference", q.caseReference());
        put(p, "agency", q.agency());
        put(p, "requester", q.requester());
        put(p, "type", q.recordType());
        put(p, "decision", q.decision());
        put(p, "consentStatus", q.consentStatus());
        put(p, "lateOnly", q.lateOnly() ? Boolean.TRUE : null);
        put(p, "from", q.from() == null ? null : q.from().toString());
        put(p, "to", q.to() == null ? null : q.to().toString());
        put(p, "before", q.before());
        put(p, "visibleTo", q.visibleTo());
        return p;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
