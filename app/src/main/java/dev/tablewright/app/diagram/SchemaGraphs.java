package dev.tablewright.app.diagram;

import dev.tablewright.app.task.TaskContext;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/** Builds the {@link DiagramGraph} of a connection's schema through the core: one schema read per table. */
public final class SchemaGraphs {

    private SchemaGraphs() {
    }

    /** Reads every table's schema; long on big schemas, so it reports progress and stops when cancelled. */
    public static DiagramGraph read(Connector connector, TaskContext context) {
        List<String> names = connector.getAllTables();
        List<TableSchema> schemas = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            if (context.isCancelled()) {
                throw new CancellationException("Reading the schema");
            }
            context.progress(i, names.size(), "Reading table " + (i + 1) + " of " + names.size());
            schemas.add(connector.getTableSchema(names.get(i)));
        }
        return of(schemas);
    }

    /** The graph of these schemas: each foreign key an edge from child to parent, each junction one edge. */
    public static DiagramGraph of(List<TableSchema> schemas) {
        List<DiagramGraph.Table> tables = new ArrayList<>();
        List<DiagramGraph.Edge> edges = new ArrayList<>();
        Set<String> junctions = new HashSet<>();
        Set<String> present = new HashSet<>();
        schemas.forEach(s -> present.add(s.name()));
        for (TableSchema schema : schemas) {
            List<DiagramGraph.Field> fields = new ArrayList<>();
            schema.fields().forEach((name, f) -> fields.add(new DiagramGraph.Field(name, f.type().id(), f.primaryKey(), f.unique(),
                    !f.allowNull(), f.references() != null)));
            tables.add(new DiagramGraph.Table(schema.name(), fields, schema.options().trackHistory()));
            for (Map<String, Object> rel : schema.relationships()) {
                String type = String.valueOf(rel.get("type"));
                String other = (String) rel.get("table");
                if (!present.contains(other)) {
                    continue;
                }
                if (type.equals("belongsTo")) {
                    String field = (String) rel.get("field");
                    FieldSpec spec = schema.fields().get(field);
                    edges.add(new DiagramGraph.Edge(DiagramGraph.Kind.ONE_TO_MANY, schema.name(), other, field,
                            role(field, other, (String) rel.get("role")), spec != null && !spec.allowNull(), (String) rel.get("onDelete")));
                } else if (type.equals("manyToMany") && junctions.add((String) rel.get("through"))) {
                    edges.add(new DiagramGraph.Edge(DiagramGraph.Kind.MANY_TO_MANY, schema.name(), other, (String) rel.get("through"),
                            null, false, "CASCADE"));
                }
            }
        }
        return new DiagramGraph(tables, edges);
    }

    /**
     * The role an edge shows: none for a key named after its parent ({@code categoryId}, or another
     * tool's {@code CategoryId} / {@code category_id}), the core's role for one named after a role
     * ({@code ownerId} → Owner), else the field's own name ({@code ReportsTo}).
     */
    static String role(String field, String parent, String coreRole) {
        String plain = Names.foreignKeyField(parent, null);
        if (field.replace("_", "").toLowerCase(Locale.ROOT).equals(plain.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return coreRole != null ? coreRole : field;
    }
}
