package dev.tablewright.app.diagram;

import dev.tablewright.core.base.InternalNames;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A schema as the diagram draws it: every table a node, every relationship an edge. Plain data,
 * built off the FX thread from the core's schemas ({@link SchemaGraphs}) and never changed after.
 */
public record DiagramGraph(List<Table> tables, List<Edge> edges) {

    public DiagramGraph {
        tables = List.copyOf(tables);
        edges = List.copyOf(edges);
    }

    public static DiagramGraph empty() {
        return new DiagramGraph(List.of(), List.of());
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The tables by name, in the graph's order. */
    public Map<String, Table> byName() {
        Map<String, Table> out = new LinkedHashMap<>();
        tables.forEach(t -> out.put(t.name(), t));
        return out;
    }

    /** One table: its fields in column order, and whether it keeps a history of its rows. */
    public record Table(String name, List<Field> fields, boolean history) {
        public Table {
            fields = List.copyOf(fields);
        }

        /** A many-to-many's hidden junction, shown because the user unfolded it: the only internal table a graph holds. */
        public boolean junction() {
            return InternalNames.isInternal(name);
        }
    }

    /**
     * One field as a node row shows it.
     *
     * @param type       the logical type's name (string, integer, date, ...)
     * @param foreignKey true when the field links to another table
     */
    public record Field(String name, String type, boolean primaryKey, boolean unique, boolean notNull, boolean foreignKey) {
    }

    /** What an edge stands for. */
    public enum Kind {
        /** A foreign key: many children, each with at most (optional) or exactly (mandatory) one parent. */
        ONE_TO_MANY,
        /** Many-to-many through a hidden junction table, drawn as one edge with the junction folded away. */
        MANY_TO_MANY
    }

    /**
     * One relationship.
     *
     * @param child     the table holding the foreign key (for many-to-many: the junction's first side)
     * @param parent    the table it points at (for many-to-many: the other side)
     * @param field     the foreign-key field, or the junction table for many-to-many
     * @param role      the role the key was named after ({@code Owner} for {@code ownerId}), or null
     * @param mandatory true for a NOT NULL foreign key (drawn solid); optional ones are dashed
     * @param onDelete  what deleting the parent does (SET NULL, RESTRICT, CASCADE, NO ACTION)
     */
    public record Edge(Kind kind, String child, String parent, String field, String role, boolean mandatory, String onDelete) {

        /** Stable across reads: identifies the edge in selection and tests. */
        public String id() {
            return child + "." + field + "->" + parent;
        }

        /** The text drawn on the edge: the role, or the key's name when it is not the one its parent's name gives. */
        public String label() {
            return role == null ? "" : role;
        }
    }
}
