package org.safeguarding.exchange.service.console.internal;

import java.util.Locale;

/**
 * The policy paragraph a rule id cites, as POLICY.md names it: a rule id starts with its source and paragraph
 * ({@code hull-3.2/decision-reasons} is Hull 3.2, {@code derby-4/...} Derby section 4).
 */
public final class PolicyParagraph {

    private PolicyParagraph() {
    }

    public static String of(String ruleId) {
        if (ruleId == null || ruleId.isBlank()) {
            return "";
        }
        int slash = ruleId.indexOf('/');
        String source = slash < 0 ? ruleId : ruleId.substring(0, slash);
        if (source.equals("aspired-futures")) {
            return "Aspired Futures";
        }
        int dash = source.indexOf('-');
        String name = dash < 0 ? source : source.substring(0, dash);
        String paragraph = dash < 0 ? "" : source.substring(dash + 1);
        return switch (name) {
            case "hull" -> "Hull " + paragraph;
            case "derby" -> "Derby section " + paragraph;
            case "staffordshire" -> "Staffordshire " + paragraph;
            case "contract" -> paragraph.isEmpty() ? "Contract"
                    : paragraph.chars().allMatch(Character::isDigit) ? "Contract rule " + paragraph
                    : "Contract (" + paragraph.replace('-', ' ') + ")";
            default -> capitalised(name) + (paragraph.isEmpty() ? "" : " " + paragraph);
        };
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
