package dev.tablewright.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One facet of {@link Dialect}: reading what the database holds: its tables, and where DatabaseMetaData should look. */
public sealed interface CatalogReader extends SqlSyntax permits Dialect {
    /** The table names of the current database/schema (base tables only), unsorted. */
    List<String> listTables(Connection connection) throws SQLException;

    /** Catalog and schema to pass to DatabaseMetaData for the current database. */
    String metaCatalog(Connection connection) throws SQLException;

    String metaSchema(Connection connection) throws SQLException;

    /** What the catalog says of {@code table}: primary key, unique indexes, foreign keys and columns. */
    default TableCatalog tableCatalog(Connection connection, String table) throws SQLException {
        return TableCatalog.fromMetaData(connection.getMetaData(), metaCatalog(connection), metaSchema(connection), table);
    }

    /** {@link #tableCatalog} of each of {@code tables}, in their order. */
    default Map<String, TableCatalog> tableCatalogs(Connection connection, List<String> tables) throws SQLException {
        Map<String, TableCatalog> out = new LinkedHashMap<>();
        for (String table : tables) {
            out.put(table, tableCatalog(connection, table));
        }
        return out;
    }

    /** The foreign keys of other tables that reference {@code table}. */
    default List<TableCatalog.ExportedKey> exportedKeys(Connection connection, String table) throws SQLException {
        return TableCatalog.exportedFromMetaData(connection.getMetaData(), metaCatalog(connection), metaSchema(connection), table);
    }

    /** Drops every table, view and trigger of the current database. */
    void dropEverything(Connection connection) throws SQLException;
}
