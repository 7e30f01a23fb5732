package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** create / isConnected / errors before and after, and atomic upserts under concurrency. */
class ConnectionConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    @Test
    void everyCallBeforeCreateIsNotConnected() {
        Connector db = new Connector();
        assertFalse(db.isConnected());
        assertCode(ErrorCode.NOT_CONNECTED, db::getAllTables);
        assertCode(ErrorCode.NOT_CONNECTED, () -> db.addRow("users", Map.of("a", 1)));
        assertCode(ErrorCode.NOT_CONNECTED, () -> db.query("SELECT 1", List.of()));
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void createConnectsAndCloseDisconnects(String dialect) {
        TestDatabases.TestDb target = Conformance.fresh(dialect);
        Connector db = new Connector();
        assertTrue(db.create(target.options()));
        assertTrue(db.isConnected());
        assertEquals(List.of(), db.getAllTables());
        db.close();
        assertFalse(db.isConnected());
        assertCode(ErrorCode.NOT_CONNECTED, db::getAllTables);
        assertTrue(db.create(target.options()), "a closed connector can connect again");
        assertTrue(db.isConnected());
        db.close();
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aDatabaseThatCannotBeReachedIsConnectionFailedWithTheReason(String dialect) throws Exception {
        TestDatabases.TestDb target = Conformance.fresh(dialect);
        Map<String, Object> wrong = new HashMap<>(target.options());
        if (dialect.equals("sqlite")) {
            wrong.put("database", "/nonexistent-directory/for/sure/x.db");
        } else {
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            wrong.put("port", closedPort);
        }
        Connector db = new Connector();
        var e = assertCode(ErrorCode.CONNECTION_FAILED, () -> db.create(wrong));
        assertTrue(e.getMessage().startsWith("Could not connect to"), e.getMessage());
        assertFalse(db.isConnected());
        if (!dialect.equals("sqlite")) {
            Map<String, Object> noDatabase = new HashMap<>(target.options());
            noDatabase.put("database", "tw_does_not_exist");
            assertCode(ErrorCode.CONNECTION_FAILED, () -> db.create(noDatabase));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void sqliteRunsWithForeignKeysOnAndWriteAheadLogging(String dialect) {
        org.junit.jupiter.api.Assumptions.assumeTrue(dialect.equals("sqlite"));
        try (Connector db = Conformance.open(dialect)) {
            for (int i = 0; i < 6; i++) {
                assertEquals(1L, db.queryOne("PRAGMA foreign_keys", List.of()).get("foreign_keys"), "every pooled connection");
            }
            assertEquals("wal", db.queryOne("PRAGMA journal_mode", List.of()).get("journal_mode"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void concurrentUpsertsOfOneKeyMakeOneRow(String dialect) throws Exception {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("counters", Map.of("name", "uniquestring", "value", "integer"));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            db.upsertRow("counters", Map.of("value", thread * 100 + i), Map.of("name", "hits"));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(1, db.countRows("counters", ReadOptions.none()));
        }
    }

    /** No message and no cause of a failed connection carries the password, through options or a URL. */
    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aFailedConnectionNeverShowsThePassword(String dialect) throws Exception {
        if (dialect.equals("sqlite")) {
            return;
        }
        TestDatabases.TestDb target = Conformance.fresh(dialect);
        String secret = "Sup3rS3cretPw";
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (Object[] change : new Object[][]{{"port", closedPort}, {"database", "tw_does_not_exist"}, {"username", "tw_nobody"}}) {
            Map<String, Object> options = new HashMap<>(target.options());
            options.put("password", secret);
            options.put((String) change[0], change[1]);
            attempts.add(options);
        }
        attempts.add(Map.of("url", dialect + "://" + target.username() + ":" + secret + "@" + target.host() + ":" + closedPort + "/" + target.database()));
        attempts.add(Map.of("url", dialect + "://tw_nobody:" + secret + "@" + target.host() + ":" + target.port() + "/" + target.database() + "?ssl=false"));
        int failed = 0;
        for (Map<String, Object> options : attempts) {
            Connector db = new Connector();
            TablewrightException e;
            try {
                db.create(options);
                db.close();
                continue;
            } catch (TablewrightException refused) {
                e = refused;
            }
            failed++;
            assertEquals(ErrorCode.CONNECTION_FAILED, e.code(), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(secret), "the password shows in: " + t);
                assertFalse(String.valueOf(t).contains(secret), "the password shows in: " + t);
            }
        }
        assertTrue(failed >= 3, "a closed port and a missing database always fail; a server may let an unknown user in as anonymous");
    }

    /** Eight clients (separate connectors, as separate programs would be) writing at once all succeed. */
    @ParameterizedTest
    @MethodSource(DIALECTS)
    void eightConcurrentWritersAllSucceed(String dialect) throws Exception {
        TestDatabases.TestDb target = Conformance.fresh(dialect);
        try (Connector setup = new Connector()) {
            setup.create(target.options());
            setup.defineTable("events", Map.of("writer", "integer", "n", "integer", "name", "uniquestring"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int writer = t;
                futures.add(pool.submit(() -> {
                    try (Connector db = new Connector()) {
                        db.create(target.options());
                        for (int i = 0; i < 25; i++) {
                            Map<String, Object> row = db.addRow("events", Map.of("writer", writer, "n", i, "name", writer + "-" + i));
                            db.changeRow("events", row.get("id"), Map.of("n", i + 1000));
                            db.upsertRow("events", Map.of("writer", writer, "n", -1), Map.of("name", "shared"));
                            db.addRows("events", List.of(Map.of("writer", writer, "n", i, "name", writer + "+" + i)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        try (Connector db = new Connector()) {
            db.create(target.options());
            assertEquals(8 * 25 * 2 + 1, db.countRows("events", ReadOptions.none()));
        }
    }

    /** Another program holding SQLite's write lock past the wait: DATABASE_BUSY with advice, nothing written, and writing works once it lets go. */
    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aWriteLockHeldByAnotherProgramIsDatabaseBusyWithAdvice(String dialect) throws Exception {
        if (!dialect.equals("sqlite")) {
            return;
        }
        TestDatabases.TestDb target = Conformance.fresh(dialect);
        try (Connector db = new Connector()) {
            db.create(target.options());
            db.defineTable("notes", Map.of("body", "string"));
            try (Connection other = target.openJdbc(); Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                st.execute("INSERT INTO notes (id, body, createdAt, updatedAt) VALUES ('x', 'theirs', '2026-01-01', '2026-01-01')");
                var e = assertCode(ErrorCode.DATABASE_BUSY, () -> db.addRow("notes", Map.of("body", "mine")));
                assertTrue(e.getMessage().contains("Another connection or program") && e.getMessage().contains("try again"), e.getMessage());
                st.execute("ROLLBACK");
            }
            db.addRow("notes", Map.of("body", "mine"));
            assertEquals(List.of("mine"), Conformance.values(db.getTableData("notes"), "body"));
        }
    }
}
