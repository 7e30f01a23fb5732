package dev.tablewright.core.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestDatabasesTest {

    static List<String> dialects() {
        return TestDatabases.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void serverAnswersSelectOne(String dialect) throws SQLException {
        long t0 = System.nanoTime();
        TestDatabases.TestDb db = TestDatabases.fresh(dialect);
        System.out.printf("fresh(%s) took %d ms: %s%n", dialect, (System.nanoTime() - t0) / 1_000_000, db);

        assertEquals(dialect, db.dialect());
        assertTrue(db.database().matches("(.*/)?tw_\\d+_[a-z0-9]{6}(\\.db)?"), db.database());
        try (Connection c = db.openJdbc(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertFalse(rs.next());
        }

        Map<String, Object> options = db.options();
        assertEquals(dialect, options.get("dialect"));
        assertEquals(db.database(), options.get("database"));
        assertEquals(Boolean.FALSE, options.get("ssl"));
        if (!dialect.equals("sqlite")) {
            assertEquals(db.host(), options.get("host"));
            assertEquals(db.port(), options.get("port"));
            assertEquals(db.username(), options.get("username"));
            assertEquals(db.password(), options.get("password"));
            assertTrue(db.port() > 0);
            try (Connection c = db.openJdbc(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(dialect.equals("postgres") ? "SELECT current_database()" : "SELECT DATABASE()")) {
                assertTrue(rs.next());
                assertEquals(db.database(), rs.getString(1));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void freshDatabasesAreIsolated(String dialect) throws SQLException {
        TestDatabases.TestDb first = TestDatabases.fresh(dialect);
        TestDatabases.TestDb second = TestDatabases.fresh(dialect);
        assertNotEquals(first.database(), second.database());
        assertNotEquals(first.jdbcUrl(), second.jdbcUrl());

        try (Connection c = first.openJdbc(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE only_here (id INTEGER PRIMARY KEY, name VARCHAR(20))");
            st.execute("INSERT INTO only_here (id, name) VALUES (1, 'x')");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM only_here")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
        try (Connection c = second.openJdbc(); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeQuery("SELECT COUNT(*) FROM only_here").close());
        }
        if (!dialect.equals("sqlite")) {
            // The new database is empty from the server's point of view too.
            String sql = dialect.equals("postgres")
                    ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"
                    : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()";
            try (Connection c = second.openJdbc(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void unknownOrExcludedDialects() {
        assertThrows(IllegalArgumentException.class, () -> TestDatabases.fresh("oracle"));
        for (String dialect : List.of("sqlite", "postgres", "mariadb")) {
            if (!TestDatabases.dialects().contains(dialect)) {
                // Left out by TW_TEST_DIALECTS: the calling test is skipped, no server is started.
                assertThrows(TestAbortedException.class, () -> TestDatabases.fresh(dialect));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void concurrentCallsGiveDistinctDatabases(String dialect) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TestDatabases.TestDb>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit((Callable<TestDatabases.TestDb>) () -> TestDatabases.fresh(dialect)));
            }
            Set<String> names = new HashSet<>();
            for (Future<TestDatabases.TestDb> f : futures) {
                TestDatabases.TestDb db = f.get();
                assertTrue(names.add(db.database()), "duplicate " + db.database());
                try (Connection c = db.openJdbc(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                    assertTrue(rs.next());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
