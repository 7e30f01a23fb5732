package dev.tablewright.core.history;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The moments and counts a history call is given: {@code start}, {@code stop}, {@code asOf}, {@code limit}, {@code offset}. */
final class Moments {
    private static final Pattern RELATIVE = Pattern.compile("-(\\d+)([smhdw])");

    private Moments() {
    }

    /** {@code now}, {@code -30s -15m -1h -7d -2w}, or ISO-8601; {@code what} names the option in the message. */
    static Instant instant(String text, String what) {
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) {
            return Instant.now();
        }
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            long seconds = switch (m.group(2)) {
                case "s" -> n;
                case "m" -> n * 60;
                case "h" -> n * 3600;
                case "d" -> n * 86_400;
                default -> n * 604_800;
            };
            return Instant.now().minusSeconds(seconds);
        }
        return Dates.parse(t).orElseThrow(() -> new TablewrightException(ErrorCode.INVALID_ARGUMENT,
                "'" + what + "' is now, a relative time such as -30s, -15m, -1h, -7d, -2w, or an ISO-8601 date; got '" + Names.printable(t) + "'."));
    }

    /** The option as an instant, or null when it is not given. */
    static Instant optional(Map<String, ?> options, String key) {
        Object v = options.get(key);
        return v == null ? null : instant(String.valueOf(v), key);
    }

    /** A whole number of 0 or more, or null when not given. */
    static Long count(Map<String, ?> options, String key) {
        Object v = options.get(key);
        if (v == null) {
            return null;
        }
        try {
            long n = v instanceof Number num && !(v instanceof Double) && !(v instanceof Float) ? num.longValue() : Long.parseLong(String.valueOf(v).trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + key + "' must be a whole number of 0 or more, got '" + Names.printable(String.valueOf(v)) + "'.");
        }
    }
}
