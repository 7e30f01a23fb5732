package dev.tablewright.core.query;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of getTableData / findRow / countRows (section 6).
 *
 * @param filter   the filter array (section 5), or null
 * @param order    {@code ['field','DESC']}, a list of such pairs, or a field name
 * @param timeZone the zone dates are formatted in when {@code locale} is given (default UTC)
 */
public record ReadOptions(Object filter, List<String> fields, Object order, Integer limit, Integer offset,
                          Boolean autoJoin, String locale, String dateStyle, String timeStyle, String timeZone) {

    private static final Set<String> KEYS = Set.of("filter", "fields", "order", "limit", "offset", "autoJoin", "locale", "dateStyle", "timeStyle", "timeZone");

    public static ReadOptions none() {
        return new ReadOptions(null, null, null, null, null, null, null, null, null, null);
    }

    public static ReadOptions filter(Object filter) {
        return new ReadOptions(filter, null, null, null, null, null, null, null, null, null);
    }

    public ReadOptions withLimit(Integer newLimit) {
        return new ReadOptions(filter, fields, order, newLimit, offset, autoJoin, locale, dateStyle, timeStyle, timeZone);
    }

    public static ReadOptions fromMap(Map<String, ?> map) {
        if (map == null) {
            return none();
        }
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Unknown option '" + key + "'. Known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ".");
            }
        }
        Object fields = map.get("fields");
        List<String> fieldList = null;
        if (fields instanceof List<?> l) {
            fieldList = l.stream().map(String::valueOf).toList();
        } else if (fields instanceof String s) {
            fieldList = List.of(s);
        } else if (fields != null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'fields' is a list of field names.");
        }
        return new ReadOptions(map.get("filter"), fieldList, map.get("order"), integer(map, "limit"), integer(map, "offset"),
                map.get("autoJoin") == null ? null : Boolean.valueOf(String.valueOf(map.get("autoJoin"))),
                str(map.get("locale")), str(map.get("dateStyle")), str(map.get("timeStyle")), str(map.get("timeZone")));
    }

    private static Integer integer(Map<String, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        try {
            int n = v instanceof Number num ? Math.toIntExact(num.longValue()) : Integer.parseInt(String.valueOf(v).trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (RuntimeException e) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + key + "' must be a whole number of 0 or more, got '" + v + "'.");
        }
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
