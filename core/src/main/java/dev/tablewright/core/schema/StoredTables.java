package dev.tablewright.core.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.SqlStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the workbench keeps about its tables in the internal table {@value InternalNames#SCHEMA_TABLE}
 * (one JSON definition per table), so a second client or a restart sees the logical schema.
 */
final class StoredTables {
    private StoredTables() {
    }


    /** What the workbench stored about every table, by table; the internal table must exist. */
    static Map<String, StoredTable> loadAll(Connection c, Dialect dialect) throws SQLException {
        Map<String, StoredTable> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + dialect.quoteIdentifier("tableName") + ", " + dialect.quoteIdentifier("definition")
                + " FROM " + dialect.quoteIdentifier(InternalNames.SCHEMA_TABLE)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    out.put(rs.getString(1), Json.MAPPER.readValue(rs.getString(2), new TypeReference<StoredTable>() { }));
                } catch (JsonProcessingException e) {
                    throw new TablewrightException(ErrorCode.SQL_ERROR, "The stored schema of '" + rs.getString(1) + "' is damaged: " + e.getOriginalMessage(), e);
                }
            }
        }
        return out;
    }

    /** What the workbench stored about {@code table}; null for a table it knows nothing of. */
    static StoredTable load(Dialect dialect, Connection c, String table) throws SQLException {
        if (!dialect.listTables(c).contains(InternalNames.SCHEMA_TABLE)) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + dialect.quoteIdentifier("definition") + " FROM " + dialect.quoteIdentifier(InternalNames.SCHEMA_TABLE) + " WHERE " + dialect.quoteIdentifier("tableName") + " = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return Json.MAPPER.readValue(rs.getString(1), new TypeReference<StoredTable>() { });
            } catch (JsonProcessingException e) {
                throw new TablewrightException(ErrorCode.SQL_ERROR, "The stored schema of '" + table + "' is damaged: " + e.getOriginalMessage(), e);
            }
        }
    }

    private static void ensureMeta(Dialect dialect, Connection c) throws SQLException {
        if (dialect.listTables(c).contains(InternalNames.SCHEMA_TABLE)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute(metaTableSql(dialect));
        }
    }

    static String metaTableSql(Dialect dialect) {
        return "CREATE TABLE " + dialect.quoteIdentifier(InternalNames.SCHEMA_TABLE) + " (" + dialect.quoteIdentifier("tableName") + " " + dialect.columnType(LogicalType.STRING)
                + " NOT NULL PRIMARY KEY, " + dialect.quoteIdentifier("definition") + " " + dialect.columnType(LogicalType.TEXT) + " NOT NULL)"
                + dialect.createTableSuffix();
    }

    /** The statements that store what the workbench knows of a table: the same two {@link #save} runs. */
    static List<SqlStatement> saveStoredStatements(Dialect dialect, String table, StoredTable stored) {
        String meta = dialect.quoteIdentifier(InternalNames.SCHEMA_TABLE);
        String name = dialect.quoteIdentifier("tableName");
        return List.of(SqlStatement.of("DELETE FROM " + meta + " WHERE " + name + " = ?", table),
                SqlStatement.of("INSERT INTO " + meta + " (" + name + ", " + dialect.quoteIdentifier("definition") + ") VALUES (?, ?)", table, Json.write(stored)));
    }

    /**
     * Whether the workbench keeps anything of its own about the table: the logical types of a table
     * it created, or the history of one whose tracking the user turned on. A table some other tool
     * made, without history, is read from the catalog alone (its types inferred from the native
     * ones), so browsing, editing and designing it writes none of the workbench's tables.
     */
    static boolean worthStoring(StoredTable stored) {
        return stored.created() || stored.trackHistory();
    }

    /**
     * Replaces what is stored about {@code table}, creating the internal table when it is missing;
     * forgets it instead when there is nothing {@link #worthStoring worth storing}.
     */
    static void save(Dialect dialect, Connection c, String table, StoredTable stored) throws SQLException {
        if (!worthStoring(stored)) {
            delete(dialect, c, table);
            return;
        }
        ensureMeta(dialect, c);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + dialect.quoteIdentifier(InternalNames.SCHEMA_TABLE) + " WHERE " + dialect.quoteIdentifier("tableName") + " = ?")) {
            del.setString(1, table);
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + dialect.quoteIdentifier(InternalNames.SCHEMA_TABLE) + " (" + dialect.quoteIdentifier("tableName") + ", " + dialect.quoteIdentifier("definition") + ") VALUES (?, ?)")) {
            ins.setString(1, table);
            ins.setString(2, Json.write(stored));
            ins.executeUpdate();
        }
    }

    /** Forgets what is stored about {@code table}. */
    static void delete(Dialect dialect, Connection c, String table) throws SQLException {
        if (dialect.listTables(c).contains(InternalNames.SCHEMA_TABLE)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + dialect.quoteIdentifier(InternalNames.SCHEMA_TABLE) + " WHERE " + dialect.quoteIdentifier("tableName") + " = ?")) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
        }
    }
}
