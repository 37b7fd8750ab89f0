package org.safeguarding.exchange.service.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParagraphTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            hull-3.2/decision-reasons              | Hull 3.2
            hull-3.1/who-consented                 | Hull 3.1
            derby-4/linked-child                   | Derby section 4
            staffordshire-33/consent-position      | Staffordshire 33
            aspired-futures/child-views            | Aspired Futures
            contract-1/required-field              | Contract rule 1
            contract-headers/sender-present        | Contract (headers)
            contract/wire-format                   | Contract
            """)
    void namesTheParagraphARuleCites(String rule, String paragraph) {
        assertThat(PolicyParagraph.of(rule)).isEqualTo(paragraph);
    }
}
