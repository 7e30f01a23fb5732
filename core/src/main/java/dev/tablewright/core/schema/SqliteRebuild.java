package dev.tablewright.core.schema;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.connect.Session;
import dev.tablewright.core.dialect.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table change SQLite's ALTER TABLE cannot make, done as sqlite.org/lang_altertable.html
 * section 7 prescribes: foreign keys off (so dropping the old table fires no cascade on its
 * children), new table under an unused name, copy, drop, rename, recreate indexes, triggers and
 * views, {@code PRAGMA foreign_key_check}, commit, foreign keys back on.
 */
final class SqliteRebuild {
    private final Session session;
    private final SchemaManager schemas;
    private final Dialect dialect;

    SqliteRebuild(Session session, SchemaManager schemas) {
        this.session = session;
        this.schemas = schemas;
        this.dialect = session.dialect();
    }

    List<String> rebuild(String table, Map<String, FieldSpec> merged, Map<String, FieldSpec> added, StoredTable stored) {
        return session.withConnection(c -> {
            List<String> done = new ArrayList<>();
            exec(c, "PRAGMA foreign_keys = OFF");
            try {
                c.setAutoCommit(false);
                try {
                    run(c, table, merged, added, stored, done);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } finally {
                exec(c, "PRAGMA foreign_keys = ON");
            }
            return done;
        });
    }

    private void run(Connection c, String table, Map<String, FieldSpec> merged, Map<String, FieldSpec> added,
                     StoredTable stored, List<String> done) throws SQLException {
        // Step 3: remember the indexes and triggers of the table, and every view (views are dropped
        // and recreated, because renaming a table checks every view of the schema).
        List<String> indexesAndTriggers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index','trigger') AND sql IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexesAndTriggers.add(rs.getString(1));
                }
            }
        }
        List<String[]> views = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'view'")) {
            while (rs.next()) {
                views.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] v : views) {
            exec(c, "DROP VIEW " + dialect.quoteIdentifier(v[0]));
        }
        // Step 4: the new table under a name nothing else uses.
        String temp = "__tw_rebuild_" + Long.toHexString(System.nanoTime());
        String create = schemas.createTableSql(temp, table, merged);
        exec(c, create);
        done.add(create.replace(dialect.quoteIdentifier(temp), dialect.quoteIdentifier(table)));
        // Step 5: copy every row; new columns get their default (or null).
        List<String> oldColumns = merged.keySet().stream().filter(k -> !added.containsKey(k)).toList();
        List<String> newColumns = new ArrayList<>(oldColumns);
        StringBuilder select = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (String col : oldColumns) {
            select.append(select.length() == 0 ? "" : ", ").append(dialect.quoteIdentifier(col));
        }
        for (Map.Entry<String, FieldSpec> e : added.entrySet()) {
            FieldSpec f = e.getValue();
            if (f.defaultValue() != null) {
                newColumns.add(e.getKey());
                select.append(select.length() == 0 ? "" : ", ").append("?");
                Object v = f.storedDefault(e.getKey(), Values.date(e.getKey(), java.time.Instant.now()));
                params.add(new Session.TypedValue(f.type(), v));
            }
        }
        String copy = "INSERT INTO " + dialect.quoteIdentifier(temp) + " (" + String.join(", ", newColumns.stream().map(dialect::quoteIdentifier).toList())
                + ") SELECT " + select + " FROM " + dialect.quoteIdentifier(table);
        try (PreparedStatement ps = c.prepareStatement(copy)) {
            session.bindAll(ps, params);
            ps.executeUpdate();
        }
        // Steps 6-7: drop the old table (no cascade: foreign keys are off) and take its name.
        exec(c, "DROP TABLE " + dialect.quoteIdentifier(table));
        exec(c, "ALTER TABLE " + dialect.quoteIdentifier(temp) + " RENAME TO " + dialect.quoteIdentifier(table));
        // Step 8: indexes, triggers and views as they were.
        for (String sql : indexesAndTriggers) {
            exec(c, sql);
        }
        for (String[] v : views) {
            exec(c, v[1]);
        }
        schemas.saveStored(c, table, stored);
        // Step 10: the rebuilt table must not break any foreign key.
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            if (rs.next()) {
                throw new TablewrightException(ErrorCode.FOREIGN_KEY_VIOLATION, "Rebuilding '" + table + "' would break a foreign key of table '"
                        + rs.getString(1) + "'; nothing was changed.");
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
