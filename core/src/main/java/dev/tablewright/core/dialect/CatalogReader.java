package dev.tablewright.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One facet of {@link Dialect}: reading what the database holds: its tables, and where DatabaseMetaData should look. */
public sealed interface CatalogReader extends SqlSyntax permits Dialect {
    /** The table names of the current database/schema (base tables only), unsorted. */
    List<String> listTables(Connection connection) throws SQLException;

    /** Catalog and schema to pass to DatabaseMetaData for the current database. */
    String metaCatalog(Connection connection) throws SQLException;

    String metaSchema(Connection connection) throws SQLException;

    /** Drops every table, view and trigger of the current database. */
    void dropEverything(Connection connection) throws SQLException;
}
