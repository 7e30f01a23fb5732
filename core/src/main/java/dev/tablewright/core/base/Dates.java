package dev.tablewright.core.base;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Parsing and storing instants the same way on every dialect: UTC, millisecond precision. */
public final class Dates {
    /** Fixed-width, so text comparison in SQLite orders like time. */
    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private Dates() {
    }

    /** Characters of a stored instant: yyyy-MM-ddTHH:mm:ss.SSSZ. */
    public static final int STORED_LENGTH = 24;

    /** yyyy-MM-ddTHH:mm:ss.SSSZ, written by hand: this runs for every date of every bulk insert. */
    public static String store(Instant instant) {
        byte[] out = new byte[STORED_LENGTH];
        if (store(instant, out, 0) < 0) {
            return STORED.format(instant);
        }
        return new String(out, StandardCharsets.US_ASCII);
    }

    /**
     * {@link #store(Instant)} as ASCII bytes at {@code at}, for encoders that write bytes (PostgreSQL's
     * COPY); returns the index after the last byte, or -1 (nothing written) for a year outside 0–9999.
     */
    public static int store(Instant instant, byte[] out, int at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return -1;
        }
        put(out, at, year, 4);
        out[at + 4] = '-';
        put(out, at + 5, t.getMonthValue(), 2);
        out[at + 7] = '-';
        put(out, at + 8, t.getDayOfMonth(), 2);
        out[at + 10] = 'T';
        put(out, at + 11, t.getHour(), 2);
        out[at + 13] = ':';
        put(out, at + 14, t.getMinute(), 2);
        out[at + 16] = ':';
        put(out, at + 17, t.getSecond(), 2);
        out[at + 19] = '.';
        put(out, at + 20, t.getNano() / 1_000_000, 3);
        out[at + 23] = 'Z';
        return at + STORED_LENGTH;
    }

    /** MySQL's DATETIME literal form, for drivers that would cut the milliseconds of a bound LocalDateTime. */
    public static String storeSql(Instant instant) {
        String iso = store(instant);
        return iso.substring(0, 10) + ' ' + iso.substring(11, 23);
    }

    private static void put(byte[] out, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * ISO-8601 in its usual forms: an instant ({@code …Z}), with an offset, a local date-time
     * (read as UTC, also with a space instead of 'T'), or a date (that day's start, UTC).
     */
    public static Optional<Instant> parse(String text) {
        String s = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(s.replace(' ', 'T')).toInstant());
        } catch (DateTimeParseException ignored) {
            // not with an offset: try the other forms
        }
        try {
            return Optional.of(LocalDateTime.parse(s, LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }
}
