package dev.tablewright.core.query;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** {@code locale} + {@code dateStyle}/{@code timeStyle}: dates as text for that locale. */
final class DateFormatting {
    private DateFormatting() {
    }

    static DateTimeFormatter formatter(ReadOptions o) {
        Locale locale = Locale.forLanguageTag(o.locale());
        if (locale.getLanguage().isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + o.locale() + "' is not a locale; use a tag such as en-US or de-DE.");
        }
        FormatStyle date = style("dateStyle", o.dateStyle());
        FormatStyle time = style("timeStyle", o.timeStyle());
        ZoneId zone;
        try {
            zone = ZoneId.of(o.timeZone() == null ? "UTC" : o.timeZone());
        } catch (RuntimeException e) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + o.timeZone() + "' is not a time zone; use e.g. UTC or Europe/Berlin.");
        }
        DateTimeFormatter f;
        if (date == null && time == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "dateStyle and timeStyle cannot both be hidden.");
        } else if (date == null) {
            f = DateTimeFormatter.ofLocalizedTime(time);
        } else if (time == null) {
            f = DateTimeFormatter.ofLocalizedDate(date);
        } else {
            f = DateTimeFormatter.ofLocalizedDateTime(date, time);
        }
        return f.withLocale(locale).withZone(zone);
    }

    static String format(DateTimeFormatter f, Instant instant) {
        return f.format(instant);
    }

    /** Absent means medium; 'hidden' leaves that part out. */
    private static FormatStyle style(String key, String value) {
        if (value == null) {
            return FormatStyle.MEDIUM;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "full" -> FormatStyle.FULL;
            case "long" -> FormatStyle.LONG;
            case "medium" -> FormatStyle.MEDIUM;
            case "short" -> FormatStyle.SHORT;
            case "hidden" -> null;
            default -> throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, key + " is one of full, long, medium, short, hidden; got '" + value + "'.");
        };
    }
}
