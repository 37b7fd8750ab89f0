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

    private static String join(JsonNode array) {
        StringBuilder s = new StringBuilder();
        for (JsonNode item : array) {
            s.append(s.isEmpty() ? "" : ",").append(item.asText());
        }
        return s.isEmpty() ? "-" : s.toString();
    }
}
