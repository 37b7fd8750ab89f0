package org.safeguarding.exchange.service.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safeguarding.exchange.service.audit.ComplianceReport.Finding;
import org.safeguarding.exchange.service.audit.internal.AccessLog;
import org.safeguarding.exchange.service.audit.internal.ReadScope;
import org.safeguarding.exchange.service.checkpoints.RegisterVerifier;
import org.safeguarding.exchange.service.checkpoints.VerificationReport;
import org.safeguarding.exchange.service.register.ConfirmedDelivery;
import org.safeguarding.exchange.service.register.DeliveryConfirmations;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.safeguarding.exchange.service.register.EntryView;
import org.safeguarding.exchange.service.register.RegisterSearch;
import org.safeguarding.exchange.service.register.SubjectEntry;
import org.safeguarding.exchange.service.security.Caller;
import org.safeguarding.exchange.service.security.Callers;
import org.springframework.stereotype.Service;

/**
 * The register as people read it. Every read goes through here: it is limited to what the caller's role may see
 * ({@link ReadScope}) and written to the access log (who, which query, when, how many rows, which cases), and so is
 * every refusal. HTTP endpoints call this and never the register's search directly ({@code ArchitectureTest}), so a
 * new endpoint cannot forget the log.
 */
@Service
public class RegisterReads {

    private static final int TIMELINE_LIMIT = 10_000;

    private final RegisterSearch search;
    private final DeliveryConfirmations deliveries;
    private final RegisterVerifier verifier;
    private final AccessLog accessLog;
    private final Callers callers;
    private final Clock clock;

    RegisterReads(RegisterSearch search, DeliveryConfirmations deliveries, RegisterVerifier verifier, AccessLog accessLog,
            Callers callers, Clock clock) {
        this.search = search;
        this.deliveries = deliveries;
        this.verifier = verifier;
        this.accessLog = accessLog;
        this.callers = callers;
        this.clock = clock;
    }

    /** Entries matching the filters, newest first, keyset-paged; logged as {@code action}. */
    public EntryPage search(String action, EntryQuery filters) {
        Caller caller = callers.current();
        ReadScope scope = ReadScope.of(caller);
        EntryQuery query = filters.visibleTo(scope.agency());
        List<EntryView> entries = search.find(query);
        accessLog.allowed(caller, action, parameters(query), query.caseReference(), cases(entries), entries.size());
        Long next = entries.size() == query.limit() ? entries.get(entries.size() - 1).sequence() : null;
        return new EntryPage(scope.present(entries), next);
    }

    /**
     * The entries of undecodable messages (the dead letters), newest first: who sent them, when, their size and why
     * they could not be read; logged as {@code dead-letters}. Refused to agencies, whose own are in their receipts.
     */
    public List<EntryView> deadLetters(Long before, int limit) {
        Caller caller = callers.current();
        ReadScope scope = ReadScope.of(caller);
        Map<String, Object> query = new LinkedHashMap<>();
        put(query, "before", before);
        if (scope.restrictedToAgency()) {
            throw refused(caller, "dead-letters", query, null, "agencies do not read the dead letters", "Agencies do not read the dead letters");
        }
        List<EntryView> entries = search.undecodable(before, Math.max(1, Math.min(limit, EntryQuery.MAX_LIMIT)));
        accessLog.allowed(caller, "dead-letters", query, null, cases(entries), entries.size());
        return scope.present(entries);
    }

    /** A case's entries in register order, grouped by request; refused to an agency party to none of them. */
    public CaseTimeline timeline(String caseReference) {
        return timeline(caseReference, null);
    }

    /**
     * As {@link #timeline(String)}, kept in the access log with the reason the reader stated for opening the case
     * (the console asks for one before it shows a child's records).
     */
    public CaseTimeline timeline(String caseReference, String statedReason) {
        Caller caller = callers.current();
        ReadScope scope = ReadScope.of(caller);
        Map<String, Object> query = Map.of("caseReference", caseReference);
        List<EntryView> entries = search.byCase(caseReference, scope.agency(), TIMELINE_LIMIT);
        if (scope.restrictedToAgency() && entries.isEmpty()) {
            throw refused(caller, "timeline", query, caseReference, "agency " + caller.agency() + " is party to no entry of this case",
                    "Your agency is party to no entry of this case");
        }
        accessLog.allowed(caller, "timeline", query, caseReference, cases(entries), entries.size(), statedReason);
        return CaseTimeline.of(caseReference, scope.present(entries));
    }

    /** One entry with the other entries of its request; empty when there is none; refused to an agency not party to it. */
    public Optional<EntryDetail> entry(long sequence) {
        return entry(sequence, null);
    }

    /** As {@link #entry(long)}, kept in the access log with the reason the reader stated for opening the entry. */
    public Optional<EntryDetail> entry(long sequence, String statedReason) {
        Caller caller = callers.current();
        ReadScope scope = ReadScope.of(caller);
        Map<String, Object> query = Map.of("sequence", sequence);
        EntryView entry = search.bySequence(sequence).orElse(null);
        if (entry == null) {
            accessLog.allowed(caller, "entry", query, null, List.of(), 0, statedReason);
            return Optional.empty();
        }
        if (!scope.sees(entry)) {
            throw refused(caller, "entry", query, entry.caseReference(), "agency " + caller.agency() + " neither sent nor received this entry",
                    "Your agency neither sent nor received this entry");
        }
        String requestId = CaseTimeline.requestId(entry);
        List<EntryView> related = requestId == null ? List.of() : search.byRequest(requestId).stream()
                .filter(e -> e.sequence() != sequence && scope.sees(e)).toList();
        List<EntryView> read = new ArrayList<>(related);
        read.add(entry);
        accessLog.allowed(caller, "entry", query, entry.caseReference(), cases(read), read.size(), statedReason);
        Map<String, String> links = new LinkedHashMap<>();
        links.put("inclusionProof", "/api/register/proofs/inclusion?sequence=" + sequence);
        links.put("verify", "/api/register/verify");
        if (entry.caseReference() != null) {
            links.put("timeline", "/api/audit/cases/" + entry.caseReference() + "/timeline");
        }
        return Optional.of(new EntryDetail(scope.present(entry), scope.present(related), links));
    }

    /**
     * How the delivery of an entry's message to a recipient without Kafka ended, as the inbox webhook confirmed it, oldest
     * first; empty when there is no such entry; refused to an agency not party to it.
     */
    public Optional<List<ConfirmedDelivery>> deliveries(long sequence) {
        Caller caller = callers.current();
        ReadScope scope = ReadScope.of(caller);
        Map<String, Object> query = Map.of("sequence", sequence);
        EntryView entry = search.bySequence(sequence).orElse(null);
        if (entry == null) {
            accessLog.allowed(caller, "deliveries", query, null, List.of(), 0);
            return Optional.empty();
        }
        if (!scope.sees(entry)) {
            throw refused(caller, "deliveries", query, entry.caseReference(), "agency " + caller.agency()
                    + " neither sent nor received this entry", "Your agency neither sent nor received this entry");
        }
        List<ConfirmedDelivery> confirmed = deliveries.ofEntry(sequence);
        accessLog.allowed(caller, "deliveries", query, entry.caseReference(), cases(List.of(entry)), confirmed.size());
        return Optional.of(confirmed);
    }

    /**
     * Every entry matching the filters (no paging), newest first, written one at a time from a database cursor; logged
     * once the last is written, or when writing stops, with the rows and cases written. The caller is taken now, as the
     * writing may happen on another thread.
     */
    public RegisterExport export(EntryQuery filters) {
        Caller caller = callers.current();
        return writer -> {
            Set<String> cases = new HashSet<>();
            long[] rows = {0};
            String failure = null;
            try {
                search.forEach(filters, entry -> {
                    try {
                        writer.entry(entry);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    rows[0]++;
                    if (entry.caseReference() != null && cases.size() <= AccessLog.MAX_CASES_LISTED) {
                        cases.add(entry.caseReference());
                    }
                });
                writer.finish();
            } catch (RuntimeException | IOException e) {
                failure = e.getClass().getSimpleName();
                throw e;
            } finally {
                Map<String, Object> logged = parameters(filters);
                if (failure != null) {
                    logged.put("interrupted", failure);
                }
                accessLog.allowed(caller, "export", logged, filters.caseReference(),
                        cases.size() > AccessLog.MAX_CASES_LISTED ? null : cases, rows[0]);
            }
        };
    }

    /** An export not yet written: {@link #writeTo} runs the query and logs the read. */
    @FunctionalInterface
    public interface RegisterExport {
        void writeTo(EntryWriter writer) throws IOException;
    }

    /** Everything about a case or a person that may be disclosed to them, and how much is withheld and why. */
    public SubjectAccessExport subjectAccess(String caseReference, String personReference) {
        Caller caller = callers.current();
        List<SubjectEntry> found = search.aboutSubject(caseReference, personReference);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("caseReference", caseReference);
        query.put("personReference", personReference);
        accessLog.allowed(caller, "subject-access", query, caseReference, cases(found.stream().map(SubjectEntry::entry).toList()),
                found.size());
        return SubjectAccessExport.of(caseReference, personReference, found);
    }

    /** The compliance review's findings, requests counting as undecided after {@code undecidedAfterDays}. */
    public ComplianceReport compliance(int undecidedAfterDays) {
        Caller caller = callers.current();
        ReadScope scope = ReadScope.of(caller);
        Instant now = clock.instant();
        int found = ComplianceReport.LISTED_PER_FINDING + 1;
        List<Finding> findings = List.of(
                Finding.of("requestsWithoutDecision", "A request is answered by a decision within " + undecidedAfterDays + " days",
                        scope.present(search.requestsWithoutDecision(now.minus(Duration.ofDays(undecidedAfterDays)), found))),
                Finding.of("sharedWithoutConfirmedIdentity", "Contract rule 3, Hull 3.2: sharing in answer to a request needs a CONFIRMED identity check",
                        scope.present(search.sharedWithoutConfirmedIdentity(found))),
                Finding.of("withoutConsentOrReason", "Contract rule 2, Hull 3.1-3.3, Staffordshire 34: without consent, a reason is recorded",
                        scope.present(search.withoutConsentOrReason(found))),
                Finding.of("lateEntries", "Contract rule 4, Derby section 1: recorded within 24 hours of the event",
                        scope.present(search.lateEntries(found))));
        ComplianceReport report = new ComplianceReport(now, undecidedAfterDays, findings);
        List<EntryView> listed = report.entries();
        accessLog.allowed(caller, "compliance", Map.of("undecidedAfterDays", undecidedAfterDays), null, cases(listed), listed.size());
        return report;
    }

    /** Who has read the register, newest first; with a case, every read and refusal that may have touched it. */
    public List<AccessLog.Access> accessLog(String caseReference, String principal, Long before, int limit) {
        List<AccessLog.Access> rows = accessLog.find(caseReference, principal, before, limit);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("caseReference", caseReference);
        query.put("principal", principal);
        accessLog.allowed(callers.current(), "access-log", query, caseReference, List.of(), rows.size());
        return rows;
    }

    /** Every chain link and hash, every Merkle leaf, the root at every checkpoint and every checkpoint's signature. */
    public VerificationReport verify() {
        VerificationReport verification = verifier.verify();
        // Verification reads every entry but shows none: logged as a bulk read of its row count.
        accessLog.allowed(callers.current(), "verify", Map.of(), null, null, verification.entriesChecked());
        return verification;
    }

    /**
     * The verifiable export (every entry in leaf order, with every column its hash covers): logged as a bulk read once
     * written. The caller is taken now, as the writing may happen on another thread.
     */
    public VerifiableExport verifiableExport() {
        Caller caller = callers.current();
        return out -> {
            long written = 0;
            String failure = null;
            try {
                written = verifier.export(out);
            } catch (RuntimeException e) {
                failure = e.getClass().getSimpleName();
                throw e;
            } finally {
                Map<String, Object> logged = new LinkedHashMap<>();
                if (failure != null) {
                    logged.put("interrupted", failure);
                }
                accessLog.allowed(caller, "verifiable-export", logged, null, null, written);
            }
        };
    }

    /** A verifiable export not yet written: {@link #writeTo} reads the register and logs the read. */
    @FunctionalInterface
    public interface VerifiableExport {
        void writeTo(OutputStream out);
    }

    private ReadRefused refused(Caller caller, String action, Map<String, Object> query, String caseReference, String logged,
            String told) {
        accessLog.refused(caller, action, query, caseReference, logged);
        return new ReadRefused(told);
    }

    private static Set<String> cases(List<EntryView> entries) {
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
}
