package dev.tablewright.core.query;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.schema.TableSchema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * autoAddRows / autoUpsertRow: the table and its missing columns are made from the values. Types
 * are inferred (integer, number, boolean, ISO dates, objects and arrays as jsonb, long strings as
 * text); an existing column is never dropped or narrowed, and a value that does not fit it is
 * {@code INVALID_VALUE} before anything is written.
 */
public final class AutoSchema {
    private static final Pattern ISO_DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    private final SchemaManager schemas;
    private final TableData data;

    public AutoSchema(SchemaManager schemas, TableData data) {
        this.schemas = schemas;
        this.data = data;
    }

    public int addRows(String table, List<? extends Map<String, ?>> rows) {
        if (rows == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "autoAddRows needs data: an array of rows.");
        }
        prepare(table, rows, Map.of());
        // The facade has replaced $USER already: the inferred types are those of the values stored.
        return data.insertAll(table, rows, null);
    }

    public Map<String, Object> upsertRow(String table, Map<String, ?> row, Map<String, ?> uniqueKey) {
        if (row == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "autoUpsertRow needs data.");
        }
        Map<String, Object> all = new LinkedHashMap<>(row);
        if (uniqueKey != null) {
            all.putAll(uniqueKey);
        }
        prepare(table, List.of(all), uniqueKey == null ? Map.of() : uniqueKey);
        return data.upsert(table, row, uniqueKey);
    }

    /** Creates or extends the table so every row fits; refuses, changing nothing, when one cannot. */
    private void prepare(String table, List<? extends Map<String, ?>> rows, Map<String, ?> uniqueKey) {
        Names.requireValidNew("table", table);
        boolean exists = schemas.exists(table);
        TableSchema current = exists ? schemas.require(table) : null;
        Map<String, LogicalType> inferred = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, ?> row = rows.get(i);
            if (row == null) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Row " + i + " is null.");
            }
            for (Map.Entry<String, ?> e : row.entrySet()) {
                if (current != null && current.fields().containsKey(e.getKey())) {
                    continue;
                }
                Names.requireValidNew("field", e.getKey());
                LogicalType type = infer(e.getValue());
                if (type != null) {
                    inferred.merge(e.getKey(), type, AutoSchema::widen);
                } else {
                    inferred.putIfAbsent(e.getKey(), null);
                }
            }
        }
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        inferred.forEach((name, type) -> {
            LogicalType t = type == null ? LogicalType.STRING : type;
            boolean unique = uniqueKey.containsKey(name) && (t == LogicalType.STRING || t == LogicalType.INTEGER);
            fields.put(name, new FieldSpec(t, false, unique, true, null, false, false, null, null));
        });
        // Every value must fit its column, old or new, before any table is created or changed.
        for (int i = 0; i < rows.size(); i++) {
            for (Map.Entry<String, ?> e : rows.get(i).entrySet()) {
                FieldSpec spec = current != null && current.fields().containsKey(e.getKey()) ? current.fields().get(e.getKey()) : fields.get(e.getKey());
                try {
                    Values.coerce(e.getKey(), spec.type(), e.getValue());
                } catch (TablewrightException ex) {
                    throw new TablewrightException(ex.code(), (rows.size() > 1 ? "Row " + i + ": " : "") + ex.getMessage());
                }
            }
        }
        if (!exists || !fields.isEmpty()) {
            Map<String, Object> definition = new LinkedHashMap<>();
            fields.forEach((name, spec) -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("type", spec.type().id());
                f.put("unique", spec.unique());
                definition.put(name, f);
            });
            schemas.define(table, definition, null);
        }
    }

    /** The type a value suggests, or null for null. */
    static LogicalType infer(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean) {
            return LogicalType.BOOLEAN;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            return LogicalType.INTEGER;
        }
        if (v instanceof Number) {
            return v instanceof BigDecimal d && d.scale() <= 0 ? LogicalType.INTEGER : LogicalType.NUMBER;
        }
        if (v instanceof Map || v instanceof List) {
            return LogicalType.JSONB;
        }
        if (v instanceof byte[]) {
            return LogicalType.FILE;
        }
        if (v instanceof Instant || v instanceof Temporal) {
            return LogicalType.DATE;
        }
        String s = v.toString();
        if (ISO_DATE.matcher(s).matches() && Dates.parse(s).isPresent()) {
            return LogicalType.DATE;
        }
        return s.codePointCount(0, s.length()) > Values.STRING_MAX ? LogicalType.TEXT : LogicalType.STRING;
    }

    /** Two rows' types for one new column: integer widens to number, string to text, date to string. */
    static LogicalType widen(LogicalType a, LogicalType b) {
        if (a == b) {
            return a;
        }
        if (pair(a, b, LogicalType.INTEGER, LogicalType.NUMBER)) {
            return LogicalType.NUMBER;
        }
        if (pair(a, b, LogicalType.STRING, LogicalType.TEXT) || pair(a, b, LogicalType.DATE, LogicalType.TEXT)) {
            return LogicalType.TEXT;
        }
        if (pair(a, b, LogicalType.DATE, LogicalType.STRING)) {
            return LogicalType.STRING;
        }
        return a;
    }

    private static boolean pair(LogicalType a, LogicalType b, LogicalType x, LogicalType y) {
        return a == x && b == y || a == y && b == x;
    }
}
