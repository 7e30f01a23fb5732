package dev.tablewright.core.schema;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code fields} argument of defineTable read into field specs, and the automatic fields a table gets. */
public final class FieldSpecs {
    private FieldSpecs() {
    }

    /** Parses the {@code fields} argument of defineTable into field specs, refusing what cannot be built. */
    public static Map<String, FieldSpec> parseFields(Map<String, ?> fields) {
        if (fields == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "defineTable needs fields: a map of field names to types.");
        }
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            String name = e.getKey();
            Names.requireValidNew("field", name);
            out.put(name, parseField(name, e.getValue()));
        }
        return out;
    }

    private static FieldSpec parseField(String name, Object spec) {
        if (spec instanceof String type) {
            LogicalType.Parsed p = LogicalType.parse(type);
            return new FieldSpec(p.type(), false, p.unique(), true, null, false, false, null, null);
        }
        if (!(spec instanceof Map<?, ?> m)) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Field '" + name + "': give a type name or an object with 'type'.");
        }
        for (Object key : m.keySet()) {
            if (!Set.of("type", "primaryKey", "unique", "allowNull", "defaultValue", "autoIncrement", "auto", "references", "nativeType").contains(String.valueOf(key))) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Field '" + name + "': unknown option '" + Names.printable(String.valueOf(key))
                        + "'. Known: type, primaryKey, unique, allowNull, defaultValue, autoIncrement.");
            }
        }
        LogicalType.Parsed p = LogicalType.parse(m.get("type") == null ? null : String.valueOf(m.get("type")));
        boolean primaryKey = flag(m.get("primaryKey"), false);
        boolean unique = p.unique() || flag(m.get("unique"), false);
        boolean allowNull = !primaryKey && flag(m.get("allowNull"), true);
        boolean autoIncrement = flag(m.get("autoIncrement"), false);
        boolean auto = flag(m.get("auto"), false);
        if (autoIncrement && (p.type() != LogicalType.INTEGER || !primaryKey)) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Field '" + name + "': autoIncrement applies to an integer primary key only.");
        }
        if (unique && !primaryKey && Set.of(LogicalType.TEXT, LogicalType.JSON, LogicalType.JSONB, LogicalType.FILE).contains(p.type())) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Field '" + name + "': a " + p.type().id()
                    + " field cannot be unique; use a string field (up to " + Values.STRING_MAX + " characters).");
        }
        if (primaryKey && Set.of(LogicalType.TEXT, LogicalType.JSON, LogicalType.JSONB, LogicalType.FILE).contains(p.type())) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Field '" + name + "': a " + p.type().id() + " field cannot be the primary key.");
        }
        FieldSpec.Reference ref = null;
        if (m.get("references") instanceof Map<?, ?> r) {
            ref = new FieldSpec.Reference(String.valueOf(r.get("table")), r.get("field") == null ? "id" : String.valueOf(r.get("field")),
                    r.get("onDelete") == null ? null : String.valueOf(r.get("onDelete")));
        }
        FieldSpec field = new FieldSpec(p.type(), primaryKey, unique, allowNull, m.get("defaultValue"), autoIncrement, auto, ref, null);
        if (field.defaultValue() != null && !field.defaultsToNow()) {
            Values.coerce(name, field.type(), field.defaultValue());
        }
        return field;
    }

    static boolean flag(Object value, boolean otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(value);
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Expected true or false, got '" + Names.printable(s) + "'.");
    }

    /** The automatic fields, as they appear in a table without an explicit id. */
    public static Map<String, FieldSpec> withAutoFields(Map<String, FieldSpec> requested) {
        boolean explicitId = requested.values().stream().anyMatch(f -> f.primaryKey() && !f.auto());
        if (explicitId) {
            return requested;
        }
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        out.put("id", new FieldSpec(LogicalType.STRING, true, false, false, null, false, true, null, null));
        requested.forEach((k, v) -> {
            if (!Set.of("id", "createdAt", "updatedAt").contains(k)) {
                out.put(k, v);
            }
        });
        out.put("createdAt", new FieldSpec(LogicalType.DATE, false, false, true, null, false, true, null, null));
        out.put("updatedAt", new FieldSpec(LogicalType.DATE, false, false, true, null, false, true, null, null));
        return out;
    }
}
