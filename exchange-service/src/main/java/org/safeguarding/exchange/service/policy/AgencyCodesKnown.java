package org.safeguarding.exchange.service.policy;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/**
 * Contract, topics and agency directory: every agency code in a message, the sender's included, has the form
 * {@code [A-Z0-9][A-Z0-9-]{1,31}} (it names the agency's topics) and is in the agency directory. A code of the
 * wrong form is reported once, for its form; blank or missing codes are left to the required-field rules.
 */
final class AgencyCodesKnown implements Rule<SpecificRecord> {

    static final String RULE_ID = "contract-directory/known-agency";

    private static final Pattern CODE_FORM = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    private final KnownAgencies agencies;
    private final List<String> agencyFields;

    /** @param agencyFields the record's fields holding one agency code, or an array of them */
    AgencyCodesKnown(KnownAgencies agencies, String... agencyFields) {
        this.agencies = agencies;
        this.agencyFields = List.of(agencyFields);
    }

    @Override
    public void check(SpecificRecord message, Envelope envelope, Findings findings) {
        checkCode(SenderHeaderPresent.HEADER, envelope.sender(), findings);
        for (String field : agencyFields) {
            Object value = RecordFields.value(message, field);
            if (value instanceof Collection<?> codes) {
                int index = 0;
                for (Object code : codes) {
                    checkCode(field + "[" + index++ + "]", code, findings);
                }
            } else {
                checkCode(field, value, findings);
            }
        }
    }

    private void checkCode(String field, Object value, Findings findings) {
        if (RecordFields.isBlank(value)) {
            return;
        }
        String code = value.toString();
        if (!CODE_FORM.matcher(code).matches()) {
            findings.violation(field, RULE_ID, "'" + code + "' is not an agency code; codes are 2 to 32 capital letters,"
                    + " digits and hyphens, starting with a letter or digit, as listed in the agency directory.");
        } else if (!agencies.isKnown(code)) {
            findings.violation(field, RULE_ID, "Agency " + code
                    + " is not in the agency directory; check the code against the directory, or ask for the agency to be added.");
        }
    }
}
