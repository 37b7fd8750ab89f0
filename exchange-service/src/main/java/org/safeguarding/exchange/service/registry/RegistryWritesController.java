package org.safeguarding.exchange.service.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.registry.internal.RegistryWriteLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who changed the schema registry, for auditors (REGISTRY.md, "Who may do what"). */
@RestController
@Tag(name = "Registry writes", description = "Who registered schemas, changed compatibility levels or deleted, and who was refused")
class RegistryWritesController {

    private final RegistryWriteLog writes;

    RegistryWritesController(RegistryWriteLog writes) {
        this.writes = writes;
    }

    @GetMapping("/api/registry/writes")
    @Operation(summary = "The registry's write log (auditors)", description = "Newest first: every new schema version, "
            + "compatibility level set or removed, subject or version deleted, and every such change refused for want of "
            + "the ADMIN role. Narrowed by subject or principal; nextBefore pages on.")
    Map<String, Object> writes(@RequestParam(required = false) String subject, @RequestParam(required = false) String principal,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "100") int limit) {
        int pageSize = Math.max(1, Math.min(limit, 1000));
        List<RegistryWriteLog.Write> rows = writes.find(blankToNull(subject), blankToNull(principal), before, pageSize);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("writes", rows);
        if (rows.size() == pageSize) {
            page.put("nextBefore", rows.get(rows.size() - 1).id());
        }
        return page;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
