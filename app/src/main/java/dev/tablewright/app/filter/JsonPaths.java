package dev.tablewright.app.filter;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.TableSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paths the JSON columns' values hold, found by sampling rows, by column: {@code specs}, or
 * {@code products.specs} once several tables are queried. Sampling reads the database: call
 * {@link #sample} off the FX thread.
 */
final class JsonPaths {
    /** Rows read from a JSON column to find the paths its values hold. */
    static final int SAMPLE_ROWS = 200;

    private final Connector connector;
    private final Map<String, Map<String, LogicalType>> byColumn = new LinkedHashMap<>();

    JsonPaths(Connector connector) {
        this.connector = connector;
    }

    /** The paths the sampled values of each JSON column of {@code schema} hold, with the type of their values. */
    Map<String, Map<String, LogicalType>> sample(TableSchema schema) {
        Map<String, Map<String, LogicalType>> out = new LinkedHashMap<>();
        schema.fields().forEach((name, spec) -> {
            if (spec.type().isJson()) {
                List<Map<String, Object>> rows = connector.getTableData(schema.name(),
                        ReadOptions.builder().fields(List.of(name)).limit(SAMPLE_ROWS).autoJoin(false).build());
                Map<String, LogicalType> paths = new TreeMap<>();
                for (Map<String, Object> row : rows) {
                    collect(row.get(name), "", paths);
                }
                out.put(name, paths);
            }
        });
        return out;
    }

    private static void collect(Object value, String prefix, Map<String, LogicalType> paths) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(v, prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, paths));
            return;
        }
        LogicalType type = value instanceof Number ? LogicalType.NUMBER : value instanceof Boolean ? LogicalType.BOOLEAN
                : value instanceof String ? LogicalType.STRING : null;
        if (type == null || prefix.isEmpty()) {
            return;
        }
        LogicalType before = paths.putIfAbsent(prefix, type);
        if (before != null && before != type) {
            // Mixed values: the typed value decides the comparison, so the builder offers every operator.
            paths.put(prefix, null);
        }
    }

    void reset(Map<String, Map<String, LogicalType>> own) {
        byColumn.clear();
        byColumn.putAll(own);
    }

    /** The own table's columns get its name: several tables are queried now. */
    void qualify(String table) {
        Map<String, Map<String, LogicalType>> own = new LinkedHashMap<>(byColumn);
        byColumn.clear();
        own.forEach((column, paths) -> byColumn.put(table + "." + column, paths));
    }

    /** The own table's columns lose its name again: it is queried alone. */
    void unqualify(String table) {
        Map<String, Map<String, LogicalType>> own = new LinkedHashMap<>(byColumn);
        byColumn.clear();
        own.forEach((column, paths) -> byColumn.put(column.substring(table.length() + 1), paths));
    }

    void add(String table, Map<String, Map<String, LogicalType>> paths) {
        paths.forEach((column, p) -> byColumn.put(table + "." + column, p));
    }

    void drop(String table) {
        byColumn.keySet().removeIf(k -> k.startsWith(table + "."));
    }

    /** Every field the builder offers: each column, then the paths found in it when it is a JSON column. */
    List<FieldChoice> choices(Map<String, TableSchema> schemas, boolean multi) {
        List<FieldChoice> out = new ArrayList<>();
        schemas.forEach((t, schema) -> schema.fields().forEach((name, spec) -> {
            String qualified = multi ? t + "." + name : name;
            out.add(new FieldChoice(qualified, spec.type(), false));
            Map<String, LogicalType> paths = byColumn.get(qualified);
            if (paths == null && multi) {
                paths = byColumn.get(name);
            }
            if (paths != null && spec.type().isJson()) {
                paths.forEach((path, type) -> out.add(new FieldChoice(qualified + "." + path, type, true)));
            }
        }));
        return out;
    }
}
