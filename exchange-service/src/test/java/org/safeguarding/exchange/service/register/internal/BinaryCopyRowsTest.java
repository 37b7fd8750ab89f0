package org.safeguarding.exchange.service.register.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers for PostgreSQL's binary COPY format, byte for byte, as its documentation for COPY gives them. */
class BinaryCopyRowsTest {

    private static final String HEADER = "5047434f50590aff0d0a00" + "00000000" + "00000000";
    private static final String TRAILER = "ffff";

    @Test
    void anEmptyCopyIsTheSignatureTheTwoHeaderWordsAndTheTrailer() {
        assertThat(hex(new BinaryCopyRows(0))).isEqualTo(HEADER + TRAILER);
    }

    @Test
    void eachFieldIsItsLengthThenItsValueBigEndian() {
        BinaryCopyRows rows = new BinaryCopyRows(0).row(5)
                .int64(0x0102030405060708L)
                .int32(-2)
                .bool(true)
                .text("é")
                .bytes(new byte[] {0, (byte) 0xff});
        assertThat(hex(rows)).isEqualTo(HEADER + "0005"
                + "00000008" + "0102030405060708"
                + "00000004" + "fffffffe"
                + "00000001" + "01"
                + "00000002" + "c3a9"
                + "00000002" + "00ff"
                + TRAILER);
    }

    @Test
    void nullIsALengthOfMinusOneWithNoValue() {
        BinaryCopyRows rows = new BinaryCopyRows(0).row(5).text(null).bytes(null).int32(null).timestamp(null).jsonb(null);
        assertThat(hex(rows)).isEqualTo(HEADER + "0005" + "ffffffff".repeat(5) + TRAILER);
    }

    @Test
    void timestampsCountMicrosecondsFromTheStartOf2000AndAreTruncatedNotRounded() {
        BinaryCopyRows rows = new BinaryCopyRows(0).row(3)
                .timestamp(Instant.parse("2000-01-01T00:00:01Z"))
                .timestamp(Instant.parse("1999-12-31T23:59:59.999999Z"))
                // 999,999.9 µs past the second: truncated to .999999, never carried into the next millisecond
                .timestamp(Instant.parse("2026-03-04T05:06:07.999999900Z"));
        long expectedLast = (Instant.parse("2026-03-04T05:06:07Z").getEpochSecond() - 946_684_800L) * 1_000_000L + 999_999L;
        assertThat(hex(rows)).isEqualTo(HEADER + "0003"
                + "00000008" + "00000000000f4240"
                + "00000008" + "ffffffffffffffff"
                + "00000008" + String.format("%016x", expectedLast)
                + TRAILER);
    }

    @Test
    void aTextArrayIsOneDimensionOfTextElementsNumberedFromOne() {
        BinaryCopyRows rows = new BinaryCopyRows(0).row(1).textArray(List.of("LA", "NHS"));
        assertThat(hex(rows)).isEqualTo(HEADER + "0001"
                + "00000021" // 33 bytes: 12 + 8 + (4 + 2) + (4 + 3)
                + "00000001" + "00000000" + "00000019" // one dimension, no nulls, element type text (oid 25)
                + "00000002" + "00000001" // two elements, lower bound 1
                + "00000002" + "4c41"
                + "00000003" + "4e4853"
                + TRAILER);
    }

    @Test
    void anEmptyTextArrayHasNoDimensions() {
        BinaryCopyRows rows = new BinaryCopyRows(0).row(1).textArray(List.of());
        assertThat(hex(rows)).isEqualTo(HEADER + "0001" + "0000000c" + "00000000" + "00000000" + "00000019" + TRAILER);
    }

    @Test
    void aTextArrayRefusesNulls() {
        assertThatThrownBy(() -> new BinaryCopyRows(0).row(1).textArray(Arrays.asList("LA", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonbIsVersionOneThenTheText() {
        BinaryCopyRows rows = new BinaryCopyRows(0).row(1).jsonb("[]");
        assertThat(hex(rows)).isEqualTo(HEADER + "0001" + "00000003" + "01" + "5b5d" + TRAILER);
    }

    @Test
    void rowsGrowPastTheInitialCapacity() {
        BinaryCopyRows rows = new BinaryCopyRows(1);
        byte[] large = new byte[10_000];
        Arrays.fill(large, (byte) 7);
        rows.row(1).bytes(large);
        BigEndianBuffer data = rows.finish();
        assertThat(data.length()).isEqualTo(19 + 2 + 4 + 10_000 + 2);
        assertThat(data.array()[19 + 2 + 4 + 9_999]).isEqualTo((byte) 7);
    }

    private static String hex(BinaryCopyRows rows) {
        BigEndianBuffer data = rows.finish();
        return HexFormat.of().formatHex(data.array(), 0, data.length());
    }
}
