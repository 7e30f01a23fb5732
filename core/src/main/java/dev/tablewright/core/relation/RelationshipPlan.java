package dev.tablewright.core.relation;

import dev.tablewright.core.schema.TableChangePlan;

import java.util.List;

/**
 * What adding or removing a relationship would do, computed before anything runs so the diagram
 * can show it: the foreign-key field (or junction table) it names, the constraints involved, and
 * the statements themselves, which are the ones that run.
 *
 * @param name        the foreign-key field, e.g. {@code authorId}, or the junction table, e.g. {@code __posts2tags}
 * @param constraints the foreign-key constraints made or dropped
 * @param plan        the statements, for the connection's dialect
 */
public record RelationshipPlan(String name, List<String> constraints, TableChangePlan plan) {
    public RelationshipPlan {
        constraints = List.copyOf(constraints);
    }
}
