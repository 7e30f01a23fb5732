package dev.tablewright.core.sql;

import dev.tablewright.core.Connector;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import java.util.Map;

/** A running raw statement stopped from another thread, on every dialect, leaves the database as it was. */
class RawSqlCancellationTest {
    /** A generous guard against a cancel that never arrives; the tests assert outcomes, not times. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(90);

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    /** A statement that inserts into t and takes far longer than any test: minutes, not seconds. */
    private static String slowInsert(String dialect) {
        return switch (dialect) {
            case "sqlite" -> "INSERT INTO t (n) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000)"
                    + " SELECT x FROM c";
            case "postgres" -> "INSERT INTO t (n) SELECT 1 FROM pg_sleep(600)";
            default -> "INSERT INTO t (n) SELECT SLEEP(600)";
        };
    }

    private static String slowSelect(String dialect) {
        return switch (dialect) {
            case "sqlite" -> "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) SELECT count(*) FROM c";
            case "postgres" -> "SELECT pg_sleep(600), 1 AS one";
            default -> "SELECT SLEEP(600) + count(*) FROM t";
        };
    }

    private static Connector withTable(TestDatabases.TestDb db) {
        Connector c = new Connector();
        c.create(db.options());
        c.exec("CREATE TABLE t (n BIGINT)");
        return c;
    }

    private static <T> Throwable cancelWhileRunning(TestDatabases.TestDb db, String marker, Function<CancelHook, T> call) throws Exception {
        AtomicReference<Runnable> cancel = new AtomicReference<>();
        CompletableFuture<T> running = CompletableFuture.supplyAsync(() -> call.apply(cancel::set));
        db.awaitStatementRunning(marker);
        cancel.get().run();
        ExecutionException failure = assertThrows(ExecutionException.class, running::get);
        return failure.getCause();
    }

    private static long rowsOutside(TestDatabases.TestDb db) throws Exception {
        try (Connection c = db.openJdbc(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String marker(String dialect) {
        return switch (dialect) {
            case "sqlite" -> "RECURSIVE";
            case "postgres" -> "pg_sleep(600)";
            default -> "SLEEP(600)";
        };
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aCancelledQueryEndsAsCancelled(String dialect) {
        TestDatabases.TestDb db = TestDatabases.fresh(dialect);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Connector c = withTable(db)) {
                Throwable t = cancelWhileRunning(db, marker(dialect), hook -> c.query(slowSelect(dialect), List.of(), hook));
                assertInstanceOf(CancellationException.class, t, () -> "was: " + t);
                assertEquals(List.of(Map.of("n", 7L)), c.query("SELECT 7 AS n").results(), "the connection still works");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aCancelledInsertLeavesTheTableAsItWas(String dialect) {
        TestDatabases.TestDb db = TestDatabases.fresh(dialect);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Connector c = withTable(db)) {
                c.query("INSERT INTO t (n) VALUES (?)", List.of(1));
                Throwable t = cancelWhileRunning(db, marker(dialect), hook -> c.query(slowInsert(dialect), List.of(), hook));
                assertInstanceOf(CancellationException.class, t, () -> "was: " + t);
                assertEquals(1, rowsOutside(db));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aCancelledBatchAppliesNone(String dialect) {
        TestDatabases.TestDb db = TestDatabases.fresh(dialect);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Connector c = withTable(db)) {
                List<RawSql.Statement> batch = List.of(new RawSql.Statement("INSERT INTO t (n) VALUES (?)", List.of(5)),
                        new RawSql.Statement(slowInsert(dialect), List.of()));
                Throwable t = cancelWhileRunning(db, marker(dialect), hook -> c.batch(batch, hook));
                assertInstanceOf(CancellationException.class, t, () -> "was: " + t);
                assertEquals(0, rowsOutside(db));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aCallCancelledBeforeItStartsRunsNothing(String dialect) throws Exception {
        TestDatabases.TestDb db = TestDatabases.fresh(dialect);
        try (Connector c = withTable(db)) {
            assertThrows(CancellationException.class, () -> c.query("INSERT INTO t (n) VALUES (?)", List.of(1), Runnable::run));
            assertEquals(0, rowsOutside(db));
        }
    }
}
