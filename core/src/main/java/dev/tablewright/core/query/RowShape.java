package dev.tablewright.core.query;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.UserVariable;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which columns a row of given fields writes, and where each value comes from (given, automatic field, default). */
final class RowShape {
    private static final TimeBasedEpochGenerator UUID_V7 = Generators.timeBasedEpochGenerator();
    private static final Object AUTO_ID = new Object();
    private static final Object NOW = new Object();

    private record Made(Object value) {
    }

    final List<String> columns = new ArrayList<>();
    final List<LogicalType> types = new ArrayList<>();
    /** Per column: the data key, or null for a value made here (automatic field or default). */
    final List<String> keys = new ArrayList<>();
    final List<Object> made = new ArrayList<>();
    final Set<String> dataKeys;
    PreparedStatement statement;
    List<Object[]> pending = new ArrayList<>();

    /** {@code where} starts every message ("Row 7: "), or is empty. */
    RowShape(TableSchema schema, Set<String> dataKeys, String where) {
        this.dataKeys = Set.copyOf(dataKeys);
        for (String key : dataKeys) {
            if (!schema.fields().containsKey(key)) {
                throw new TablewrightException(ErrorCode.UNKNOWN_FIELD, where + "table '" + schema.name() + "' has no field '"
                        + Names.printable(key) + "'. Its fields: " + String.join(", ", schema.fields().keySet()) + ". (defineTable adds fields.)");
            }
        }
        for (Map.Entry<String, FieldSpec> f : schema.fields().entrySet()) {
            String name = f.getKey();
            FieldSpec spec = f.getValue();
            Object source;
            if (dataKeys.contains(name)) {
                source = name;
            } else if (schema.hasAutoFields() && spec.auto()) {
                source = name.equals("id") ? AUTO_ID : NOW;
            } else if (schema.managed() && spec.defaultValue() != null) {
                source = spec.defaultsToNow() ? NOW : new Made(spec.storedDefault(name, null));
            } else {
                continue;
            }
            columns.add(name);
            types.add(spec.type());
            keys.add(source instanceof String key ? key : null);
            made.add(source instanceof String ? null : source);
        }
    }

    /** The row's values in column order; {@code index} (when not negative) names the row in messages. */
    Object[] values(Map<String, ?> data, Instant now, int index) {
        return valuesIfFits(data, now, index, null);
    }

    /**
     * The row's values in column order, or null when the row's fields are not this shape's (so
     * nothing is checked or converted before its own shape is known). One lookup per field decides
     * both. {@code user} replaces values that are exactly {@code $USER}; null to take them as they are.
     */
    Object[] valuesIfFits(Map<String, ?> data, Instant now, int index, String user) {
        if (data.size() != dataKeys.size()) {
            return null;
        }
        Object[] out = new Object[columns.size()];
        for (int k = 0; k < out.length; k++) {
            String key = keys.get(k);
            if (key != null) {
                Object v = data.get(key);
                if (v == null && !data.containsKey(key)) {
                    return null;
                }
                out[k] = v;
            }
        }
        for (int k = 0; k < out.length; k++) {
            String key = keys.get(k);
            if (key != null) {
                try {
                    out[k] = coerce(key, types.get(k), out[k], user);
                } catch (TablewrightException e) {
                    throw index < 0 ? e : new TablewrightException(e.code(), "Row " + index + ": " + e.getMessage());
                }
            } else {
                Object m = made.get(k);
                out[k] = m == AUTO_ID ? UUID_V7.generate().toString() : m == NOW ? now : ((Made) m).value();
            }
        }
        return out;
    }

    /**
     * {@link Values#coerce} of the value with {@code $USER} replaced. A text value is one comparison;
     * a map or list is walked only when its JSON text holds {@code $USER} at all (Jackson writes
     * that string as it is), which the bulk path's values almost never do.
     */
    private static Object coerce(String key, LogicalType type, Object value, String user) {
        if (user != null) {
            if (value instanceof String s) {
                return Values.coerce(key, type, s.equals(UserVariable.NAME) ? user : s);
            }
            if (value instanceof Map || value instanceof List) {
                if (type.isJson()) {
                    String json = (String) Values.coerce(key, type, value);
                    return json.contains(UserVariable.NAME) ? Values.coerce(key, type, UserVariable.replaced(value, user)) : json;
                }
                return Values.coerce(key, type, UserVariable.replaced(value, user));
            }
        }
        return Values.coerce(key, type, value);
    }

    /** Now, to the precision every dialect stores. */
    static Instant now() {
        return Dates.truncate(Instant.now());
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?)} with each type's placeholder. */
    static String insertSql(Dialect dialect, TableSchema schema, Collection<String> columns) {
        if (columns.isEmpty()) {
            return dialect.insertDefaultValues(schema.name());
        }
        List<String> placeholders = columns.stream().map(col -> dialect.placeholder(schema.fields().get(col).type())).toList();
        return "INSERT INTO " + dialect.quoteIdentifier(schema.name()) + " (" + String.join(", ", columns.stream().map(dialect::quoteIdentifier).toList())
                + ") VALUES (" + String.join(", ", placeholders) + ")";
    }
}
