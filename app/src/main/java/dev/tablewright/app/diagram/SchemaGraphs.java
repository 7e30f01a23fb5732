package dev.tablewright.app.diagram;

import dev.tablewright.app.task.TaskContext;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.InternalNames;
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

    /** Reads every table's schema in one pass through the core (seconds for thousands of tables) and builds the graph. */
    public static DiagramGraph read(Connector connector, TaskContext context) {
        context.progress(-1, -1, "Reading the schema");
        List<TableSchema> schemas = connector.getTableSchemas();
        if (context.isCancelled()) {
            throw new CancellationException("Reading the schema");
        }
        context.progress(-1, -1, "Drawing " + schemas.size() + " tables");
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

    /**
     * The graph with the junctions named in {@code expanded} shown: each such many-to-many edge gives
     * way to its junction table and the junction's two mandatory links to its sides. The junction's
     * fields are the ones {@code optionallyHasMany} gives it (a key named after each side, together its
     * primary key), so unfolding reads nothing from the database.
     */
    public static DiagramGraph unfold(DiagramGraph graph, Set<String> expanded) {
        if (expanded.isEmpty()) {
            return graph;
        }
        Map<String, DiagramGraph.Table> byName = graph.byName();
        List<DiagramGraph.Table> tables = new ArrayList<>(graph.tables());
        List<DiagramGraph.Edge> edges = new ArrayList<>();
        for (DiagramGraph.Edge e : graph.edges()) {
            if (e.kind() != DiagramGraph.Kind.MANY_TO_MANY || !expanded.contains(e.field())) {
                edges.add(e);
                continue;
            }
            String junction = e.field();
            List<DiagramGraph.Field> fields = new ArrayList<>();
            for (String side : InternalNames.junctionSides(junction).map(List::of).orElse(List.of(e.child(), e.parent()))) {
                String key = Names.foreignKeyField(side, null);
                DiagramGraph.Table sideTable = byName.get(side);
                String type = sideTable == null ? "string" : sideTable.fields().stream().filter(DiagramGraph.Field::primaryKey)
                        .map(DiagramGraph.Field::type).findFirst().orElse("string");
                fields.add(new DiagramGraph.Field(key, type, true, false, true, true));
                edges.add(new DiagramGraph.Edge(DiagramGraph.Kind.ONE_TO_MANY, junction, side, key, null, true, "CASCADE"));
            }
            tables.add(new DiagramGraph.Table(junction, fields, false));
        }
        return new DiagramGraph(tables, edges);
    }

    /** The many-to-many edge of {@code folded} that a junction's link stands for once unfolded; the edge itself otherwise. */
    public static DiagramGraph.Edge folded(DiagramGraph folded, DiagramGraph.Edge edge) {
        if (!InternalNames.isInternal(edge.child())) {
            return edge;
        }
        return folded.edges().stream().filter(e -> e.kind() == DiagramGraph.Kind.MANY_TO_MANY && e.field().equals(edge.child()))
                .findFirst().orElse(edge);
    }
}
