package dev.tablewright.core.dialect;

import dev.tablewright.core.base.Dates;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Rows in COPY's text format, encoded straight into UTF-8 bytes in one reused buffer and handed
 * to the COPY stream whenever it fills. Each value is read once: no String per value, no
 * StringBuilder (which turns to UTF-16 at the first non-Latin-1 character and then widens every
 * later value) and no second pass to encode; a profile put those at a third of addRows' client
 * CPU on PostgreSQL.
 */
final class CopyText {
    /** Where full buffers go (pgjdbc's CopyIn.writeToCopy). */
    interface Sink {
        void write(byte[] bytes, int length) throws SQLException;
    }

    private static final byte[] NULL = {'\\', 'N'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Sink sink;
    private byte[] buf;
    private int pos;

    CopyText(Sink sink, int capacity) {
        this.sink = sink;
        this.buf = new byte[capacity];
    }

    void row(Object[] values) throws SQLException {
        for (int c = 0; c < values.length; c++) {
            if (c > 0) {
                room(1);
                buf[pos++] = '\t';
            }
            value(values[c]);
        }
        room(1);
        buf[pos++] = '\n';
    }

    /** Sends what is buffered. */
    void flush() throws SQLException {
        if (pos > 0) {
            sink.write(buf, pos);
            pos = 0;
        }
    }

    private void value(Object v) throws SQLException {
        if (v == null) {
            ascii(NULL);
        } else if (v instanceof String s) {
            text(s);
        } else if (v instanceof Long l) {
            integer(l);
        } else if (v instanceof Boolean b) {
            room(1);
            buf[pos++] = (byte) (b ? 't' : 'f');
        } else if (v instanceof Instant i) {
            room(Dates.STORED_LENGTH);
            int end = Dates.store(i, buf, pos);
            if (end < 0) {
                text(Dates.store(i));
            } else {
                pos = end;
            }
        } else if (v instanceof byte[] bytes) {
            // bytea's hex form \x0a0b…, its backslash doubled for COPY.
            room(3 + 2 * bytes.length);
            buf[pos++] = '\\';
            buf[pos++] = '\\';
            buf[pos++] = 'x';
            for (byte x : bytes) {
                buf[pos++] = HEX[(x >> 4) & 0xF];
                buf[pos++] = HEX[x & 0xF];
            }
        } else {
            // Doubles (Double.toString, which PostgreSQL reads back exactly) and anything else by its text.
            text(v.toString());
        }
    }

    private void integer(long l) throws SQLException {
        if (l == Long.MIN_VALUE) {
            text(Long.toString(l));
            return;
        }
        room(20);
        if (l < 0) {
            buf[pos++] = '-';
            l = -l;
        }
        int digits = 1;
        for (long t = l; t >= 10; t /= 10) {
            digits++;
        }
        for (int at = pos + digits - 1; at >= pos; at--) {
            buf[at] = (byte) ('0' + l % 10);
            l /= 10;
        }
        pos += digits;
    }

    /**
     * Backslash, newline, carriage return and tab escaped; UTF-8 as String.getBytes writes it, an
     * unpaired surrogate included (as '?').
     */
    private void text(String s) throws SQLException {
        int n = s.length();
        // At most 3 bytes per char: an escape is 2 bytes for 1 ASCII char, a surrogate pair 4 for 2.
        room(3 * n);
        byte[] b = buf;
        int p = pos;
        for (int k = 0; k < n; k++) {
            char ch = s.charAt(k);
            if (ch < 0x80) {
                switch (ch) {
                    case '\\' -> {
                        b[p++] = '\\';
                        b[p++] = '\\';
                    }
                    case '\n' -> {
                        b[p++] = '\\';
                        b[p++] = 'n';
                    }
                    case '\r' -> {
                        b[p++] = '\\';
                        b[p++] = 'r';
                    }
                    case '\t' -> {
                        b[p++] = '\\';
                        b[p++] = 't';
                    }
                    default -> b[p++] = (byte) ch;
                }
            } else if (ch < 0x800) {
                b[p++] = (byte) (0xC0 | (ch >> 6));
                b[p++] = (byte) (0x80 | (ch & 0x3F));
            } else if (Character.isSurrogate(ch)) {
                char low = k + 1 < n ? s.charAt(k + 1) : 0;
                if (Character.isHighSurrogate(ch) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(ch, low);
                    b[p++] = (byte) (0xF0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (cp & 0x3F));
                    k++;
                } else {
                    b[p++] = '?';
                }
            } else {
                b[p++] = (byte) (0xE0 | (ch >> 12));
                b[p++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (ch & 0x3F));
            }
        }
        pos = p;
    }

    private void ascii(byte[] bytes) throws SQLException {
        room(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    /** Makes room for {@code need} more bytes: sends the buffer when full, grows it for one value larger than it. */
    private void room(int need) throws SQLException {
        if (pos + need > buf.length) {
            flush();
            if (need > buf.length) {
                buf = new byte[need];
            }
        }
    }
}
