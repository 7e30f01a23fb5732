package dev.tablewright.core.dialect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQLite's catalog read through its pragmas says what the driver's DatabaseMetaData says, table by table. */
class SqliteCatalogTest {
    private static final Path CHINOOK = Path.of("..", "..", "shared", "datasets", "chinook", "Chinook_Sqlite.sqlite");

    @TempDir
    Path dir;

    @Test
    void tablesOfEveryShapeReadAsTheDriverDescribesThem() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("shapes.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE p (code TEXT PRIMARY KEY, x INTEGER)");
                s.execute("CREATE TABLE \"we\"\"ird\" (a INTEGER PRIMARY KEY AUTOINCREMENT, b VARCHAR(255) NOT NULL DEFAULT 'x', c \"decimal\"(10,2),"
                        + " d, e DATETIME DEFAULT CURRENT_TIMESTAMP, f BOOLEAN DEFAULT 0, g JSON, h BLOB, i NVARCHAR(40) UNIQUE, j REAL, k INT,"
                        + " l TEXT REFERENCES p(code) ON DELETE CASCADE, m text, n NUMERIC, o character varying(12), UNIQUE(j,k))");
                s.execute("CREATE TABLE q (a INT, b TEXT, PRIMARY KEY (b, a), FOREIGN KEY (b) REFERENCES p)");
                s.execute("CREATE UNIQUE INDEX qi ON q(a)");
                s.execute("CREATE TABLE plain (id INTEGER PRIMARY KEY, note TEXT)");
                s.execute("CREATE TABLE sizes (a NUMERIC(10,2), b DECIMAL( 8 , 1 ), c VARCHAR (9), d FLOAT(3), e DOUBLE PRECISION(4,2), f CHAR(-3))");
                s.execute("CREATE TABLE late (x TEXT, id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT)");
                s.execute("CREATE TABLE k (x INT REFERENCES late(id), y INT REFERENCES plain(id) ON DELETE SET NULL, z INT REFERENCES q,"
                        + " w INT REFERENCES plain(id) ON DELETE RESTRICT, u INT, v TEXT)");
                s.execute("CREATE UNIQUE INDEX kp ON k(u) WHERE u > 0");
                s.execute("CREATE UNIQUE INDEX ke ON k(lower(v))");
                s.execute("CREATE TABLE nokey (a, b)");
            }
            for (String table : List.of("p", "we\"ird", "q", "plain", "sizes", "late", "k", "nokey")) {
                assertSameAsDriver(c, table);
            }
        }
    }

    /** Where the driver looks for the word anywhere in the table's SQL, the keyword itself counts. */
    @Test
    void autoIncrementIsTheKeywordNotTheWordInAStringOrAComment() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("words.db"))) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE plain (id INTEGER PRIMARY KEY, note TEXT DEFAULT 'autoincrement' /* no AUTOINCREMENT here */)");
                s.execute("CREATE TABLE counted (id integer primary key autoincrement, note TEXT)");
            }
            assertFalse(SqliteCatalog.read(c, "plain").columns().get(0).autoIncrement());
            assertTrue(SqliteCatalog.read(c, "counted").columns().get(0).autoIncrement());
        }
    }

    @Test
    void chinookReadsAsTheDriverDescribesIt() throws Exception {
        Path copy = dir.resolve("chinook.sqlite");
        Files.copy(CHINOOK, copy, StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            List<String> tables = new SqliteDialect().listTables(c);
            assertEquals(11, tables.size(), tables.toString());
            for (String table : tables) {
                assertSameAsDriver(c, table);
            }
        }
    }

    private static void assertSameAsDriver(Connection c, String table) throws SQLException {
        TableCatalog driver = TableCatalog.fromMetaData(c.getMetaData(), null, null, table);
        TableCatalog pragmas = SqliteCatalog.read(c, table);
        assertFalse(driver.columns().isEmpty(), table);
        assertEquals(driver.primaryKey(), pragmas.primaryKey(), table + ": primary key");
        assertEquals(sorted(driver.uniqueIndexes()), sorted(pragmas.uniqueIndexes()), table + ": unique indexes");
        assertEquals(driver.importedKeys(), pragmas.importedKeys(), table + ": foreign keys");
        assertEquals(TableCatalog.exportedFromMetaData(c.getMetaData(), null, null, table), SqliteCatalog.exportedKeys(c, table),
                table + ": foreign keys referencing it");
        // The JDBC type code is the one fact left out: SQLite's types are read from their names.
        assertEquals(driver.columns().stream().map(SqliteCatalogTest::withoutJdbcType).toList(),
                pragmas.columns().stream().map(SqliteCatalogTest::withoutJdbcType).toList(), table + ": columns");
    }

    private static TableCatalog.Column withoutJdbcType(TableCatalog.Column c) {
        return new TableCatalog.Column(c.name(), c.typeName(), 0, c.size(), c.nullable(), c.defaultValue(), c.autoIncrement());
    }

    private static List<String> sorted(List<List<String>> indexes) {
        return indexes.stream().map(String::valueOf).sorted().toList();
    }
}
