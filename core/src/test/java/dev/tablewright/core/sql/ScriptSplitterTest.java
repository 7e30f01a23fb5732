package dev.tablewright.core.sql;

import dev.tablewright.core.lex.SqlFlavor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.tablewright.core.lex.SqlFlavor.MYSQL;
import static dev.tablewright.core.lex.SqlFlavor.POSTGRES;
import static dev.tablewright.core.lex.SqlFlavor.SQLITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptSplitterTest {

    private static List<String> split(String script, SqlFlavor flavor) {
        return ScriptSplitter.split(script, flavor);
    }

    private static Arguments row(SqlFlavor flavor, String script, String... expected) {
        return Arguments.of(flavor, script, List.of(expected));
    }

    // ---------------------------------------------------------------------------------------------
    // Quoting and comments
    // ---------------------------------------------------------------------------------------------

    static Stream<Arguments> semicolonsInsideQuotesAndComments() {
        return Stream.of(
                // SQLite: '...', "...", `...`, [...], -- and /* */
                row(SQLITE, "SELECT 'a;b'; SELECT 2", "SELECT 'a;b'", "SELECT 2"),
                row(SQLITE, "SELECT \"a;b\" FROM t; SELECT 2", "SELECT \"a;b\" FROM t", "SELECT 2"),
                row(SQLITE, "SELECT `a;b` FROM t; SELECT 2", "SELECT `a;b` FROM t", "SELECT 2"),
                row(SQLITE, "SELECT [a;b] FROM t; SELECT 2", "SELECT [a;b] FROM t", "SELECT 2"),
                row(SQLITE, "SELECT 1, -- a;b\n 2; SELECT 3", "SELECT 1, -- a;b\n 2", "SELECT 3"),
                row(SQLITE, "SELECT 1, /* a;b */ 2; SELECT 3", "SELECT 1, /* a;b */ 2", "SELECT 3"),
                // PostgreSQL: '...', "...", -- , /* */ (nested), $$...$$, $tag$...$tag$, E'...'
                row(POSTGRES, "SELECT 'a;b'; SELECT 2", "SELECT 'a;b'", "SELECT 2"),
                row(POSTGRES, "SELECT \"a;b\" FROM t; SELECT 2", "SELECT \"a;b\" FROM t", "SELECT 2"),
                row(POSTGRES, "SELECT 1, -- a;b\n 2; SELECT 3", "SELECT 1, -- a;b\n 2", "SELECT 3"),
                row(POSTGRES, "SELECT 1, /* a; /* b; */ c; */ 2; SELECT 3",
                        "SELECT 1, /* a; /* b; */ c; */ 2", "SELECT 3"),
                row(POSTGRES, "SELECT $$a;b$$; SELECT 2", "SELECT $$a;b$$", "SELECT 2"),
                row(POSTGRES, "SELECT $x$a;$$;b$x$; SELECT 2", "SELECT $x$a;$$;b$x$", "SELECT 2"),
                row(POSTGRES, "SELECT E'a\\';b'; SELECT 2", "SELECT E'a\\';b'", "SELECT 2"),
                row(POSTGRES, "SELECT e'a\\';b'; SELECT 2", "SELECT e'a\\';b'", "SELECT 2"),
                // MySQL: '...', "..." (both with backslash escapes), `...`, #, -- , /* */
                row(MYSQL, "SELECT 'a;b'; SELECT 2", "SELECT 'a;b'", "SELECT 2"),
                row(MYSQL, "SELECT \"a;b\"; SELECT 2", "SELECT \"a;b\"", "SELECT 2"),
                row(MYSQL, "SELECT `a;b` FROM t; SELECT 2", "SELECT `a;b` FROM t", "SELECT 2"),
                row(MYSQL, "SELECT 1, # a;b\n 2; SELECT 3", "SELECT 1, # a;b\n 2", "SELECT 3"),
                row(MYSQL, "SELECT 1, -- a;b\n 2; SELECT 3", "SELECT 1, -- a;b\n 2", "SELECT 3"),
                row(MYSQL, "SELECT 1, /* a;b */ 2; SELECT 3", "SELECT 1, /* a;b */ 2", "SELECT 3"),
                row(MYSQL, "SELECT 'a\\';b'; SELECT 2", "SELECT 'a\\';b'", "SELECT 2"),
                row(MYSQL, "SELECT \"a\\\";b\"; SELECT 2", "SELECT \"a\\\";b\"", "SELECT 2"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void semicolonsInsideQuotesAndComments(SqlFlavor flavor, String script, List<String> expected) {
        assertEquals(expected, split(script, flavor));
    }

    static Stream<Arguments> escapedQuotesDoNotCloseTheQuote() {
        return Stream.of(
                row(SQLITE, "SELECT 'it''s; ok'; SELECT 2", "SELECT 'it''s; ok'", "SELECT 2"),
                row(POSTGRES, "SELECT 'it''s; ok'; SELECT 2", "SELECT 'it''s; ok'", "SELECT 2"),
                row(MYSQL, "SELECT 'it''s; ok'; SELECT 2", "SELECT 'it''s; ok'", "SELECT 2"),
                row(SQLITE, "SELECT \"a\"\";b\" FROM t; SELECT 2", "SELECT \"a\"\";b\" FROM t", "SELECT 2"),
                row(POSTGRES, "SELECT \"a\"\";b\" FROM t; SELECT 2", "SELECT \"a\"\";b\" FROM t", "SELECT 2"),
                row(SQLITE, "SELECT `a``;b` FROM t; SELECT 2", "SELECT `a``;b` FROM t", "SELECT 2"),
                row(MYSQL, "SELECT `a``;b` FROM t; SELECT 2", "SELECT `a``;b` FROM t", "SELECT 2"),
                row(MYSQL, "SELECT 'it\\'s; ok'; SELECT 2", "SELECT 'it\\'s; ok'", "SELECT 2"),
                row(MYSQL, "SELECT \"say \\\"hi;\\\"\"; SELECT 2", "SELECT \"say \\\"hi;\\\"\"", "SELECT 2"),
                // an escaped backslash does not escape the closing quote
                row(MYSQL, "SELECT 'C:\\\\'; SELECT 2", "SELECT 'C:\\\\'", "SELECT 2"),
                row(POSTGRES, "SELECT E'C:\\\\'; SELECT 2", "SELECT E'C:\\\\'", "SELECT 2"),
                // a backslash is an ordinary character in standard PostgreSQL and in SQLite strings
                row(POSTGRES, "SELECT 'C:\\'; SELECT 2", "SELECT 'C:\\'", "SELECT 2"),
                row(SQLITE, "SELECT 'C:\\'; SELECT 2", "SELECT 'C:\\'", "SELECT 2"),
                // only a lone E prefix makes an escape string
                row(POSTGRES, "SELECT name'\\'; SELECT 2", "SELECT name'\\'", "SELECT 2"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void escapedQuotesDoNotCloseTheQuote(SqlFlavor flavor, String script, List<String> expected) {
        assertEquals(expected, split(script, flavor));
    }

    @Test
    void dollarQuotesWithTagsKeepTheirSemicolonsAndPositionalParametersAreNotQuotes() {
        String script = """
                CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
                CREATE FUNCTION g() RETURNS text AS $body$ SELECT 'x;' || $$;$$; $body$ LANGUAGE sql;
                PREPARE p(int, int) AS SELECT $1 + $2;
                SELECT $Tag$ a; $tag$ b; $Tag$;
                SELECT $_1$;$_1$;
                EXECUTE p(1, 2)
                """;
        assertEquals(List.of(
                "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql",
                "CREATE FUNCTION g() RETURNS text AS $body$ SELECT 'x;' || $$;$$; $body$ LANGUAGE sql",
                "PREPARE p(int, int) AS SELECT $1 + $2",
                "SELECT $Tag$ a; $tag$ b; $Tag$",
                "SELECT $_1$;$_1$",
                "EXECUTE p(1, 2)"), split(script, POSTGRES));
    }

    @Test
    void dollarInsideAnIdentifierDoesNotOpenADollarQuote() {
        assertEquals(List.of("SELECT a$$b", "SELECT 2"), split("SELECT a$$b; SELECT 2", POSTGRES));
    }

    @ParameterizedTest
    @EnumSource(value = SqlFlavor.class, names = {"SQLITE", "MYSQL"})
    void dollarSignsAreNotQuotesOutsidePostgres(SqlFlavor flavor) {
        assertEquals(List.of("SELECT $$a", "SELECT 2$$"), split("SELECT $$a; SELECT 2$$", flavor));
    }

    @Test
    void blockCommentsNestInPostgresOnly() {
        String script = "/* a /* b; */ c; */ SELECT 1; SELECT 2";
        assertEquals(List.of("SELECT 1", "SELECT 2"), split(script, POSTGRES));
        assertEquals(List.of("c", "*/ SELECT 1", "SELECT 2"), split(script, SQLITE));
        assertEquals(List.of("c", "*/ SELECT 1", "SELECT 2"), split(script, MYSQL));
    }

    @Test
    void mysqlDoubleDashNeedsWhitespaceToStartAComment() {
        assertEquals(List.of("SELECT 1--1", "SELECT 2"), split("SELECT 1--1; SELECT 2", MYSQL));
        assertEquals(List.of("SELECT 1"), split("SELECT 1--1; SELECT 2", SQLITE));
        assertEquals(List.of("SELECT 1", "SELECT 2"), split("SELECT 1 --\n; SELECT 2", MYSQL));
    }

    @Test
    void hashIsACommentOnlyInMysql() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), split("SELECT 1; # x; y\nSELECT 2", MYSQL));
        assertEquals(List.of("SELECT 1", "# x", "y\nSELECT 2"), split("SELECT 1; # x; y\nSELECT 2", POSTGRES));
    }

    @Test
    void bracketsAreIdentifiersOnlyInSqlite() {
        assertEquals(List.of("SELECT a[1] FROM t", "SELECT 2"), split("SELECT a[1] FROM t; SELECT 2", POSTGRES));
        assertEquals(List.of("SELECT [x;y]", "SELECT 2"), split("SELECT [x;y]; SELECT 2", SQLITE));
        assertEquals(List.of("SELECT [x", "y]", "SELECT 2"), split("SELECT [x;y]; SELECT 2", MYSQL));
    }

    @ParameterizedTest
    @EnumSource(SqlFlavor.class)
    void leadingCommentsAreDroppedAndInnerCommentsKept(SqlFlavor flavor) {
        String script = "-- header; comment\n/* block; */\nSELECT /* inner; */ 1 -- trailing;\n;\n-- tail";
        assertEquals(List.of("SELECT /* inner; */ 1"), split(script, flavor));
    }

    @Test
    void mysqlExecutableCommentsAreStatements() {
        String script = "/*!40101 SET NAMES utf8mb4 */;\n/*M!100100 SET x = 1 */;\n/* plain; */;\nSELECT 1;";
        assertEquals(List.of("/*!40101 SET NAMES utf8mb4 */", "/*M!100100 SET x = 1 */", "SELECT 1"),
                split(script, MYSQL));
    }

    // ---------------------------------------------------------------------------------------------
    // Compound bodies
    // ---------------------------------------------------------------------------------------------

    private static final String SQLITE_TRIGGER = """
            CREATE TABLE t(a, b);
            CREATE TABLE log(msg);
            CREATE TRIGGER trg AFTER INSERT ON t
            WHEN CASE WHEN new.a IS NULL THEN 0 ELSE 1 END
            BEGIN
              UPDATE t SET b = CASE WHEN new.a > 0 THEN 'pos;' ELSE 'neg' END WHERE rowid = new.rowid;
              INSERT INTO log VALUES (CASE new.a WHEN 1 THEN 'one' ELSE 'many' END);
              -- a comment; inside
              DELETE FROM log WHERE msg IS NULL;
            END;
            create temp trigger trg2 after delete on t begin
              insert into log values ('deleted;' || old.a); select case when 1 then 2 end;
            end;
            INSERT INTO t VALUES (1, NULL);
            """;

    @Test
    void sqliteTriggerWithSeveralStatementsAndCaseStaysOneStatement() {
        List<String> statements = split(SQLITE_TRIGGER, SQLITE);
        assertEquals(5, statements.size(), statements::toString);
        assertTrue(statements.get(2).startsWith("CREATE TRIGGER trg AFTER INSERT ON t"));
        assertTrue(statements.get(2).endsWith("DELETE FROM log WHERE msg IS NULL;\nEND"), statements.get(2));
        assertTrue(statements.get(3).startsWith("create temp trigger trg2"));
        assertTrue(statements.get(3).endsWith("select case when 1 then 2 end;\nend"), statements.get(3));
        assertEquals("INSERT INTO t VALUES (1, NULL)", statements.get(4));
    }

    @Test
    void sqliteTriggerStatementsAreAcceptedBySqlite() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement st = c.createStatement()) {
            for (String sql : split(SQLITE_TRIGGER, SQLITE)) {
                st.execute(sql);
            }
            try (ResultSet rs = st.executeQuery("SELECT b FROM t")) {
                assertTrue(rs.next());
                assertEquals("pos;", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT msg FROM log")) {
                assertTrue(rs.next());
                assertEquals("one", rs.getString(1));
            }
        }
    }

    @Test
    void sqliteColumnsNamedBeginAndEndDoNotCloseTheTrigger() throws SQLException {
        String script = """
                CREATE TABLE periods(begin, end);
                CREATE TRIGGER tr AFTER INSERT ON periods BEGIN
                  UPDATE periods SET end = new.begin WHERE end IS NULL AND periods.begin > 0;
                  SELECT begin, end FROM periods ORDER BY end;
                END;
                INSERT INTO periods(begin, end) VALUES (5, NULL);
                """;
        List<String> statements = split(script, SQLITE);
        assertEquals(3, statements.size(), statements::toString);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
            try (ResultSet rs = st.executeQuery("SELECT end FROM periods")) {
                assertTrue(rs.next());
                assertEquals(5, rs.getInt(1));
            }
        }
    }

    @Test
    void mysqlTriggerWithBeginEndIfAndCaseStaysOneStatement() {
        String script = """
                CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW
                BEGIN
                  IF NEW.a < 0 THEN
                    SET NEW.a = 0;
                  ELSEIF NEW.a > 100 THEN
                    SET NEW.a = 100;
                  END IF;
                  SET NEW.b = IF(NEW.a > 50, 'high;', 'low');
                  CASE WHEN NEW.c IS NULL THEN SET NEW.c = 1; ELSE BEGIN END; END CASE;
                  SET NEW.d = CASE NEW.a WHEN 1 THEN 'one' ELSE 'other' END;
                END;
                INSERT INTO t VALUES (1);
                CREATE TRIGGER trg2 BEFORE UPDATE ON t FOR EACH ROW IF NEW.a IS NULL THEN SET NEW.a = OLD.a; END IF;
                CREATE TRIGGER trg3 BEFORE UPDATE ON t FOR EACH ROW SET NEW.e = NOW();
                SELECT 1;
                """;
        List<String> statements = split(script, MYSQL);
        assertEquals(5, statements.size(), statements::toString);
        assertTrue(statements.get(0).startsWith("CREATE TRIGGER trg BEFORE"));
        assertTrue(statements.get(0).endsWith("ELSE 'other' END;\nEND"), statements.get(0));
        assertEquals("INSERT INTO t VALUES (1)", statements.get(1));
        assertEquals("CREATE TRIGGER trg2 BEFORE UPDATE ON t FOR EACH ROW IF NEW.a IS NULL THEN "
                + "SET NEW.a = OLD.a; END IF", statements.get(2));
        assertEquals("CREATE TRIGGER trg3 BEFORE UPDATE ON t FOR EACH ROW SET NEW.e = NOW()", statements.get(3));
        assertEquals("SELECT 1", statements.get(4));
    }

    @Test
    void mysqlProcedureWithLoopsLabelsAndIfExistsClausesStaysOneStatement() {
        String script = """
                CREATE DEFINER=`root`@`localhost` PROCEDURE p(IN n INT)
                BEGIN
                  DECLARE i INT DEFAULT 0;
                  DECLARE CONTINUE HANDLER FOR NOT FOUND IF i > 0 THEN SET i = 0; END IF;
                  DROP TEMPORARY TABLE IF EXISTS tmp;
                  CREATE TEMPORARY TABLE IF NOT EXISTS tmp (end_at INT);
                  lbl: WHILE i < n DO
                    SET i = i + 1;
                    IF (i % 2) = 0 THEN ITERATE lbl; END IF;
                    REPEAT SET i = i + 0; UNTIL TRUE END REPEAT;
                    INSERT INTO tmp VALUES (REPEAT('x', 2), IF(i > 1, 1, 0));
                  END WHILE lbl;
                  loop1: LOOP LEAVE loop1; END LOOP loop1;
                  inner_block: BEGIN SELECT 1; END inner_block;
                END;
                CALL p(3);
                CREATE DEFINER = root@localhost FUNCTION f(x INT) RETURNS VARCHAR(10) DETERMINISTIC
                RETURN IF(x > 0, CASE WHEN x > 10 THEN 'big;' ELSE 'small' END, 'neg');
                CREATE PROCEDURE IF NOT EXISTS q() BEGIN SELECT 1; SELECT 2; END;
                SELECT f(1);
                """;
        List<String> statements = split(script, MYSQL);
        assertEquals(5, statements.size(), statements::toString);
        assertTrue(statements.get(0).endsWith("END inner_block;\nEND"), statements.get(0));
        assertEquals("CALL p(3)", statements.get(1));
        assertTrue(statements.get(2).endsWith("'neg')"), statements.get(2));
        assertEquals("CREATE PROCEDURE IF NOT EXISTS q() BEGIN SELECT 1; SELECT 2; END", statements.get(3));
        assertEquals("SELECT f(1)", statements.get(4));
    }

    @Test
    void mysqlColumnsNamedBeginAndEndDoNotCloseTheBlock() {
        String script = """
                CREATE PROCEDURE q()
                BEGIN
                  SELECT begin, end FROM periods WHERE end > begin ORDER BY end;
                  UPDATE periods SET end = NULL WHERE periods.begin IS NULL;
                END;
                SELECT 1;
                """;
        List<String> statements = split(script, MYSQL);
        assertEquals(2, statements.size(), statements::toString);
        assertEquals("SELECT 1", statements.get(1));
    }

    @Test
    void mariadbAnonymousBlockStaysOneStatement() {
        String script = "BEGIN NOT ATOMIC DECLARE x INT; SET x = 1; SELECT x; END; SELECT 2;";
        assertEquals(List.of("BEGIN NOT ATOMIC DECLARE x INT; SET x = 1; SELECT x; END", "SELECT 2"),
                split(script, MYSQL));
    }

    @Test
    void mysqlDelimiterCommandChangesTheTerminator() {
        String script = """
                DROP PROCEDURE IF EXISTS p;
                DELIMITER //
                CREATE PROCEDURE p()
                BEGIN
                  SELECT '//'; SELECT 2;
                END //
                  delimiter $$
                CREATE FUNCTION g() RETURNS INT RETURN 1$$
                SELECT g()$$ SELECT 'a;b'$$
                DELIMITER ;
                SELECT 3; SELECT 4
                """;
        assertEquals(List.of(
                "DROP PROCEDURE IF EXISTS p",
                "CREATE PROCEDURE p()\nBEGIN\n  SELECT '//'; SELECT 2;\nEND",
                "CREATE FUNCTION g() RETURNS INT RETURN 1",
                "SELECT g()",
                "SELECT 'a;b'",
                "SELECT 3",
                "SELECT 4"), split(script, MYSQL));
    }

    @Test
    void mysqldumpStyleDoubleSemicolonDelimiter() {
        String script = """
                DELIMITER ;;
                /*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END */;;
                DELIMITER ;
                SELECT 1;
                """;
        List<String> statements = split(script, MYSQL);
        assertEquals(2, statements.size(), statements::toString);
        assertTrue(statements.get(0).endsWith("SET NEW.b = 2; END */"), statements.get(0));
        assertEquals("SELECT 1", statements.get(1));
    }

    @Test
    void postgresBeginAtomicFunctionBodyStaysOneStatement() {
        String script = """
                CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN a IS NULL THEN 0 ELSE a END + b;
                END;
                SELECT add(1, 2);
                """;
        List<String> statements = split(script, POSTGRES);
        assertEquals(2, statements.size(), statements::toString);
        assertTrue(statements.get(0).endsWith("END + b;\nEND"));
    }

    @Test
    void postgresSemicolonInsideParenthesesDoesNotEndTheStatement() {
        String script = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1;";
        assertEquals(List.of(
                "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
                "SELECT 1"), split(script, POSTGRES));
    }

    static Stream<Arguments> transactionBeginIsNotABlock() {
        return Stream.of(
                row(SQLITE, "BEGIN TRANSACTION; INSERT INTO t VALUES (1); COMMIT;",
                        "BEGIN TRANSACTION", "INSERT INTO t VALUES (1)", "COMMIT"),
                row(SQLITE, "begin; insert into t values (1); end;", "begin", "insert into t values (1)", "end"),
                row(POSTGRES, "BEGIN TRANSACTION; INSERT INTO t VALUES (1); COMMIT;",
                        "BEGIN TRANSACTION", "INSERT INTO t VALUES (1)", "COMMIT"),
                row(POSTGRES, "BEGIN; INSERT INTO t VALUES (1); END;", "BEGIN", "INSERT INTO t VALUES (1)", "END"),
                row(MYSQL, "BEGIN; INSERT INTO t VALUES (1); COMMIT;", "BEGIN", "INSERT INTO t VALUES (1)", "COMMIT"),
                row(MYSQL, "BEGIN WORK; INSERT INTO t VALUES (1); COMMIT;",
                        "BEGIN WORK", "INSERT INTO t VALUES (1)", "COMMIT"),
                row(MYSQL, "START TRANSACTION; INSERT INTO t VALUES (1); COMMIT;",
                        "START TRANSACTION", "INSERT INTO t VALUES (1)", "COMMIT"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void transactionBeginIsNotABlock(SqlFlavor flavor, String script, List<String> expected) {
        assertEquals(expected, split(script, flavor));
    }

    @ParameterizedTest
    @EnumSource(SqlFlavor.class)
    void keywordsMatchCaseInsensitivelyAndOnlyAsWholeWords(SqlFlavor flavor) {
        String kind = flavor == POSTGRES ? "FUNCTION" : "TRIGGER";
        String script = "cReAtE " + kind + " x bEgIn insert into beginnings values (1); update endings set cased = 1; EnD;"
                + " select 'begin', \"end\" from backend;";
        List<String> statements = split(script, flavor);
        assertEquals(2, statements.size(), statements::toString);
        assertTrue(statements.get(0).endsWith("cased = 1; EnD"), statements.get(0));
    }

    // ---------------------------------------------------------------------------------------------
    // Empty, hostile and malformed input
    // ---------------------------------------------------------------------------------------------

    static Stream<Arguments> emptyAndCommentOnlyInputGivesNoStatements() {
        List<String> inputs = List.of("", "   \n\t\r\n", ";", " ; ;; ", "-- only a comment", "-- a; b",
                "/* block; */", "-- a\n/* b */ ;\n -- c\n;", "/* x */ /* y */");
        List<Arguments> rows = new ArrayList<>();
        for (SqlFlavor flavor : SqlFlavor.values()) {
            for (String input : inputs) {
                rows.add(Arguments.of(flavor, input));
            }
        }
        rows.add(Arguments.of(MYSQL, "# hash; comment\n-- \n"));
        rows.add(Arguments.of(MYSQL, "DELIMITER //\n-- nothing\n//\nDELIMITER ;\n"));
        rows.add(Arguments.of(POSTGRES, "/* outer /* inner; */ still; */"));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void emptyAndCommentOnlyInputGivesNoStatements(SqlFlavor flavor, String script) {
        assertEquals(List.of(), split(script, flavor));
    }

    @ParameterizedTest
    @EnumSource(SqlFlavor.class)
    void hostileTextIsOneUnterminatedString(SqlFlavor flavor) {
        assertEquals(List.of("'; DROP TABLE x; --"), split("'; DROP TABLE x; --", flavor));
        String quoted = "SELECT * FROM users WHERE name = '''; DROP TABLE x; --'";
        assertEquals(List.of(quoted), split(quoted + ";", flavor));
    }

    @Test
    void backslashInjectionDependsOnTheSqlFlavor() {
        String script = "SELECT '\\'; DROP TABLE x; --'";
        assertEquals(List.of(script), split(script, MYSQL));
        assertEquals(List.of("SELECT '\\'", "DROP TABLE x"), split(script, POSTGRES));
        assertEquals(List.of("SELECT '\\'", "DROP TABLE x"), split(script, SQLITE));
    }

    static Stream<Arguments> unterminatedConstructRunsToTheEnd() {
        return Stream.of(
                row(SQLITE, "SELECT 1; SELECT 'oops; SELECT 2", "SELECT 1", "SELECT 'oops; SELECT 2"),
                row(POSTGRES, "SELECT 1; SELECT \"oops; SELECT 2", "SELECT 1", "SELECT \"oops; SELECT 2"),
                row(MYSQL, "SELECT 1; SELECT `oops; SELECT 2", "SELECT 1", "SELECT `oops; SELECT 2"),
                row(SQLITE, "SELECT 1; SELECT [oops; SELECT 2", "SELECT 1", "SELECT [oops; SELECT 2"),
                row(MYSQL, "SELECT 1; SELECT 'oops\\", "SELECT 1", "SELECT 'oops\\"),
                row(SQLITE, "SELECT 1; /* oops; SELECT 2", "SELECT 1", "/* oops; SELECT 2"),
                row(POSTGRES, "SELECT 1; /* a /* b */ oops; SELECT 2", "SELECT 1", "/* a /* b */ oops; SELECT 2"),
                row(POSTGRES, "SELECT 1; SELECT $q$ oops; SELECT 2", "SELECT 1", "SELECT $q$ oops; SELECT 2"),
                row(POSTGRES, "SELECT 1; SELECT E'oops\\'; SELECT 2", "SELECT 1", "SELECT E'oops\\'; SELECT 2"),
                row(SQLITE, "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2;",
                        "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2;"),
                row(MYSQL, "DELIMITER //\nSELECT 1; SELECT 2", "SELECT 1; SELECT 2"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void unterminatedConstructRunsToTheEnd(SqlFlavor flavor, String script, List<String> expected) {
        assertEquals(expected, split(script, flavor));
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> ScriptSplitter.split(null, SQLITE));
        assertThrows(NullPointerException.class, () -> ScriptSplitter.split("SELECT 1", null));
    }

    @Test
    void resultIsUnmodifiable() {
        List<String> statements = split("SELECT 1", SQLITE);
        assertThrows(UnsupportedOperationException.class, () -> statements.add("x"));
    }

    // ---------------------------------------------------------------------------------------------
    // Pathological input (its speed is measured by the lexer's single pass, not timed here)
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SqlFlavor.class)
    void pathologicalInputSplitsWithoutLosingOrRepeatingText(SqlFlavor flavor) {
        int n = 200_000;
        List<String> inputs = List.of(
                "'".repeat(n),
                "/*".repeat(n),
                "$a".repeat(n),
                "$a$".repeat(n),
                "-".repeat(n),
                "(".repeat(n) + ";",
                "CREATE TRIGGER x " + "BEGIN ".repeat(n) + ";",
                "CREATE PROCEDURE x() BEGIN " + "IF(".repeat(n) + ";",
                "CREATE PROCEDURE x() BEGIN " + "END IF ".repeat(n) + ";",
                "\nDELIMITER ;\n".repeat(n / 10),
                ";DELIMITER".repeat(n / 10),
                "SELECT 1;".repeat(n));
        for (String input : inputs) {
            List<ScriptSplitter.Span> spans = ScriptSplitter.spans(input, flavor);
            int previousEnd = 0;
            for (ScriptSplitter.Span span : spans) {
                assertTrue(span.start() >= previousEnd && span.end() <= input.length(), "spans in order, inside the script");
                assertEquals(input.substring(span.start(), span.end()), span.sql());
                previousEnd = span.end();
            }
        }
        assertEquals(n, ScriptSplitter.split("SELECT 1;".repeat(n), flavor).size());
    }

    // ---------------------------------------------------------------------------------------------
    // Real scripts: the Chinook sample database
    // ---------------------------------------------------------------------------------------------

    /** Data rows in each Chinook script: {@code grep -cE '^\s+\(' Chinook_*.sql} gives 15607 for all three. */
    private static final int CHINOOK_ROWS = 15_607;

    private static final Pattern STATEMENT_START = Pattern.compile(
            "^(CREATE (TABLE|INDEX|DATABASE)|INSERT INTO|DROP (TABLE|DATABASE)|ALTER TABLE|USE|\\\\c) ");

    private static String chinook(String file) throws IOException {
        for (String dir : List.of("../../shared/datasets/chinook/", "../shared/datasets/chinook/")) {
            Path path = Path.of(dir, file);
            if (Files.isRegularFile(path)) {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
        }
        Assumptions.abort("Chinook script " + file + " not found under ../../shared/datasets/chinook/");
        return null; // unreachable
    }

    private static List<String> splitChinook(String file, SqlFlavor flavor) throws IOException {
        String script = chinook(file);
        List<String> statements = ScriptSplitter.split(script, flavor);
        for (String stmt : statements) {
            String head = stmt.substring(0, Math.min(80, stmt.length()));
            assertTrue(STATEMENT_START.matcher(stmt).find(), () -> "statement starts mid-text: " + head);
            assertFalse(stmt.endsWith(";"), () -> "statement keeps its terminator: " + head);
            if (stmt.startsWith("INSERT INTO") || stmt.startsWith("CREATE TABLE")) {
                assertTrue(stmt.endsWith(")"), () -> "statement cut short: " + head);
            }
        }
        // Every data row ("    (1, 'AC/DC'),") is inside an INSERT statement, none lost or cut.
        long rows = statements.stream()
                .filter(s -> s.startsWith("INSERT INTO"))
                .flatMap(String::lines)
                .filter(line -> line.startsWith("    ("))
                .count();
        assertEquals(CHINOOK_ROWS, rows);
        return statements;
    }

    private static Map<String, Integer> countByKind(List<String> statements) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String stmt : statements) {
            String[] words = stmt.split("\\s+", 3);
            String kind = words[0].equals("USE") || words[0].startsWith("\\") ? words[0] : words[0] + " " + words[1];
            counts.merge(kind, 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void chinookSqliteScriptSplitsIntoItsStatements() throws IOException {
        List<String> statements = splitChinook("Chinook_Sqlite.sql", SQLITE);
        // Expected, from the shell: grep -oE '^[A-Za-z]+ [A-Za-z]+' Chinook_Sqlite.sql | sort | uniq -c
        // gives 11 DROP TABLE, 11 CREATE TABLE, 11 CREATE INDEX, 24 INSERT INTO = 57, which is also
        // grep -c ';[[:space:]]*$' Chinook_Sqlite.sql (the lines ending with a terminator).
        assertEquals(57, statements.size());
        assertEquals(Map.of("DROP TABLE", 11, "CREATE TABLE", 11, "CREATE INDEX", 11, "INSERT INTO", 24),
                countByKind(statements));
    }

    @Test
    void chinookSqliteScriptLoadsEveryRowIntoSqlite() throws IOException, SQLException {
        List<String> statements = splitChinook("Chinook_Sqlite.sql", SQLITE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                st.execute(sql);
            }
            c.commit();
            // Row counts of the shipped Chinook_Sqlite.sqlite (SELECT count(*) per table).
            Map<String, Integer> expected = Map.ofEntries(
                    Map.entry("Album", 347), Map.entry("Artist", 275), Map.entry("Customer", 59),
                    Map.entry("Employee", 8), Map.entry("Genre", 25), Map.entry("Invoice", 412),
                    Map.entry("InvoiceLine", 2240), Map.entry("MediaType", 5), Map.entry("Playlist", 18),
                    Map.entry("PlaylistTrack", 8715), Map.entry("Track", 3503));
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + e.getKey() + "\"")) {
                    assertTrue(rs.next());
                    assertEquals(e.getValue(), rs.getInt(1), e.getKey());
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT Name FROM Track WHERE TrackId = 3033")) {
                assertTrue(rs.next());
                assertEquals("Daddy's Gonna Pay For Your Crashed Car", rs.getString(1));
            }
        }
    }

    @Test
    void chinookPostgresScriptSplitsIntoItsStatements() throws IOException {
        List<String> statements = splitChinook("Chinook_PostgreSql.sql", POSTGRES);
        // Expected, from the shell: grep -oE '^[A-Za-z]+ [A-Za-z]+' Chinook_PostgreSql.sql | sort | uniq -c
        // gives 11 CREATE TABLE and 24 INSERT INTO (also 11 ALTER TABLE, 11 CREATE INDEX).
        Map<String, Integer> counts = countByKind(statements);
        assertEquals(11, counts.get("CREATE TABLE"));
        assertEquals(24, counts.get("INSERT INTO"));
        assertEquals(11, counts.get("ALTER TABLE"));
        assertEquals(11, counts.get("CREATE INDEX"));
        // The psql meta-command is not interpreted: it comes back as statement text.
        assertTrue(statements.contains("\\c chinook"), statements.subList(0, 3)::toString);
    }

    @Test
    void chinookMysqlScriptSplitsIntoItsStatements() throws IOException {
        List<String> statements = splitChinook("Chinook_MySql.sql", MYSQL);
        // Expected, from the shell: grep -oE '^[A-Za-z]+( [A-Za-z]+)?' Chinook_MySql.sql | sort | uniq -c
        // gives 1 DROP DATABASE, 1 CREATE DATABASE, 1 USE, 11 CREATE TABLE, 11 ALTER TABLE,
        // 11 CREATE INDEX, 24 INSERT INTO = 60, which is also grep -c ';[[:space:]]*$' Chinook_MySql.sql.
        assertEquals(60, statements.size());
        assertEquals(Map.of("DROP DATABASE", 1, "CREATE DATABASE", 1, "USE", 1, "CREATE TABLE", 11,
                "ALTER TABLE", 11, "CREATE INDEX", 11, "INSERT INTO", 24), countByKind(statements));
        assertEquals(List.of("DROP DATABASE IF EXISTS `Chinook`", "CREATE DATABASE `Chinook`", "USE `Chinook`"),
                statements.subList(0, 3));
    }
}
