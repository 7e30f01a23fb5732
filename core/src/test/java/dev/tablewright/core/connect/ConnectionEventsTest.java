package dev.tablewright.core.connect;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.testing.RestartablePostgres;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A connector tells its listeners when calls find the server gone and when they work again: a
 * PostgreSQL server of the test's own is stopped and started again on the same port and data
 * directory, as when a server is restarted under an open workbench.
 */
class ConnectionEventsTest {
    @TempDir
    Path dataDirectory;

    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    private RestartablePostgres server;
    private Connector connector;

    @BeforeEach
    void startServerAndConnect() throws IOException {
        assumeTrue(TestDatabases.dialects().contains("postgres"), "PostgreSQL is not in TW_TEST_DIALECTS");
        server = RestartablePostgres.start(dataDirectory);
        connector = Connector.connect(new ConnectOptions("postgres", "postgres", "postgres", "", "localhost", server.port(), false, null));
        connector.onConnectionEvent(events::add);
    }

    @AfterEach
    void stopServer() throws IOException {
        if (connector != null) {
            connector.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCallToAStoppedServerReportsTheLossAndACallAfterItsRestartReportsTheReturnWithTheData() throws IOException {
        connector.defineTable("notes", Map.of("text", "string"));
        connector.addRow("notes", Map.of("text", "kept across the restart"));

        server.stop();
        TablewrightException failure = assertThrows(TablewrightException.class, () -> connector.getTableData("notes"));

        assertEquals(ErrorCode.CONNECTION_FAILED, failure.code());
        assertEquals(1, events.size(), events.toString());
        assertEquals(ConnectionEvent.Kind.LOST, events.get(0).kind());
        assertTrue(events.get(0).reason().startsWith("CONNECTION_FAILED: "), events.get(0).reason());
        assertTrue(events.get(0).reason().contains(failure.getMessage()), events.get(0).reason());

        server.restart();
        List<Map<String, Object>> rows = connector.getTableData("notes");

        assertEquals("kept across the restart", rows.get(0).get("text"));
        assertEquals(List.of(ConnectionEvent.Kind.LOST, ConnectionEvent.Kind.RESTORED), events.stream().map(ConnectionEvent::kind).toList());
        assertEquals("", events.get(1).reason());
    }

    @Test
    void aSecondFailingCallWhileTheServerIsGoneReportsNoSecondLoss() throws IOException {
        server.stop();
        assertThrows(TablewrightException.class, () -> connector.query("SELECT 1"));
        assertThrows(TablewrightException.class, () -> connector.query("SELECT 2"));

        assertEquals(List.of(ConnectionEvent.Kind.LOST), events.stream().map(ConnectionEvent::kind).toList());
    }

    @Test
    void aSyntaxErrorIsNoLostConnection() {
        TablewrightException failure = assertThrows(TablewrightException.class, () -> connector.query("SELEC 1"));

        assertEquals(ErrorCode.SQL_ERROR, failure.code());
        assertEquals(List.of(), events);
        assertEquals(1L, ((Number) connector.queryOne("SELECT 1 AS one", List.of()).get("one")).longValue());
        assertEquals(List.of(), events, "a working call after a plain error restores nothing, since nothing was lost");
    }

    @Test
    void aFailedScriptStatementOnAStoppedServerReportsTheLossOnce() throws IOException {
        server.stop();
        TablewrightException failure = assertThrows(TablewrightException.class, () -> connector.exec("SELECT 1; SELECT 2"));

        assertEquals(ErrorCode.CONNECTION_FAILED, failure.code(), failure.getMessage());
        assertEquals(List.of(ConnectionEvent.Kind.LOST), events.stream().map(ConnectionEvent::kind).toList());
    }
}
