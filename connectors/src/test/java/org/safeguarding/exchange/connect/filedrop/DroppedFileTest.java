package org.safeguarding.exchange.connect.filedrop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DroppedFileTest {

    private static final DroppedFile FILE = new DroppedFile("request-1.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    @Test
    void offsetsAreTheNameAndTheContentHash() {
        assertThat(FILE.sha256()).isEqualTo("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
        assertThat(FILE.sourcePartition("/drop/in")).isEqualTo(Map.of("folder", "/drop/in", "file", "request-1.json"));
        assertThat(FILE.sourceOffset()).isEqualTo(Map.of("sha256", FILE.sha256()));
        assertThat(FILE.isRecordedIn(Map.of("sha256", FILE.sha256()))).isTrue();
        assertThat(FILE.isRecordedIn(Map.of("sha256", "00"))).as("changed since").isFalse();
        assertThat(FILE.isRecordedIn(null)).as("never sent").isFalse();
    }

    @Test
    void theMessageIdFollowsAgencyNameAndContent() {
        // A name-based UUID (version 3) of "file-drop:<agency>:<name>:<sha256 hex>".
        assertThat(FILE.messageId("SCH-OAKFIELD")).isEqualTo("8702145f-f8ab-3d96-af95-dc0ea2802322");
        assertThat(FILE.messageId("SCH-OAKFIELD")).isNotEqualTo(FILE.messageId("LA-HULL"));
        assertThat(new DroppedFile("request-2.json", FILE.content()).messageId("SCH-OAKFIELD")).isNotEqualTo(FILE.messageId("SCH-OAKFIELD"));
        assertThat(new DroppedFile("request-1.json", "{\"a\":2}".getBytes(StandardCharsets.UTF_8)).messageId("SCH-OAKFIELD"))
                .isNotEqualTo(FILE.messageId("SCH-OAKFIELD"));
    }

    @Test
    void theRecordTypeIsTheIdFieldTheFileCarries() {
        assertThat(DroppedFile.intakeFor(List.of("requestId", "caseReference")).topic()).isEqualTo("exchange.share-requests");
        assertThat(DroppedFile.intakeFor(List.of("decisionId", "requestId")).topic()).isEqualTo("exchange.share-decisions");
        assertThat(DroppedFile.intakeFor(List.of("consentId", "requestId")).topic()).isEqualTo("exchange.consent-outcomes");
        assertThat(DroppedFile.intakeFor(List.of("hazardId")).topic()).isEqualTo("exchange.hazard-notifications");
        assertThat(DroppedFile.intakeFor(List.of("caseReference"))).isNull();
    }
}
