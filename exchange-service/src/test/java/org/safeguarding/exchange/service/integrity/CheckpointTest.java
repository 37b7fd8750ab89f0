package org.safeguarding.exchange.service.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final byte[] ROOT = HexFormat.of()
            .parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private final Checkpoint checkpoint =
            new Checkpoint("register.example.org/sharing", 8, ROOT, Instant.parse("2026-11-21T21:43:18.250Z"));

    @Test
    void bodyIsOriginSizeBase64RootAndTimeOnePerLine() {
        assertThat(checkpoint.body()).isEqualTo("""
                register.example.org/sharing
                8
                XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
                2026-11-21T21:43:18.250Z
                """);
    }

    @Test
    void bodyReadsBackToTheSameCheckpoint() throws Exception {
        assertThat(Checkpoint.parseBody(checkpoint.body())).isEqualTo(checkpoint);
    }

    @Test
    void timeIsKeptToTheMillisecond() {
        Checkpoint precise = new Checkpoint("o", 0, ROOT, Instant.parse("2026-11-21T21:43:18.123456789Z"));
        assertThat(precise.issuedAt()).isEqualTo(Instant.parse("2026-11-21T21:43:18.123Z"));
        assertThat(precise.body()).endsWith("\n2026-11-21T21:43:18.123Z\n");
    }

    @Test
    void onlyTheCanonicalBodyIsAccepted() {
        String body = checkpoint.body();
        for (String variant : new String[] {
                body.replace("\n8\n", "\n08\n"),
                body.replace("\n8\n", "\n+8\n"),
                body.replace("\n8\n", "\n-8\n"),
                body.replace(".250Z", ".25Z"),
                body.replace("2026-11-21T21:43:18.250Z", "2026-11-21T22:43:18.250+01:00"),
                body.replace("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg"),
                body.replace("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", "XcnaeacGWamt"),
                body.trim(),
                body + "extra\n",
                " " + body,
                "",
                null}) {
            assertThatThrownBy(() -> Checkpoint.parseBody(variant))
                    .as("%s", variant).isInstanceOf(InvalidCheckpointException.class);
        }
    }

    @Test
    void refusesPartsThatCannotBeWrittenCanonically() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> new Checkpoint("two\nlines", 1, ROOT, now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(" padded", 1, ROOT, now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("", 1, ROOT, now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT, now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31], now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, ROOT, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rootHashCannotBeChangedFromOutside() {
        byte[] root = ROOT.clone();
        Checkpoint held = new Checkpoint("o", 1, root, Instant.EPOCH);
        root[0] ^= 1;
        held.rootHash()[1] ^= 1;
        assertThat(held.rootHash()).isEqualTo(ROOT);
    }
}
