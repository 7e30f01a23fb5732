package dev.tablewright.core.schema;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.Dialects;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.dialect.TableCatalog;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The table designer's changes on one connection: reads the table as it is, plans the design
 * ({@link TableChangePlanner}), counts what the change would do to existing rows, and applies the
 * plan in one transaction.
 */
public final class TableChanges {
    private final Session session;
    private final SchemaManager schemas;
    private final Dialect dialect;

    public TableChanges(Session session, SchemaManager schemas) {
        this.session = session;
        this.schemas = schemas;
        this.dialect = session.dialect();
    }

    /** The table as it is now (a snapshot with no schema when it does not exist). */
    public TableSnapshot snapshot(String table) {
        schemas.invalidate(table);
        TableSchema schema = schemas.exists(table) ? schemas.require(table) : null;
        return session.withConnection(c -> {
            boolean meta = dialect.listTables(c).contains(InternalNames.SCHEMA_TABLE);
            if (schema == null) {
                return new TableSnapshot(null, 0, meta, Map.of(), List.of(), List.of());
            }
            long rows;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + dialect.quoteIdentifier(table))) {
                rs.next();
                rows = rs.getLong(1);
            }
            Map<String, String> exactKeys = new HashMap<>();
            Map<String, String> unique = uniqueNames(c, table, schema, exactKeys);
            List<TableSnapshot.Dependent> dependents = new ArrayList<>();
            List<TableSnapshot.Dependent> views = new ArrayList<>();
            if (!dialect.supportsAlterAddConstraint()) {
                readSqliteObjects(c, table, dependents, views);
            }
            return new TableSnapshot(schema, rows, meta, unique, dependents, views, foreignKeyNames(c, table), exactKeys);
        });
    }

    private Map<String, String> foreignKeyNames(Connection c, String table) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (ResultSet rs = c.getMetaData().getImportedKeys(dialect.metaCatalog(c), dialect.metaSchema(c), table)) {
            while (rs.next()) {
                if (rs.getString("FK_NAME") != null) {
                    out.put(rs.getString("FKCOLUMN_NAME"), rs.getString("FK_NAME"));
                }
            }
        }
        return out;
    }

    /** The unique index of each field that has a single-field one; {@code exactKeys} gets the hidden column of each exact one. */
    private Map<String, String> uniqueNames(Connection c, String table, TableSchema schema, Map<String, String> exactKeys) throws SQLException {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getIndexInfo(dialect.metaCatalog(c), dialect.metaSchema(c), table, true, false)) {
            while (rs.next()) {
                String idx = rs.getString("INDEX_NAME");
                String col = rs.getString("COLUMN_NAME");
                if (idx != null && col != null && !rs.getBoolean("NON_UNIQUE") && table.equals(rs.getString("TABLE_NAME"))) {
                    indexes.computeIfAbsent(idx, k -> new ArrayList<>()).add(col);
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        indexes.forEach((name, cols) -> {
            List<String> keyed = TableCatalog.keyedColumns(cols);
            if (keyed.size() == 1 && !schema.primaryKey().equals(keyed) && out.putIfAbsent(keyed.get(0), name) == null && cols.size() == 2) {
                exactKeys.put(keyed.get(0), cols.get(1));
            }
        });
        return out;
    }

    /** SQLite: the table's indexes and triggers (history's left out: they are planned anew) and every view. */
    private void readSqliteObjects(Connection c, String table, List<TableSnapshot.Dependent> dependents, List<TableSnapshot.Dependent> views)
            throws SQLException {
        String historyPrefix = InternalNames.historyTrigger(table, "");
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    String name = rs.getString(2);
                    if (type.equals("trigger") && name.startsWith(historyPrefix)) {
                        continue;
                    }
                    dependents.add(new TableSnapshot.Dependent(type, name, rs.getString(3), List.of()));
                }
            }
        }
        for (int i = 0; i < dependents.size(); i++) {
            TableSnapshot.Dependent d = dependents.get(i);
            if (!d.type().equals("index")) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA index_info(" + dialect.quoteIdentifier(d.name()) + ")")) {
                while (rs.next()) {
                    columns.add(rs.getString("name"));
                }
            }
            dependents.set(i, new TableSnapshot.Dependent(d.type(), d.name(), d.sql(), columns.stream().filter(Objects::nonNull).toList()));
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY name")) {
            while (rs.next()) {
                views.add(new TableSnapshot.Dependent("view", rs.getString(1), rs.getString(2), List.of()));
            }
        }
    }

    /** The name of the foreign-key constraint the workbench gives {@code field} of {@code table}. */
    public static String foreignKeyName(String table, String field) {
        return TableDdl.foreignKeyName(table, field);
    }

    /**
     * The statements that create an internal table (a many-to-many junction) with its stored
     * schema: the same ones {@link SchemaManager#createInternal} runs.
     */
    public TableChangePlan planInternal(String table, Map<String, FieldSpec> fields, List<String> summary) {
        boolean meta = session.withConnection(c -> dialect.listTables(c).contains(InternalNames.SCHEMA_TABLE));
        List<SqlStatement> statements = new ArrayList<>();
        if (!meta) {
            statements.add(SqlStatement.of(StoredTables.metaTableSql(dialect)));
        }
        statements.add(SqlStatement.of(TableDdl.createTableSql(dialect, table, table, fields)));
        statements.addAll(StoredTables.saveStoredStatements(dialect, table, new StoredTable(true, false, fields)));
        return new TableChangePlan(table, dialect.name(), List.of(), statements, null, List.of(), summary, null);
    }

    /** The statements that drop an internal table and what is stored about it, as {@link SchemaManager#drop} runs them. */
    public TableChangePlan planDropInternal(String table, List<String> summary) {
        String meta = dialect.quoteIdentifier(InternalNames.SCHEMA_TABLE);
        List<SqlStatement> statements = List.of(SqlStatement.of("DROP TABLE " + dialect.quoteIdentifier(table)),
                SqlStatement.of("DELETE FROM " + meta + " WHERE " + dialect.quoteIdentifier("tableName") + " = ?", table));
        return new TableChangePlan(table, dialect.name(), List.of(), statements, null, List.of(), summary, null);
    }

    /** The statements Apply would run on this connection. */
    public TableChangePlan plan(TableDesign design) {
        return TableChangePlanner.plan(dialect, snapshot(design.name()), design);
    }

    /** The statements the same design would run on another dialect (sqlite, postgres, mysql, mariadb), planned without its database. */
    public TableChangePlan planFor(TableDesign design, String otherDialect) {
        TableSnapshot here = snapshot(design.name());
        TableSnapshot there = here.schema() == null ? null : TableSnapshot.offline(here.schema(), here.rows());
        return TableChangePlanner.plan(Dialects.named(otherDialect), there, design);
    }

    /** What the change would do to the rows there are: values lost or altered, or rows the database would refuse. */
    public List<TableChangeRisk> risks(TableDesign design) {
        return risks(snapshot(design.name()), design);
    }

    private List<TableChangeRisk> risks(TableSnapshot snapshot, TableDesign design) {
        List<TableChangeRisks.RiskQuery> queries = TableChangeRisks.queries(dialect, snapshot, design);
        if (queries.isEmpty() || snapshot.rows() == 0) {
            return List.of();
        }
        return session.withConnection(c -> {
            List<TableChangeRisk> out = new ArrayList<>();
            for (TableChangeRisks.RiskQuery q : queries) {
                long n = q.rows();
                if (q.count() != null) {
                    try (PreparedStatement ps = session.prepare(c, q.count()); ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n = rs.getLong(1);
                    }
                }
                if (n > 0) {
                    out.add(q.risk(n));
                }
            }
            return out;
        });
    }

    /**
     * Applies the design: the plan's statements in one transaction (MySQL/MariaDB commit each DDL
     * statement by themselves). Refused with {@code INVALID_ARGUMENT} before anything runs when
     * the database would reject the change over existing rows, or when it loses values and
     * {@code acceptDataLoss} is false.
     */
    public TableSchema apply(TableDesign design, boolean acceptDataLoss) {
        return apply(design, acceptDataLoss, false);
    }

    /** {@link #apply(TableDesign, boolean)}, letting foreign keys of kept fields change (for relationships only). */
    TableSchema apply(TableDesign design, boolean acceptDataLoss, boolean keysMayChange) {
        TableChangePlan plan = applyPlan(design, acceptDataLoss, keysMayChange);
        List<String> warnings = new ArrayList<>();
        Names.styleWarning("table", design.name()).ifPresent(w -> {
            if (!design.existing()) {
                warnings.add(w);
            }
        });
        design.fields().stream().filter(f -> !f.name().equals(f.original()))
                .forEach(f -> Names.styleWarning("field", f.name()).ifPresent(warnings::add));
        return schemas.require(design.name()).withReport(plan.summary(), warnings);
    }

    /** Plans the design once, refuses it as {@link #apply(TableDesign, boolean)} says, runs it, and returns the plan it ran. */
    TableChangePlan applyPlan(TableDesign design, boolean acceptDataLoss, boolean keysMayChange) {
        TableSnapshot snapshot = snapshot(design.name());
        TableChangePlan plan = TableChangePlanner.plan(dialect, snapshot, design, keysMayChange);
        List<TableChangeRisk> risks = risks(snapshot, design);
        List<String> rejected = risks.stream().filter(TableChangeRisk::blocking).map(TableChangeRisk::message).toList();
        if (!rejected.isEmpty()) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Nothing was changed: " + String.join(" ", rejected));
        }
        List<String> losses = risks.stream().filter(r -> !r.blocking()).map(TableChangeRisk::message).toList();
        if (!losses.isEmpty() && !acceptDataLoss) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "Nothing was changed, because the change affects existing data: "
                    + String.join(" ", losses) + " Confirm to apply it anyway.");
        }
        try {
            if (!plan.statements().isEmpty()) {
                run(plan);
            }
            schemas.invalidate();
            if (Boolean.TRUE.equals(plan.trackHistory())) {
                schemas.startTracking(design.name());
            } else if (Boolean.FALSE.equals(plan.trackHistory())) {
                schemas.stopTracking(design.name());
            }
        } finally {
            schemas.invalidate();
        }
        return plan;
    }

    private void run(TableChangePlan plan) {
        session.withConnection(c -> {
            try {
                for (SqlStatement s : plan.before()) {
                    execute(c, s);
                }
                c.setAutoCommit(false);
                try {
                    for (SqlStatement s : plan.statements()) {
                        execute(c, s);
                    }
                    if (plan.check() != null) {
                        try (PreparedStatement ps = session.prepare(c, plan.check()); ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                throw new TablewrightException(ErrorCode.FOREIGN_KEY_VIOLATION, "Changing '" + plan.table()
                                        + "' would break a foreign key of table '" + rs.getString(1) + "'; nothing was changed.");
                            }
                        }
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } finally {
                for (SqlStatement s : plan.after()) {
                    execute(c, s);
                }
            }
            return null;
        });
    }

    private void execute(Connection c, SqlStatement s) throws SQLException {
        try (PreparedStatement ps = session.prepare(c, s)) {
            ps.execute();
        }
    }
}
