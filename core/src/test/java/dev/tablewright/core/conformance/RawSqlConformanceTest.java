package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.sql.QueryResult;
import dev.tablewright.core.sql.RawSql;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Comparator;

/** The raw-SQL API (query, queryOne, exec, batch) on every dialect. */
class RawSqlConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    /** What the reference's TypeScript example types a row as. */
    record User(String id, String email, String name, Long age) {
    }

    private static String q(Connector db, String name) {
        return db.dialect().quoteIdentifier(name);
    }

    private static Connector withUsers(String dialect) {
        Connector db = Conformance.open(dialect);
        db.exec("CREATE TABLE " + q(db, "users") + " (" + q(db, "id") + " VARCHAR(40) PRIMARY KEY, " + q(db, "email") + " VARCHAR(255), "
                + q(db, "name") + " VARCHAR(255), " + q(db, "age") + " INTEGER)");
        return db;
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void queryBindsParametersAndReportsMeta(String dialect) {
        try (Connector db = withUsers(dialect)) {
            QueryResult insert = db.query("INSERT INTO " + q(db, "users") + " VALUES (?, ?, ?, ?), (?, ?, ?, ?)",
                    List.of("u1", "a@example.com", "Ann", 30, "u2", "b@example.com", "Bob", 40));
            assertEquals(2, insert.meta().changes());
            assertEquals(List.of(), insert.results());
            assertTrue(insert.meta().durationMs() >= 0);
            QueryResult select = db.query("SELECT " + q(db, "name") + " FROM " + q(db, "users") + " WHERE " + q(db, "age") + " > ? ORDER BY "
                    + q(db, "name"), List.of(25));
            assertEquals(List.of(Map.of("name", "Ann"), Map.of("name", "Bob")), select.results());
            assertEquals(0, select.meta().changes());
            assertEquals(List.of("name"), select.meta().columns());
            QueryResult update = db.query("UPDATE " + q(db, "users") + " SET " + q(db, "age") + " = " + q(db, "age") + " + 1", List.of());
            assertEquals(2, update.meta().changes());
            User typed = db.queryOne("SELECT * FROM " + q(db, "users") + " WHERE " + q(db, "id") + " = ?", List.of("u2"), User.class);
            assertEquals(new User("u2", "b@example.com", "Bob", 41L), typed);
            assertNull(db.queryOne("SELECT * FROM " + q(db, "users") + " WHERE " + q(db, "id") + " = ?", List.of("nobody"), User.class));
            assertNull(db.queryOne("SELECT * FROM " + q(db, "users") + " WHERE " + q(db, "id") + " = ?", List.of("nobody")));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void lastRowIdComesBackWhereTheDialectHasOne(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("logs", Map.of("n", Map.of("type", "integer", "primaryKey", true, "autoIncrement", true), "msg", "string"));
            QueryResult r = db.query("INSERT INTO " + q(db, "logs") + " (" + q(db, "msg") + ") VALUES (?)", List.of("hello"));
            if (db.dialect().supportsReturning() && db.dialect().name().equals("postgres")) {
                assertNull(r.meta().lastRowId(), "PostgreSQL has no last row id; use RETURNING");
                QueryResult returning = db.query("INSERT INTO " + q(db, "logs") + " (" + q(db, "msg") + ") VALUES (?) RETURNING " + q(db, "n"), List.of("x"));
                assertEquals(2L, returning.results().get(0).get("n"));
            } else {
                assertEquals(1L, r.meta().lastRowId());
            }
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void execRunsAScriptSplitAroundStringsAndComments(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            String t = q(db, "notes");
            String script = "-- a comment; with a semicolon\n"
                    + "CREATE TABLE " + t + " (" + q(db, "body") + " VARCHAR(200));\n"
                    + "/* block; comment */ INSERT INTO " + t + " VALUES ('semi;colon');\n"
                    + "INSERT INTO " + t + " VALUES ('it''s -- not a comment');\n"
                    + "INSERT INTO " + t + " VALUES ('/* nor this */');";
            assertEquals(Map.of("count", 4), db.exec(script));
            assertEquals(List.of("semi;colon", "it's -- not a comment", "/* nor this */"),
                    Conformance.values(db.query("SELECT * FROM " + t).results(), "body").stream().sorted(
                            Comparator.comparing(v -> List.of("semi;colon", "it's -- not a comment", "/* nor this */").indexOf(v))).toList());
            assertEquals(List.of("notes"), db.getAllTables());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void execKeepsTriggerBodiesWhole(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            String script = switch (db.dialect().name()) {
                case "sqlite" -> "CREATE TABLE a (x INTEGER); CREATE TABLE b (y INTEGER);\n"
                        + "CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (NEW.x); INSERT INTO b VALUES (NEW.x * 10); END;\n"
                        + "INSERT INTO a VALUES (1);";
                case "postgres" -> "CREATE TABLE a (x INTEGER); CREATE TABLE b (y INTEGER);\n"
                        + "CREATE FUNCTION copy_x() RETURNS trigger AS $$ BEGIN INSERT INTO b VALUES (NEW.x); INSERT INTO b VALUES (NEW.x * 10); RETURN NEW; END; $$ LANGUAGE plpgsql;\n"
                        + "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION copy_x();\n"
                        + "INSERT INTO a VALUES (1);";
                default -> "CREATE TABLE a (x INTEGER); CREATE TABLE b (y INTEGER);\n"
                        + "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW BEGIN INSERT INTO b VALUES (NEW.x); INSERT INTO b VALUES (NEW.x * 10); END;\n"
                        + "INSERT INTO a VALUES (1);";
            };
            db.exec(script);
            assertEquals(2L, db.queryOne("SELECT COUNT(*) AS n FROM b", List.of()).get("n"));
            assertEquals(10L, db.queryOne("SELECT MAX(y) AS m FROM b", List.of()).get("m"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aFailedScriptOrBatchLeavesTheDatabaseAsItWas(String dialect) {
        try (Connector db = withUsers(dialect)) {
            String t = q(db, "users");
            var e = assertCode(ErrorCode.SQL_ERROR, () -> db.exec("INSERT INTO " + t + " VALUES ('a', 'a@x', 'A', 1);\n"
                    + "INSERT INTO " + t + " VALUES ('b', 'b@x', 'B', 2);\nINSERT INTO no_such_table VALUES (1);"));
            assertTrue(e.getMessage().startsWith("Statement 3 of 3 failed"), e.getMessage());
            assertTrue(e.getMessage().contains("Nothing was applied."), "what the message says is true: " + e.getMessage());
            assertEquals(0L, db.queryOne("SELECT COUNT(*) AS n FROM " + t, List.of()).get("n"));

            var b = assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.batch(List.of(
                    new RawSql.Statement("INSERT INTO " + t + " VALUES (?, ?, ?, ?)", List.of("o1", "o@x", "O", 5)),
                    new RawSql.Statement("UPDATE " + t + " SET " + q(db, "age") + " = ?", List.of(6)),
                    new RawSql.Statement("INSERT INTO " + t + " VALUES (?, ?, ?, ?)", List.of("o1", "dup@x", "D", 7)))));
            assertTrue(b.getMessage().contains("Statement 3 of 3"), b.getMessage());
            assertEquals(0L, db.queryOne("SELECT COUNT(*) AS n FROM " + t, List.of()).get("n"));

            List<QueryResult> ok = db.batch(List.of(
                    new RawSql.Statement("INSERT INTO " + t + " VALUES (?, ?, ?, ?)", List.of("o1", "o@x", "O", 5)),
                    new RawSql.Statement("UPDATE " + t + " SET " + q(db, "age") + " = " + q(db, "age") + " + ? WHERE " + q(db, "id") + " = ?", List.of(1, "o1")),
                    new RawSql.Statement("SELECT " + q(db, "age") + " FROM " + t, List.of())));
            assertEquals(3, ok.size());
            assertEquals(1, ok.get(1).meta().changes());
            assertEquals(List.of(Map.of("age", 6L)), ok.get(2).results());
            var syntax = assertCode(ErrorCode.SQL_ERROR, () -> db.query("SELEC nonsense", List.of()));
            assertTrue(syntax.getMessage().toLowerCase().contains("syntax") || syntax.getMessage().contains("SELEC"), syntax.getMessage());
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.query("  ", List.of()));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void fewerOrMoreParametersThanPlaceholdersIsInvalidArgumentWithBothCounts(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.exec("CREATE TABLE t (a INTEGER, b VARCHAR(20))");
            String few = assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.query("INSERT INTO t (a, b) VALUES (?, ?)", List.of(1))).getMessage();
            assertTrue(few.contains("2") && few.contains("1"), few);
            String many = assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.query("SELECT a FROM t WHERE a = ?", List.of(1, 2, 3))).getMessage();
            assertTrue(many.contains("1") && many.contains("3"), many);
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.query("SELECT a FROM t WHERE a = ?", List.of()));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.batch(List.of(new RawSql.Statement("INSERT INTO t (a) VALUES (?)", List.of()))));
            assertEquals(0, db.query("SELECT a FROM t", List.of()).results().size(), "nothing was written");
            assertTrue(db.isConnected(), "a wrong parameter count is not a lost connection");
            assertEquals(1, db.query("SELECT '?' AS q, a FROM t WHERE a = ? -- and ?", List.of(1)).meta().columns().size() - 1,
                    "question marks in strings and comments are not placeholders");
        }
    }

    /**
     * The ordinary ways a statement fails: each is the database's refusal, never CONNECTION_FAILED
     * (which tells a person to check the server and the network), and the connection goes on.
     */
    @ParameterizedTest
    @MethodSource(DIALECTS)
    void noOrdinaryFailureOfAStatementReadsAsALostConnection(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.exec("CREATE TABLE t (a INTEGER PRIMARY KEY, b VARCHAR(5) NOT NULL)");
            db.query("INSERT INTO t (a, b) VALUES (?, ?)", List.of(1, "one"));
            Map<String, Executable> failures = new LinkedHashMap<>();
            failures.put("a syntax error", () -> db.query("SELEC a FROM t", List.of()));
            failures.put("an unknown table", () -> db.query("SELECT a FROM nowhere", List.of()));
            failures.put("an unknown column", () -> db.query("SELECT nothing FROM t", List.of()));
            failures.put("a duplicate key", () -> db.query("INSERT INTO t (a, b) VALUES (?, ?)", List.of(1, "again")));
            failures.put("a null in a NOT NULL column", () -> db.query("INSERT INTO t (a, b) VALUES (?, ?)", Arrays.asList(2, null)));
            failures.put("too few parameters", () -> db.query("INSERT INTO t (a, b) VALUES (?, ?)", List.of(3)));
            failures.put("too many parameters", () -> db.query("SELECT a FROM t WHERE a = ?", List.of(1, 2)));
            failures.put("a table made twice", () -> db.exec("CREATE TABLE t (a INTEGER)"));
            failures.put("a failing statement in a batch", () -> db.batch(List.of(
                    new RawSql.Statement("INSERT INTO t (a, b) VALUES (?, ?)", List.of(4, "four")),
                    new RawSql.Statement("INSERT INTO t (a, b) VALUES (?, ?)", List.of(4, "dup")))));
            failures.forEach((what, call) -> {
                TablewrightException e = assertThrows(TablewrightException.class, call, what);
                assertNotEquals(ErrorCode.CONNECTION_FAILED, e.code(), what + " read as a lost connection: " + e.getMessage());
            });
            assertTrue(db.isConnected());
            assertEquals(List.of(Map.of("a", 1L)), db.query("SELECT a FROM t", List.of()).results().stream()
                    .map(r -> Map.of("a", ((Number) r.get("a")).longValue())).toList(), "the connection goes on, and nothing was written");
        }
    }

    /** The reference's own example of describing a table works on SQLite, where a PRAGMA cannot take a parameter. */
    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void theReferencesPragmaTableInfoWithAParameterDescribesATableOnSqlite(String dialect) {
        if (!dialect.equals("sqlite")) {
            return;
        }
        try (Connector db = Conformance.open(dialect)) {
            db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            List<Map<String, Object>> columns = db.query("PRAGMA table_info(?)", List.of("users")).results();
            assertEquals(List.of("id", "name"), Conformance.values(columns, "name"));
            assertEquals(columns, db.query("pragma TABLE_INFO ( ? );", List.of("users")).results());
            assertEquals(2, db.query("PRAGMA table_info(users)", List.of()).results().size(), "a pragma without a parameter runs as written");
        }
    }

    /** A failed script says truly what stayed: nothing in one transaction; on MySQL/MariaDB, table changes made before it. */
    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void aFailedScriptSaysWhatStayedApplied(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            var e = assertCode(ErrorCode.SQL_ERROR, () -> db.exec("CREATE TABLE a1 (x INTEGER);\nCREATE TABLE a2 (x INTEGER);\nCREATE TABLE a1 (x INTEGER);"));
            boolean kept = db.getAllTables().contains("a1");
            if (kept) {
                assertTrue(e.getMessage().contains("The 2 statements before it stay applied"), e.getMessage());
                assertEquals(List.of("a1", "a2"), db.getAllTables());
            } else {
                assertTrue(e.getMessage().contains("Nothing was applied."), e.getMessage());
                assertEquals(List.of(), db.getAllTables());
            }
            assertEquals(dialect.equals("mariadb") || dialect.equals("mysql"), kept, "only MySQL/MariaDB cannot undo table changes");
            var first = assertCode(ErrorCode.SQL_ERROR, () -> db.exec("INSERT INTO no_such_table VALUES (1);\nCREATE TABLE b1 (x INTEGER);"));
            assertTrue(first.getMessage().contains("Nothing was applied."), first.getMessage());
        }
    }
}
