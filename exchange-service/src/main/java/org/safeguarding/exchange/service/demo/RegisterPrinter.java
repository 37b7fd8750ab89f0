package org.safeguarding.exchange.service.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Prints the register API's answer as a table a person can read in a terminal. */
final class RegisterPrinter {

    private RegisterPrinter() {
    }

    static String table(String entriesJson) {
        JsonNode entries = JsonMapper.builder().build().readTree(entriesJson).path("entries");
        StringBuilder out = new StringBuilder(String.format("%-6s %-11s %-19s %-15s %-28s %-10s %s%n   ",
                "#", "outcome", "type", "from", "to", "flags", "entry hash"));
        for (JsonNode e : entries) {
            out.append(String.format("%-6s %-11s %-19s %-15s %-28s %-10s %s…%n   ",
                    e.path("sequence").asText(), e.path("outcome").asText(), e.path("recordType").asText(),
                    e.path("sendingAgency").asText(e.path("sender").asText()), join(e.path("recipientAgencies")),
                    join(e.path("flags")), e.path("entryHash").asText().substring(0, 16)));
            for (JsonNode v : e.path("violations")) {
                out.append("       violation ").append(v.path("field").asText()).append(": ").append(v.path("message").asText())
                        .append(String.format("%n   "));
            }
        }
        return out.toString();
    }

    /** The related-hazards answer: one line per active hazard, who presents it and which children it is linked to. */
    static String hazards(String hazardsJson) {
        JsonNode hazards = JsonMapper.builder().build().readTree(hazardsJson).path("hazards");
        if (hazards.isEmpty()) {
            return "(no active related hazard)";
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode h : hazards) {
            out.append(String.format("%s %-8s %s about %s, linked to %s; raised by %s, review due %s%n   ",
                    h.path("hazardId").asText(), h.path("status").asText(), h.path("category").asText(),
                    h.path("personReference").asText(), join(h.path("linkedChildren")), h.path("raisingAgency").asText(),
                    h.path("reviewDue").asText()));
        }
        return out.toString();
    }

    private static String join(JsonNode array) {
        StringBuilder s = new StringBuilder();
        for (JsonNode item : array) {
            s.append(s.isEmpty() ? "" : ",").append(item.asText());
        }
        return s.isEmpty() ? "-" : s.toString();
    }
}
