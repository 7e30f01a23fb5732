package dev.tablewright.core.schema;

import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.callfile.CallFileWriter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tables as call-file steps that make them again on any dialect: a {@code defineTable} per table in
 * logical types, parents before their children so that each foreign key finds its table, then an
 * {@code optionallyHasMany} per many-to-many. The designer's export of one table and the diagram's
 * export of a whole schema both write their steps here, through the one {@link CallFileWriter}.
 */
public final class SchemaCallFile {
    private SchemaCallFile() {
    }

    /**
     * The parameters of the {@code defineTable} step that makes a table with these fields: automatic
     * fields left out (defineTable adds them), {@code trackHistory} when it keeps a history.
     */
    public static Map<String, Object> defineTable(String name, Map<String, FieldSpec> fields, boolean trackHistory) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", name);
        args.put("fields", FieldSpecs.writeFields(fields));
        if (trackHistory) {
            args.put("options", Map.of("trackHistory", true));
        }
        return args;
    }

    /**
     * A call file that recreates these tables and their relationships in an empty database of any
     * dialect (run with {@code tablewright run FILE --db URL}).
     *
     * <ul>
     * <li>Tables are defined parents first. Tables that link to each other in a cycle cannot all
     * be: the first of the cycle is defined without its links to tables not made yet, and defined
     * again with all its fields once they exist ({@code defineTable} adds the fields a table
     * lacks). A table linked to itself is made with its link at once.</li>
     * <li>A table the workbench did not create keeps its fields, keys and links, but not its
     * defaults: those are SQL expressions of its own dialect ({@code nextval(…)}), not values.</li>
     * <li>Rows, indexes beyond unique fields, views and triggers are not part of the file.</li>
     * </ul>
     */
    public static String of(List<TableSchema> schemas) {
        Map<String, TableSchema> byName = new LinkedHashMap<>();
        schemas.stream().filter(s -> !InternalNames.isInternal(s.name())).forEach(s -> byName.put(s.name(), s));
        CallFileWriter file = new CallFileWriter();
        Set<String> made = new HashSet<>();
        List<TableSchema> again = new ArrayList<>();
        Set<String> left = new LinkedHashSet<>(byName.keySet());
        while (!left.isEmpty()) {
            Optional<String> ready = left.stream().filter(t -> waitsFor(byName.get(t), byName.keySet(), made).isEmpty()).findFirst();
            String next = ready.orElse(left.iterator().next());
            TableSchema schema = byName.get(next);
            Map<String, FieldSpec> fields = portable(schema);
            Set<String> waiting = waitsFor(schema, byName.keySet(), made);
            if (!waiting.isEmpty()) {
                fields.entrySet().removeIf(f -> f.getValue().references() != null && waiting.contains(f.getValue().references().table()));
                again.add(schema);
            }
            file.step("defineTable", defineTable(next, fields, schema.options().trackHistory()));
            made.add(next);
            left.remove(next);
        }
        for (TableSchema schema : again) {
            file.step("defineTable", defineTable(schema.name(), portable(schema), schema.options().trackHistory()));
        }
        Set<String> junctions = new HashSet<>();
        for (TableSchema schema : byName.values()) {
            for (Map<String, Object> rel : schema.relationships()) {
                String through = rel.get("through") instanceof String s ? s : null;
                if ("manyToMany".equals(rel.get("type")) && through != null && junctions.add(through)) {
                    // The junction's own order of sides, so that it gets the same name again.
                    String[] sides = InternalNames.junctionSides(through).orElse(new String[] {schema.name(), (String) rel.get("table")});
                    if (byName.containsKey(sides[0]) && byName.containsKey(sides[1])) {
                        Map<String, Object> args = new LinkedHashMap<>();
                        args.put("childTable", sides[0]);
                        args.put("parentTable", sides[1]);
                        file.step("optionallyHasMany", args);
                    }
                }
            }
        }
        return file.yaml();
    }

    /** The other tables of the export that {@code schema} links to and that are not made yet. */
    private static Set<String> waitsFor(TableSchema schema, Set<String> exported, Set<String> made) {
        Set<String> out = new LinkedHashSet<>();
        for (FieldSpec f : schema.fields().values()) {
            FieldSpec.Reference r = f.references();
            if (r != null && !r.table().equals(schema.name()) && exported.contains(r.table()) && !made.contains(r.table())) {
                out.add(r.table());
            }
        }
        return out;
    }

    /** The table's fields in logical terms; defaults only where the workbench made the table. */
    private static Map<String, FieldSpec> portable(TableSchema schema) {
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        schema.fields().forEach((name, f) -> {
            FieldSpec logical = f.logical();
            if (!schema.managed() && logical.defaultValue() != null) {
                logical = new FieldSpec(logical.type(), logical.primaryKey(), logical.unique(), logical.allowNull(), null,
                        logical.autoIncrement(), logical.auto(), logical.references(), null);
            }
            out.put(name, logical);
        });
        return out;
    }
}
