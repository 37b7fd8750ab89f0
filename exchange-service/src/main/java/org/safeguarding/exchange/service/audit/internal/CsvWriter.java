package org.safeguarding.exchange.service.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.safeguarding.exchange.service.audit.EntryWriter;
import org.safeguarding.exchange.service.register.EntryView;

/**
 * Register entries as CSV (RFC 4180): a field with a comma, quote or line break is quoted and its quotes doubled. A
 * text field that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is prefixed
 * with a single quote, because these exports are opened in spreadsheets and their text comes from many agencies.
 */
public final class CsvWriter implements EntryWriter {

    public static final List<String> HEADER = List.of("sequence", "receivedAt", "outcome", "recordType", "caseReference", "sendingAgency",
            "recipientAgencies", "requesterName", "decision", "consentStatus", "occurredAt", "recordedAt", "lateEntry", "flags",
            "messageId", "entryHash", "message");

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void header() {
        row(HEADER);
    }

    @Override
    public void entry(EntryView e) {
        row(List.of(Long.toString(e.sequence()), text(e.receivedAt()), text(e.outcome()), text(e.recordType()), text(e.caseReference()),
                text(e.sendingAgency()), String.join(";", e.recipientAgencies()), text(e.requesterName()), text(e.decision()),
                text(e.consentStatus()), text(e.occurredAt()), text(e.recordedAt()), Boolean.toString(e.lateEntry()),
                String.join(";", e.flags()), text(e.messageId()), text(e.entryHash()), text(e.message())));
    }

    public static String field(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void row(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof Instant i ? i.toString() : value.toString();
    }
}
