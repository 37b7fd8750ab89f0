package org.safeguarding.exchange.service.console;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.safeguarding.exchange.service.audit.CaseTimeline;
import org.safeguarding.exchange.service.audit.EntryDetail;
import org.safeguarding.exchange.service.audit.RegisterReads;
import org.safeguarding.exchange.service.checkpoints.RegisterProofs;
import org.safeguarding.exchange.service.console.internal.CaseChain;
import org.safeguarding.exchange.service.console.internal.ReadReason;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * The auditor's view: register search, a case drawn as a chain, an entry with its message and inclusion proof, and the
 * access log. A case or an entry opens only after the auditor states why; the reason is kept with the read.
 */
@Controller
class AuditorPages {

    private static final int PAGE = 50;
    private static final String REASONS = "console.readReasons";

    private final RegisterReads reads;
    private final RegisterProofs proofs;
    private final ObjectMapper json;
    private final Clock clock;

    AuditorPages(RegisterReads reads, RegisterProofs proofs, ObjectMapper json, Clock clock) {
        this.reads = reads;
        this.proofs = proofs;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/console/auditor")
    String search(@RequestParam Map<String, String> filters, Model model) {
        model.addAttribute("filters", filters);
        model.addAttribute("choices", ReadReason.CHOICES);
        if (filters.containsKey("search")) {
            EntryQuery query = new EntryQuery(blank(filters.get("caseReference")), blank(filters.get("agency")), blank(filters.get("type")),
                    day(filters.get("from")), dayAfter(filters.get("to")), number(filters.get("before")), PAGE,
                    blank(filters.get("requester")), blank(filters.get("decision")), blank(filters.get("consentStatus")),
                    "true".equals(filters.get("lateOnly")), null);
            var page = reads.search("console-search", query);
            model.addAttribute("results", page.entries());
            model.addAttribute("next", page.nextBefore());
        }
        return "console/auditor";
    }

    @GetMapping("/console/auditor/cases/{caseReference}")
    String caseChain(@PathVariable String caseReference, HttpSession session, Model model) {
        Optional<ReadReason> reason = ReadReason.holding(reasons(session), caseKey(caseReference), clock.instant());
        if (reason.isEmpty()) {
            return prompt(model, "case " + caseReference, caseUrl(caseReference), null);
        }
        CaseTimeline timeline = reads.timeline(caseReference, reason.get().logged());
        model.addAttribute("timeline", timeline);
        model.addAttribute("chain", CaseChain.of(timeline));
        model.addAttribute("reason", reason.get().logged());
        return "console/case";
    }

    @PostMapping("/console/auditor/cases/{caseReference}")
    String stateCaseReason(@PathVariable String caseReference, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String details, HttpSession session, Model model) {
        return stated(reason, details, session, caseKey(caseReference), "case " + caseReference, caseUrl(caseReference), model);
    }

    @GetMapping("/console/auditor/entries/{sequence}")
    String entry(@PathVariable long sequence, @RequestParam(name = "case", required = false) String caseReference, HttpSession session,
            Model model) {
        Instant now = clock.instant();
        Optional<ReadReason> reason = ReadReason.holding(reasons(session), entryKey(sequence), now);
        boolean forCase = reason.isEmpty() && caseReference != null;
        if (forCase) {
            reason = ReadReason.holding(reasons(session), caseKey(caseReference), now);
        }
        if (reason.isEmpty()) {
            return prompt(model, "entry " + sequence, "/console/auditor/entries/" + sequence, null);
        }
        EntryDetail detail = reads.entry(sequence, reason.get().logged())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No entry " + sequence));
        if (forCase && !caseReference.equals(detail.entry().caseReference())) {
            // The reason was given for another case: ask again rather than show this one under it.
            return prompt(model, "entry " + sequence, "/console/auditor/entries/" + sequence, null);
        }
        model.addAttribute("detail", detail);
        model.addAttribute("entry", detail.entry());
        model.addAttribute("message", detail.entry().message() == null ? null
                : json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(detail.entry().message())));
        model.addAttribute("reason", reason.get().logged());
        proofs.inclusion(sequence).ifPresent(proof -> {
            model.addAttribute("proof", proof);
            model.addAttribute("leafData", Base64.getEncoder().encodeToString(proof.leafData()));
            model.addAttribute("auditPath", String.join(",", proof.auditPath()));
        });
        model.addAttribute("checkpoint", proofs.latest().orElse(null));
        return "console/entry";
    }

    @PostMapping("/console/auditor/entries/{sequence}")
    String stateEntryReason(@PathVariable long sequence, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String details, HttpSession session, Model model) {
        return stated(reason, details, session, entryKey(sequence), "entry " + sequence, "/console/auditor/entries/" + sequence, model);
    }

    @GetMapping("/console/auditor/access-log")
    String accessLog(@RequestParam(name = "case", required = false) String caseReference,
            @RequestParam(required = false) String principal, @RequestParam(required = false) Long before, Model model) {
        var rows = reads.accessLog(blank(caseReference), blank(principal), before, PAGE);
        model.addAttribute("rows", rows);
        model.addAttribute("caseReference", caseReference);
        model.addAttribute("principal", principal);
        model.addAttribute("full", rows.size() == PAGE);
        return "console/access-log";
    }

    private String stated(String code, String details, HttpSession session, String key, String what, String url, Model model) {
        ReadReason.Stated stated = ReadReason.of(code, details, clock.instant());
        if (stated instanceof ReadReason.Accepted accepted) {
            reasons(session).put(key, accepted.reason());
            return "redirect:" + url;
        }
        model.addAttribute("code", code);
        model.addAttribute("details", details);
        return prompt(model, what, url, (ReadReason.Refused) stated);
    }

    private String prompt(Model model, String what, String url, ReadReason.Refused problem) {
        model.addAttribute("what", what);
        model.addAttribute("action", url);
        model.addAttribute("choices", ReadReason.CHOICES);
        model.addAttribute("problem", problem);
        return "console/reason";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ReadReason> reasons(HttpSession session) {
        Object held = session.getAttribute(REASONS);
        if (held == null) {
            held = new HashMap<String, ReadReason>();
            session.setAttribute(REASONS, held);
        }
        return (Map<String, ReadReason>) held;
    }

    private static String caseKey(String caseReference) {
        return "case:" + caseReference;
    }

    private static String entryKey(long sequence) {
        return "entry:" + sequence;
    }

    private static String caseUrl(String caseReference) {
        return "/console/auditor/cases/" + UriUtils.encodePathSegment(caseReference, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Long number(String value) {
        return blank(value) == null ? null : Long.valueOf(value.strip());
    }

    private static Instant day(String value) {
        return blank(value) == null ? null : LocalDate.parse(value.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Instant dayAfter(String value) {
        return blank(value) == null ? null : LocalDate.parse(value.strip()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
