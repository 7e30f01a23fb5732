package dev.tablewright.core.base;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a value against a field's logical type and turns it into the canonical Java value the
 * dialects bind: String, Long, Double, Boolean, Instant, JSON text, byte[]. The same rules on
 * every dialect, so SQLite refuses what PostgreSQL would.
 */
public final class Values {
    /** varchar(255) on PostgreSQL and MySQL: checked here so SQLite refuses the same strings. */
    public static final int STRING_MAX = 255;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private Values() {
    }

    public static Object coerce(String field, LogicalType type, Object value) {
        return coerce(field, type, value, true);
    }

    /**
     * A value compared with a field in a filter: read in the field's type, but without the
     * length limit of stored strings (a longer value simply matches nothing).
     */
    public static Object coerceForComparison(String field, LogicalType type, Object value) {
        return coerce(field, type, value, false);
    }

    private static Object coerce(String field, LogicalType type, Object value, boolean stored) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING, TEXT -> text(field, stored ? type : LogicalType.TEXT, value);
            case INTEGER -> integer(field, value);
            case NUMBER -> number(field, value);
            case BOOLEAN -> bool(field, value);
            case DATE -> date(field, value);
            case JSON, JSONB -> jsonText(field, value);
            case FILE -> file(field, value);
        };
    }

    private static TablewrightException invalid(String field, LogicalType type, Object value, String why) {
        String shown = String.valueOf(value);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new TablewrightException(ErrorCode.INVALID_VALUE,
                "Field '" + field + "' is " + type.id() + ": " + why + " (got " + describe(value) + " " + shown + ").");
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        return value.getClass().getSimpleName();
    }

    private static String text(String field, LogicalType type, Object value) {
        String s;
        if (value instanceof String str) {
            s = str;
        } else if (value instanceof Number || value instanceof Boolean) {
            s = Json.write(Json.normalize(value));
        } else {
            throw invalid(field, type, value, "give a text value");
        }
        if (s.indexOf('\0') >= 0) {
            throw invalid(field, type, "(text with a NUL character)", "text cannot contain the NUL character U+0000 (PostgreSQL cannot store it)");
        }
        if (type == LogicalType.STRING && s.codePointCount(0, s.length()) > STRING_MAX) {
            throw invalid(field, type, value, "a string field holds at most " + STRING_MAX + " characters; use type text for longer values");
        }
        return s;
    }

    private static Long integer(String field, Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b) {
            if (b.bitLength() < 64) {
                return b.longValue();
            }
            throw invalid(field, LogicalType.INTEGER, value, "the number is too large for a 64-bit integer");
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal d = new BigDecimal(value.toString());
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw invalid(field, LogicalType.INTEGER, value, "give a whole number");
            }
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw invalid(field, LogicalType.INTEGER, value, "give a whole number");
            }
        }
        throw invalid(field, LogicalType.INTEGER, value, "give a whole number");
    }

    private static Double number(String field, Object value) {
        // A finite Double is kept as it is: a bulk load would otherwise box a new one per value.
        if (value instanceof Double given && Double.isFinite(given)) {
            return given;
        }
        double d;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw invalid(field, LogicalType.NUMBER, value, "give a number");
            }
        } else {
            throw invalid(field, LogicalType.NUMBER, value, "give a number");
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw invalid(field, LogicalType.NUMBER, value, "give a finite number");
        }
        return d;
    }

    private static Boolean bool(String field, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        if (value instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    break;
            }
        }
        throw invalid(field, LogicalType.BOOLEAN, value, "give true or false");
    }

    public static Instant date(String field, Object value) {
        Instant instant;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else if (value instanceof LocalDate d) {
            instant = d.atStartOfDay(ZoneOffset.UTC).toInstant();
        } else if (value instanceof Date d) {
            instant = d.toInstant();
        } else if (value instanceof Long || value instanceof Integer) {
            instant = Instant.ofEpochMilli(((Number) value).longValue());
        } else if (value instanceof String s) {
            if (s.trim().equalsIgnoreCase("NOW")) {
                instant = Instant.now();
            } else {
                instant = Dates.parse(s).orElseThrow(() -> invalid(field, LogicalType.DATE, value,
                        "give an ISO-8601 date such as 2025-01-31 or 2025-01-31T12:00:00Z"));
            }
        } else {
            throw invalid(field, LogicalType.DATE, value, "give an ISO-8601 date such as 2025-01-31 or 2025-01-31T12:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw invalid(field, LogicalType.DATE, value, "give a date between the years 1 and 9999");
        }
        return Dates.truncate(instant);
    }

    /**
     * How deeply JSON objects and arrays may nest, on every dialect: MariaDB refuses 32 levels, and
     * its history wraps a row's values in one more; SQLite and PostgreSQL would take far more, but
     * the same call gives the same result everywhere.
     */
    public static final int MAX_JSON_DEPTH = 30;

    private static String jsonText(String field, Object value) {
        String text = Json.writeValue(value);
        if (text == null) {
            throw invalid(field, LogicalType.JSON, "(deeply nested JSON)", "objects and arrays may nest at most " + MAX_JSON_DEPTH
                    + " levels deep on every database; flatten the value or store the deeper part as text");
        }
        if (text.contains("\\u0000")) {
            throw invalid(field, LogicalType.JSON, "(JSON with a NUL character)", "JSON text cannot contain U+0000 (PostgreSQL cannot store it)");
        }
        return text;
    }

    private static byte[] file(String field, Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof String s) {
            try {
                return Base64.getDecoder().decode(s.trim());
            } catch (IllegalArgumentException e) {
                throw invalid(field, LogicalType.FILE, "(text)", "give the file's bytes as base64");
            }
        }
        throw invalid(field, LogicalType.FILE, value, "give the file's bytes as base64");
    }
}
