package dev.tablewright.app.history;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What switching a table's history on or off writes into its database, told before it is done:
 * the workbench's own tables and triggers go into a database only when the person agreed to them.
 *
 * @param statements the statements as the dialect writes them; the history table itself is made
 *                   by the core's ordinary table definition and is described in {@code summary}
 */
public record TrackingPlan(String table, boolean on, long rows, List<String> summary, List<String> statements) {

    public TrackingPlan {
        summary = List.copyOf(summary);
        statements = List.copyOf(statements);
    }

    /** Reads the table's fields and rows and writes out the plan; off the FX thread. */
    public static TrackingPlan of(Connector connector, String table, boolean on) {
        TableSchema schema = connector.getTableSchema(table);
        Dialect dialect = connector.dialect();
        String history = InternalNames.historyTable(table);
        if (!on) {
            return new TrackingPlan(table, false, 0, List.of(
                    "Drops the triggers that record every change of " + table + ".",
                    "Keeps " + history + ": the versions recorded so far can still be read."),
                    dialect.dropHistoryTriggers(table));
        }
        long rows = connector.countRows(table, ReadOptions.none());
        List<String> summary = new ArrayList<>();
        summary.add("Creates the table " + history + " (historyId, rowId, operation, changedAt, changedBy, data as JSON), unless it is kept"
                + " from earlier tracking, with two indexes.");
        summary.add("Creates triggers on " + table + " that record every insert, update and delete, by any client.");
        summary.add(rows == 0 ? table + " has no rows: its history begins with its first insert."
                : String.format("Copies the %,d rows %s holds now into %s as their starting point, in one transaction.", rows, table, history));
        if (!dialect.historySupportTables().isEmpty()) {
            summary.add("Creates " + InternalNames.ACTOR_TABLE + ", one row the workbench writes its user into while it writes.");
        }
        summary.add("Records " + table + "'s settings in " + InternalNames.SCHEMA_TABLE + ".");
        List<String> statements = new ArrayList<>(dialect.historySupportTables());
        statements.add("CREATE INDEX " + dialect.quoteIdentifier(history + "_row") + " ON " + dialect.quoteIdentifier(history)
                + " (" + dialect.quoteIdentifier("rowId") + ", " + dialect.quoteIdentifier("historyId") + ")");
        statements.add(dialect.historyChangesIndex(history, history + "_at"));
        Map<String, LogicalType> columns = new LinkedHashMap<>();
        for (Map.Entry<String, FieldSpec> f : schema.fields().entrySet()) {
            columns.put(f.getKey(), f.getValue().type());
        }
        if (schema.primaryKey().size() == 1) {
            statements.addAll(dialect.historyTriggers(table, history, schema.primaryKey().get(0), columns));
        } else {
            summary.add(0, "History needs a single-field primary key; " + table + " has " + schema.primaryKey() + ", so switching it on will be refused.");
        }
        return new TrackingPlan(table, true, rows, summary, statements);
    }

    /** The plan as the confirmation shows it: what happens, then the statements. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        summary.forEach(line -> text.append("• ").append(line).append('\n'));
        text.append('\n').append(on ? "Statements (besides creating the history table and copying the rows):" : "Statements:").append('\n');
        statements.forEach(s -> text.append(s.strip()).append(s.strip().endsWith(";") ? "" : ";").append("\n\n"));
        return text.toString().strip();
    }
}
