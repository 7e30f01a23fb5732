package dev.tablewright.core.sql;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a refused raw statement tells an editor: message, codes and the place of the problem. */
class SqlProblemTest {

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aSyntaxErrorNamesItsPlaceInTheStatement(String dialect) {
        try (Connector c = new Connector()) {
            c.create(TestDatabases.fresh(dialect).options());
            String sql = "DELETE\nWHERE x = 1";
            RuntimeException e = assertThrows(RuntimeException.class, () -> c.query(sql, List.of()));

            SqlProblem p = SqlProblem.of(e, sql);

            assertEquals(ErrorCode.SQL_ERROR, p.code());
            assertFalse(p.message().isBlank());
            assertFalse(p.message().contains("\n"), p.message());
            assertEquals(sql.indexOf("WHERE"), p.position(), p.toString());
            if (!dialect.equals("sqlite")) {
                assertNotNull(p.sqlState(), p.toString());
            }
            if (dialect.equals("mariadb")) {
                assertEquals(1064, p.vendorCode());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void anUnknownTableHasNoInventedPositionWhereTheDatabaseGivesNone(String dialect) {
        try (Connector c = new Connector()) {
            c.create(TestDatabases.fresh(dialect).options());
            String sql = "SELECT * FROM missing_table";
            RuntimeException e = assertThrows(RuntimeException.class, () -> c.query(sql, List.of()));

            SqlProblem p = SqlProblem.of(e, sql);

            assertTrue(p.message().contains("missing_table"), p.message());
            if (dialect.equals("postgres")) {
                assertEquals(sql.indexOf("missing_table"), p.position());
                assertEquals("42P01", p.sqlState());
            } else {
                assertEquals(-1, p.position());
            }
        }
    }

    @Test
    void aFailureWithoutADatabaseErrorKeepsItsMessage() {
        SqlProblem p = SqlProblem.of(new IllegalStateException("no connection"), "SELECT 1");
        assertEquals(new SqlProblem(ErrorCode.SQL_ERROR, "no connection", null, 0, -1), p);
    }
}
