package dev.tablewright.core.schema;

import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.SqlStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that turn a table into its design, computed before anything runs so they can be
 * previewed. {@link #statements} run in one transaction (on MySQL/MariaDB, whose DDL commits by
 * itself, one after another); {@link #before} and {@link #after} run around it (SQLite turns
 * foreign keys off for a rebuild, which it cannot do inside a transaction); {@link #check}, when
 * present, is a query that must find no rows before the transaction commits.
 *
 * @param dialect       the dialect the statements are for
 * @param summary       what the plan does, in words, one line per change
 * @param trackHistory  true / false when history is switched on / off after the transaction; null when it stays
 */
public record TableChangePlan(String table, String dialect, List<SqlStatement> before, List<SqlStatement> statements,
                              SqlStatement check, List<SqlStatement> after, List<String> summary, Boolean trackHistory) {

    public TableChangePlan {
        before = List.copyOf(before);
        statements = List.copyOf(statements);
        after = List.copyOf(after);
        summary = List.copyOf(summary);
    }

    /** A plan that runs nothing, with the reason in its summary (the relationship exists already, say). */
    public static TableChangePlan none(String table, String dialect, String why) {
        return new TableChangePlan(table, dialect, List.of(), List.of(), null, List.of(), List.of(why), null);
    }

    /** Every statement in the order it runs. */
    public List<SqlStatement> all() {
        List<SqlStatement> out = new ArrayList<>(before);
        out.addAll(statements);
        if (check != null) {
            out.add(check);
        }
        out.addAll(after);
        return out;
    }

    /** True when applying the plan would change nothing. */
    public boolean isEmpty() {
        return summary.isEmpty();
    }

    /**
     * The plan as a script to read: one statement per line ending in {@code ;}, the transaction
     * shown as BEGIN / COMMIT, and the values bound to each statement in a comment after it.
     */
    public String script() {
        StringBuilder out = new StringBuilder();
        before.forEach(s -> line(out, s));
        if (!statements.isEmpty()) {
            out.append("BEGIN;\n");
            statements.forEach(s -> line(out, s));
            if (check != null) {
                line(out, check);
            }
            out.append("COMMIT;\n");
        }
        after.forEach(s -> line(out, s));
        if (Boolean.TRUE.equals(trackHistory)) {
            out.append("-- then history is switched on: its table and triggers are created\n");
        } else if (Boolean.FALSE.equals(trackHistory)) {
            out.append("-- then history is switched off: its triggers are dropped, its table kept\n");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, SqlStatement s) {
        out.append(s.sql()).append(';');
        if (!s.params().isEmpty()) {
            out.append(" -- ").append(s.params().stream().map(TableChangePlan::shown).toList());
        }
        out.append('\n');
    }

    private static String shown(Object param) {
        Object v = param instanceof Session.TypedValue tv ? tv.value() : param;
        String s = String.valueOf(v).replace('\n', ' ');
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
