package dev.tablewright.core.history;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Rows as the history triggers store them (JSON), back in logical types. */
final class StoredRows {
    private StoredRows() {
    }

    /** A stored row back in logical types, whatever JSON the dialect's trigger made of it. */
    static Map<String, Object> decode(TableSchema schema, Object raw, boolean jsonAsText) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(raw instanceof Map<?, ?> m)) {
            return out;
        }
        m.forEach((k, v) -> {
            FieldSpec spec = schema.fields().get(String.valueOf(k));
            out.put(String.valueOf(k), spec == null ? v : value(spec.type(), v, jsonAsText));
        });
        return out;
    }

    private static Object value(LogicalType type, Object v, boolean jsonAsText) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case STRING, TEXT -> v instanceof String ? v : Json.write(v);
            case INTEGER -> v instanceof Number n ? (Object) n.longValue() : Long.valueOf(v.toString());
            case NUMBER -> v instanceof Number n ? (Object) n.doubleValue() : Double.valueOf(v.toString());
            case BOOLEAN -> v instanceof Boolean b ? b : v instanceof Number n ? n.intValue() != 0 : Boolean.valueOf("true".equalsIgnoreCase(v.toString()) || "1".equals(v.toString()));
            case DATE -> Dates.parse(v.toString()).map(Object.class::cast).orElse(v);
            case JSON, JSONB -> v instanceof String s && jsonAsText ? parsedOrText(s) : v;
            case FILE -> {
                String hex = v.toString();
                if (hex.startsWith("\\x")) {
                    hex = hex.substring(2);
                }
                yield HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
            }
        };
    }

    /** JSON text as its value; text another client stored that is not JSON stays text. */
    private static Object parsedOrText(String s) {
        try {
            return Json.read(s);
        } catch (TablewrightException e) {
            return s;
        }
    }

    static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }
}
