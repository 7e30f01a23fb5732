package dev.tablewright.core.schema;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code fields} argument of defineTable read into field specs ({@link #parseFields}) and written
 * back from them ({@link #writeFields}), and the automatic fields a table gets.
 */
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

    /**
     * The {@code fields} argument of defineTable that makes these fields, as short as it can be
     * written ({@code name: string}, {@code email: uniquestring}); automatic fields are left out
     * when there are any, because defineTable adds them itself.
     */
    public static Map<String, Object> writeFields(Map<String, FieldSpec> fields) {
        boolean autoFields = fields.values().stream().anyMatch(FieldSpec::auto);
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((name, spec) -> {
            if (!(autoFields && spec.auto())) {
                out.put(name, writeField(spec));
            }
        });
        return out;
    }

    private static Object writeField(FieldSpec s) {
        String type = s.type().id();
        boolean plain = !s.primaryKey() && s.allowNull() && s.defaultValue() == null && !s.autoIncrement() && s.references() == null;
        if (plain && !s.unique()) {
            return type;
        }
        if (plain && (type.equals("string") || type.equals("integer"))) {
            return "unique" + type;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        if (s.primaryKey()) {
            m.put("primaryKey", true);
        }
        if (s.unique()) {
            m.put("unique", true);
        }
        if (!s.allowNull() && !s.primaryKey()) {
            m.put("allowNull", false);
        }
        if (s.defaultValue() != null) {
            m.put("defaultValue", s.defaultValue());
        }
        if (s.autoIncrement()) {
            m.put("autoIncrement", true);
        }
        if (s.references() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("table", s.references().table());
            r.put("field", s.references().field());
            if (s.references().onDelete() != null) {
                r.put("onDelete", s.references().onDelete());
            }
            m.put("references", r);
        }
        return m;
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
