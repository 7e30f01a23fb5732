package dev.tablewright.core.sql;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** queryPage: a raw query's rows a page at a time, on every dialect. */
class ResultPageTest {

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    private static Connector withNumbers(String dialect, int count) {
        Connector c = new Connector();
        c.create(TestDatabases.fresh(dialect).options());
        c.exec("CREATE TABLE nums (n BIGINT PRIMARY KEY)");
        List<RawSql.Statement> inserts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            inserts.add(new RawSql.Statement("INSERT INTO nums (n) VALUES (?)", List.of(i)));
        }
        c.batch(inserts);
        return c;
    }

    private static List<Object> ns(ResultPage page) {
        return page.result().results().stream().map(r -> r.get("n")).toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void pagesOfASelectFollowEachOtherUntilTheLastRow(String dialect) {
        try (Connector c = withNumbers(dialect, 25)) {
            String sql = "SELECT n FROM nums WHERE n > ? ORDER BY n";
            ResultPage first = c.queryPage(sql, List.of(0), 0, 10, CancelHook.none());
            ResultPage second = c.queryPage(sql, List.of(0), 10, 10, CancelHook.none());
            ResultPage last = c.queryPage(sql, List.of(0), 20, 10, CancelHook.none());

            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), ns(first));
            assertTrue(first.hasMore());
            assertTrue(first.rereadable());
            assertEquals(List.of("n"), first.result().meta().columns());
            assertEquals(11L, ns(second).get(0));
            assertTrue(second.hasMore());
            assertEquals(List.of(21L, 22L, 23L, 24L, 25L), ns(last));
            assertFalse(last.hasMore());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aResultThatFitsOnePageHasNoMore(String dialect) {
        try (Connector c = withNumbers(dialect, 10)) {
            ResultPage page = c.queryPage("SELECT n FROM nums ORDER BY n", List.of(), 0, 10, CancelHook.none());
            assertEquals(10, page.result().results().size());
            assertFalse(page.hasMore());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aWriteRunsOnceAndReportsItsChanges(String dialect) {
        try (Connector c = withNumbers(dialect, 3)) {
            ResultPage page = c.queryPage("UPDATE nums SET n = n + 100", List.of(), 0, 1, CancelHook.none());
            assertEquals(3, page.result().meta().changes());
            assertFalse(page.rereadable());
            assertFalse(page.hasMore());
            assertEquals(List.of(Map.of("n", 101L), Map.of("n", 102L), Map.of("n", 103L)),
                    c.query("SELECT n FROM nums ORDER BY n").results(), "the update ran once");
            TablewrightException e = assertThrows(TablewrightException.class,
                    () -> c.queryPage("UPDATE nums SET n = n + 100", List.of(), 1, 1, CancelHook.none()));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aWithThatWritesIsNotRunAgain(String dialect) {
        assertFalse(RawSql.isReadOnly("WITH d AS (DELETE FROM nums RETURNING n) SELECT * FROM d"));
        assertFalse(RawSql.isReadOnly("SELECT nextval('s')"));
        assertFalse(RawSql.isReadOnly("-- a comment\nINSERT INTO t VALUES (1)"));
        assertTrue(RawSql.isReadOnly("/* c */ select 'x' AS inserted_at"));
        assertTrue(RawSql.isReadOnly("WITH a AS (SELECT 1 AS n) SELECT n FROM a"));
    }
}
