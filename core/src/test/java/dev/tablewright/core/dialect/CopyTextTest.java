package dev.tablewright.core.dialect;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bytes PostgreSQL's COPY receives from addRows. The conformance suite reads hostile values back
 * from a real server; this pins the encoder's edges: a buffer much smaller than a value, values
 * that need escaping or several UTF-8 bytes, and what the server never sees from the other tests.
 */
class CopyTextTest {
    private static String encode(int capacity, Object[]... rows) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyText text = new CopyText((bytes, length) -> out.write(bytes, 0, length), capacity);
        for (Object[] row : rows) {
            text.row(row);
        }
        text.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyKindOfValueIsWrittenInCopyTextFormat() throws SQLException {
        Object[] row = {null, "a\tb\nc\rd\\e \\N", 42L, -7L, Long.MIN_VALUE, 0L, 2.5, -0.001, true, false,
                Instant.parse("2025-01-31T10:15:30.123Z"), Instant.parse("0001-01-01T00:00:00Z"), new byte[]{0, 10, (byte) 255}};
        String want = "\\N\ta\\tb\\nc\\rd\\\\e \\\\N\t42\t-7\t-9223372036854775808\t0\t2.5\t-0.001\tt\tf\t"
                + "2025-01-31T10:15:30.123Z\t0001-01-01T00:00:00.000Z\t\\\\x000aff\n";
        assertEquals(want, encode(1 << 16, row));
        assertEquals(want + want, encode(4, row, row), "a buffer smaller than one value grows and flushes between values");
    }

    @Test
    void textIsUtf8AsJavaWritesIt() throws SQLException {
        String[] values = {"ä ö ü ß", "日本語", "🙂👍🏽", "\u202Eevil", "Ω≈ç√", "caf\u00e9\t\uD83D\uDE80", "lone \uD800 high", "lone \uDC00 low", "end \uD83D",
                "x".repeat(70_000)};
        for (String v : values) {
            String escaped = v.replace("\t", "\\t");
            byte[] want = (escaped + "\n").getBytes(StandardCharsets.UTF_8);
            for (int capacity : new int[]{8, 1 << 16}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                CopyText text = new CopyText((bytes, length) -> out.write(bytes, 0, length), capacity);
                text.row(new Object[]{v});
                text.flush();
                assertEquals(new String(want, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8), v);
                assertArrayEquals(want, out.toByteArray(), "bytes of " + v.substring(0, Math.min(v.length(), 20)));
            }
        }
    }

    @Test
    void datesOutsideTheFixedWidthTakeTheFormatter() throws SQLException {
        assertEquals("+10000-01-01T00:00:00.000Z\n", encode(64, new Object[]{Instant.parse("+10000-01-01T00:00:00Z")}));
    }
}
