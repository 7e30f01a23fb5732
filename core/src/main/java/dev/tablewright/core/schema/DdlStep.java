package dev.tablewright.core.schema;

import java.util.List;

/**
 * Statements of one schema change and the statements that take it back. Where DDL is not
 * transactional (MySQL, MariaDB), a change of several steps that fails part-way runs the undo of
 * the steps already done, newest first, so the database is left as it was.
 */
public record DdlStep(List<String> run, List<String> undo) {
    public DdlStep {
        run = List.copyOf(run);
        undo = List.copyOf(undo);
    }
}
