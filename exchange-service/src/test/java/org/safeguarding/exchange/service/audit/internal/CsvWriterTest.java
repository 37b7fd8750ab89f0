package org.safeguarding.exchange.service.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void plainTextIsLeftAlone() {
        assertThat(CsvWriter.field("LA-HULL")).isEqualTo("LA-HULL");
        assertThat(CsvWriter.field("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(CsvWriter.field("Shah, Priya")).isEqualTo("\"Shah, Priya\"");
        assertThat(CsvWriter.field("the \"plan\"")).isEqualTo("\"the \"\"plan\"\"\"");
        assertThat(CsvWriter.field("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(CsvWriter.field("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(CsvWriter.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvWriter.field("+44 1482")).isEqualTo("'+44 1482");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field("-1")).isEqualTo("'-1");
    }
}
