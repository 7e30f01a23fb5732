package dev.tablewright.app.console;

import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console on real databases, every dialect, with a same-thread executor and no stage. */
class ConsoleViewModelTest {
    @TempDir
    Path dataDir;

    private TestDatabases.TestDb db;
    private Connector connector;
    private SameThreadTaskExecutor tasks;

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    private ConsoleViewModel open(String dialect) {
        db = TestDatabases.fresh(dialect);
        connector = new Connector();
        connector.create(db.options());
        connector.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(50));"
                + "INSERT INTO items (id, name) VALUES (1, 'apple'), (2, 'pear'), (3, 'plum')");
        tasks = new SameThreadTaskExecutor();
        ConsoleViewModel vm = new ConsoleViewModel(connector, new QueryHistory(dataDir, "conn-" + dialect), tasks);
        vm.open();
        return vm;
    }

    @AfterEach
    void close() {
        if (connector != null) {
            connector.close();
        }
    }

    private static void type(ConsoleViewModel vm, String script, String caretBefore) {
        vm.scriptProperty().set(script);
        vm.caretProperty().set(script.indexOf(caretBefore));
    }

    private long countItems() throws Exception {
        try (var c = db.openJdbc(); var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void runAtTheCaretRunsOnlyTheStatementUnderTheCaret(String dialect) {
        ConsoleViewModel vm = open(dialect);
        type(vm, "SELECT 1 AS a;\nSELECT name FROM items WHERE id = 2;\nSELECT 3 AS c;", "name FROM");

        vm.runCurrent();

        assertEquals(1, vm.results().size());
        ResultViewModel r = vm.results().get(0);
        assertEquals(List.of("name"), r.columns());
        assertEquals(List.of(List.of("pear")), r.rows());
        assertTrue(r.summaryProperty().get().startsWith("1 row · "), r.summaryProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theCaretJustAfterASemicolonRunsTheStatementBeforeIt(String dialect) {
        ConsoleViewModel vm = open(dialect);
        String script = "SELECT 1 AS a;\n\nSELECT 2 AS b;";
        vm.scriptProperty().set(script);
        vm.caretProperty().set(script.indexOf(';') + 1);

        vm.runCurrent();

        assertEquals(List.of("a"), vm.results().get(0).columns());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aBlankLineEndsTheStatementRunAtTheCaretAsASemicolonWould(String dialect) {
        ConsoleViewModel vm = open(dialect);
        type(vm, "SELECT 1 AS a\n\nSELECT name\nFROM items\nWHERE id = 2\n  \nSELECT 3 AS c", "FROM items");

        vm.runCurrent();

        assertEquals(1, vm.results().size());
        ResultViewModel r = vm.results().get(0);
        assertFalse(r.isError(), r.errorText());
        assertEquals(List.of("name"), r.columns());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aBlankLineInsideParenthesesOrAStringDoesNotEndTheStatement(String dialect) {
        ConsoleViewModel vm = open(dialect);
        type(vm, "SELECT name FROM items WHERE id IN (\n\n  1, 2)\nAND name <> 'a\n\nb'", "name <>");

        vm.runCurrent();

        assertFalse(vm.results().get(0).isError(), vm.results().get(0).errorText());
        assertEquals(2, vm.results().get(0).rows().size());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void anErrorInAStatementAfterABlankLineIsPlacedOnItsOwnLineInTheEditor(String dialect) {
        ConsoleViewModel vm = open(dialect);
        String script = "SELECT 1 AS a\n\nSELECT name\nFROM items\nWHER id = 1";
        type(vm, script, "FROM items");

        vm.runCurrent();

        ResultViewModel error = vm.results().get(0);
        assertTrue(error.isError());
        assertEquals("line 5, column 6", error.position(), error.errorText());
        assertEquals(script.indexOf("id = 1"), vm.caretRequestProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aSelectionRunsOnlyTheSelectedStatements(String dialect) {
        ConsoleViewModel vm = open(dialect);
        String script = "SELECT 1 AS a; SELECT 2 AS b; SELECT 3 AS c;";
        vm.scriptProperty().set(script);
        vm.selectionStartProperty().set(script.indexOf("SELECT 2"));
        vm.selectionEndProperty().set(script.length());

        vm.runCurrent();

        assertEquals(List.of(List.of("b"), List.of("c")), vm.results().stream().map(ResultViewModel::columns).toList());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void runningTheScriptGivesOneResultPerStatement(String dialect) {
        ConsoleViewModel vm = open(dialect);
        vm.scriptProperty().set("INSERT INTO items (id, name) VALUES (4, 'it''s; -- a fig');\n"
                + "-- a comment; with a semicolon\nUPDATE items SET name = 'Apple' WHERE id = 1;\nSELECT name FROM items ORDER BY id");

        vm.runScript();

        assertEquals(3, vm.results().size());
        assertTrue(vm.results().get(0).summaryProperty().get().startsWith("1 row changed"), vm.results().get(0).summaryProperty().get());
        assertTrue(vm.results().get(1).summaryProperty().get().startsWith("1 row changed"));
        assertEquals(List.of(List.of("Apple"), List.of("pear"), List.of("plum"), List.of("it's; -- a fig")), vm.results().get(2).rows());
        assertEquals(vm.results().get(2), vm.latestResultProperty().get());
        assertEquals("3 statements ran", vm.statusProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aScriptStopsAtTheFirstStatementTheDatabaseRefuses(String dialect) {
        ConsoleViewModel vm = open(dialect);
        vm.scriptProperty().set("SELECT 1 AS a; SELECT * FROM no_such_table; SELECT 3 AS c");

        vm.runScript();

        assertEquals(2, vm.results().size());
        assertTrue(vm.results().get(1).isError());
        assertEquals("Stopped at statement 2 of 3: the database refused it", vm.statusProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aBatchIsAllOrNothing(String dialect) throws Exception {
        ConsoleViewModel vm = open(dialect);
        vm.scriptProperty().set("INSERT INTO items (id, name) VALUES (10, 'kiwi');\nINSERT INTO items (id, name) VALUES (1, 'duplicate')");

        vm.runAsBatch();

        assertEquals(3, countItems(), "the first insert was rolled back with the failing one");
        ResultViewModel error = vm.results().get(0);
        assertTrue(error.isError());
        assertEquals(ErrorCode.UNIQUE_VIOLATION, error.problem().code());
        assertTrue(error.sql().contains("duplicate"), "the tab names the statement that failed: " + error.sql());
        assertTrue(vm.statusProperty().get().startsWith("Batch rolled back"), vm.statusProperty().get());

        vm.scriptProperty().set("INSERT INTO items (id, name) VALUES (10, 'kiwi');\nINSERT INTO items (id, name) VALUES (11, 'lime')");
        vm.runAsBatch();

        assertEquals(5, countItems());
        assertEquals(3, vm.results().size());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void anErrorShowsTheDatabasesCodeMessageAndPlaceAndMovesTheCaretThere(String dialect) {
        ConsoleViewModel vm = open(dialect);
        String script = "SELECT 1;\nDELETE\nWHERE id = 1;";
        type(vm, script, "WHERE");

        vm.runCurrent();

        ResultViewModel error = vm.results().get(0);
        assertTrue(error.isError());
        assertEquals(ErrorCode.SQL_ERROR, error.problem().code());
        assertFalse(error.problem().message().isBlank());
        assertEquals("line 3, column 1", error.position());
        assertEquals(script.indexOf("WHERE"), vm.caretRequestProperty().get());
        assertTrue(error.errorText().startsWith("SQL_ERROR"), error.errorText());
        assertTrue(error.errorText().endsWith("(at line 3, column 1)"), error.errorText());
        if (dialect.equals("postgres")) {
            assertTrue(error.errorText().contains("SQLSTATE 42601"), error.errorText());
        }
        if (dialect.equals("mariadb")) {
            assertTrue(error.errorText().contains("error 1064"), error.errorText());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void historyIsSavedPerConnectionAndSearchable(String dialect) {
        ConsoleViewModel vm = open(dialect);
        vm.scriptProperty().set("SELECT name FROM items WHERE id = 1;\nSELECT count(*) AS n FROM items;\nSELECT 42 AS answer");
        vm.runScript();

        ConsoleViewModel reopened = new ConsoleViewModel(connector, new QueryHistory(dataDir, "conn-" + dialect), tasks);
        reopened.open();

        assertEquals(List.of("SELECT 42 AS answer", "SELECT count(*) AS n FROM items", "SELECT name FROM items WHERE id = 1"),
                reopened.history().stream().map(HistoryEntry::sql).toList());
        reopened.historySearchProperty().set("FROM ITEMS count");
        assertEquals(List.of("SELECT count(*) AS n FROM items"), reopened.foundHistory().stream().map(HistoryEntry::sql).toList());
        assertTrue(reopened.history().get(0).outcome().startsWith("1 row"));

        ConsoleViewModel otherConnection = new ConsoleViewModel(connector, new QueryHistory(dataDir, "another"), tasks);
        otherConnection.open();
        assertEquals(List.of(), otherConnection.history());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aStatementFromTheHistoryRunsAgain(String dialect) {
        ConsoleViewModel vm = open(dialect);
        type(vm, "SELECT name FROM items WHERE id = 3", "name");
        vm.runCurrent();
        vm.scriptProperty().set("");

        vm.rerun(vm.history().get(0));

        assertEquals(2, vm.results().size());
        assertEquals(List.of(List.of("plum")), vm.results().get(1).rows());
        assertEquals(2, vm.history().size());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void completionOffersTablesAndATablesColumnsAfterItsName(String dialect) {
        ConsoleViewModel vm = open(dialect);
        type(vm, "SELECT items. FROM items", " FROM");

        assertEquals(List.of("id", "name"), vm.completions().stream().map(SqlCompletion.Suggestion::label).toList());

        vm.scriptProperty().set("CREATE TABLE \"Fruit Baskets\" (size INTEGER)".replace('"', dialect.equals("mariadb") ? '`' : '"'));
        vm.runScript();
        type(vm, "SELECT * FROM F", "F");
        vm.caretProperty().set(vm.scriptProperty().get().length());

        List<SqlCompletion.Suggestion> tables = vm.completions();
        assertEquals("Fruit Baskets", tables.get(0).label(), "the schema was read again after the CREATE");
        assertEquals(connector.dialect().quoteIdentifier("Fruit Baskets"), tables.get(0).insert());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void rowsBeyondTheFirstPageAreFetchedOnRequest(String dialect) {
        ConsoleViewModel vm = open(dialect);
        String numbers = dialect.equals("mariadb")
                ? "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 450) SELECT x FROM c ORDER BY x"
                : "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 450) SELECT x FROM c ORDER BY x";
        type(vm, numbers, "SELECT x");
        vm.runCurrent();
        ResultViewModel r = vm.results().get(0);
        assertEquals(ResultViewModel.FIRST_PAGE, r.rows().size());
        assertTrue(r.hasMoreProperty().get());

        r.fetchMore();

        assertEquals(450, r.rows().size());
        assertEquals(List.of(201L), r.rows().get(200));
        assertEquals(List.of(450L), r.rows().get(449));
        assertFalse(r.hasMoreProperty().get());
        assertTrue(r.summaryProperty().get().startsWith("450 rows · "), r.summaryProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aSlowStatementCanBeCancelledAndChangesNothing(String dialect) throws Exception {
        ConsoleViewModel vm = open(dialect);
        String slow = switch (dialect) {
            case "sqlite" -> "INSERT INTO items (id, name) WITH RECURSIVE c(x) AS (SELECT 100 UNION ALL SELECT x + 1 FROM c"
                    + " WHERE x < 2000000000) SELECT x, 'n' FROM c";
            case "postgres" -> "INSERT INTO items (id, name) SELECT 100, 'n' FROM pg_sleep(600)";
            default -> "INSERT INTO items (id, name) SELECT 100, SLEEP(600)";
        };
        type(vm, "SELECT 1 AS a;\n" + slow, "INSERT");
        String marker = dialect.equals("sqlite") ? "RECURSIVE" : dialect.equals("postgres") ? "pg_sleep(600)" : "SLEEP(600)";
        CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
            try {
                awaitRunning(marker);
                tasks.runningTasks().get(0).cancel();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertTimeoutPreemptively(Duration.ofSeconds(90), vm::runCurrent);
        canceller.get();

        assertFalse(vm.runningProperty().get());
        assertEquals(List.of(), vm.results());
        assertTrue(vm.statusProperty().get().startsWith("Cancelled"), vm.statusProperty().get());
        assertEquals(3, countItems());
    }

    private void awaitRunning(String marker) throws Exception {
        // On SQLite the server lists nothing; the task appearing in the executor shows the run began.
        while (db.dialect().equals("sqlite") && tasks.runningTasks().isEmpty()) {
            Thread.sleep(20);
        }
        db.awaitStatementRunning(marker);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theHistoryFileIsWrittenWhole(String dialect) throws Exception {
        ConsoleViewModel vm = open(dialect);
        type(vm, "SELECT 1 AS one", "1");
        vm.runCurrent();

        Path file = new QueryHistory(dataDir, "conn-" + dialect).file();
        assertTrue(Files.readString(file).contains("SELECT 1 AS one"));
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left behind");
        }
        assertNotNull(vm.history().get(0).ranAt());
    }
}
