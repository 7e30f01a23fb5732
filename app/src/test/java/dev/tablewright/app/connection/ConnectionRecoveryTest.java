package dev.tablewright.app.connection;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PostgreSQL server of the test's own, stopped and started again on the same port and data
 * directory, as when a server is restarted under an open workbench.
 */
class ConnectionRecoveryTest {
    @TempDir
    Path dataDirectory;

    private final ConnectionRegistry registry = new ConnectionRegistry(Runnable::run);
    private RestartablePostgres server;

    @BeforeEach
    void startServer() throws IOException {
        assumeTrue(TestDatabases.dialects().contains("postgres"), "PostgreSQL is not in TW_TEST_DIALECTS");
        server = RestartablePostgres.start(dataDirectory);
    }

    @AfterEach
    void stopServer() throws IOException {
        registry.closeAll();
        if (server != null) {
            server.close();
        }
    }

    private ConnectionProfile profile() {
        return new ConnectionProfile("Local PG", DialectKind.POSTGRES, "postgres", "localhost", server.port(), "postgres", false, null, false);
    }

    @Test
    void aCallAfterTheServerWentAwayReportsTheLossAndTheNextCallAfterItsReturnSucceeds() throws IOException {
        OpenConnection connection = registry.open(profile(), "");
        connection.call(c -> c.defineTable("notes", Map.of("text", "string")));
        connection.call(c -> c.addRow("notes", Map.of("text", "kept across the restart")));

        server.stop();
        TablewrightException lost = assertThrows(TablewrightException.class, () -> connection.call(c -> c.getTableData("notes")));

        assertEquals(ErrorCode.CONNECTION_FAILED, lost.code());
        assertTrue(lost.getMessage().startsWith("Lost the connection to 'Local PG'"), lost.getMessage());
        assertEquals(OpenConnection.State.LOST, connection.stateProperty().get());
        assertTrue(connection.problemProperty().get().startsWith("CONNECTION_FAILED: Lost the connection"),
                connection.problemProperty().get());

        server.restart();
        List<Map<String, Object>> rows = connection.call(c -> c.getTableData("notes"));

        assertEquals("kept across the restart", rows.get(0).get("text"));
        assertEquals(OpenConnection.State.OPEN, connection.stateProperty().get());
        assertEquals("", connection.problemProperty().get());
    }

    @Test
    void aCallMadeOnTheConnectorDirectlyMarksTheConnectionLostAndOneAfterTheRestartMarksItOpen() throws IOException {
        OpenConnection connection = registry.open(profile(), "");
        connection.connector().defineTable("notes", Map.of("text", "string"));
        connection.connector().addRow("notes", Map.of("text", "kept across the restart"));

        server.stop();
        TablewrightException lost = assertThrows(TablewrightException.class, () -> connection.connector().getTableData("notes"));

        assertEquals(ErrorCode.CONNECTION_FAILED, lost.code());
        assertEquals(OpenConnection.State.LOST, connection.stateProperty().get());
        assertTrue(connection.problemProperty().get().startsWith("CONNECTION_FAILED: Lost the connection to 'Local PG': "),
                connection.problemProperty().get());
        assertTrue(connection.problemProperty().get().endsWith("It is tried again on the next action."),
                connection.problemProperty().get());

        server.restart();
        List<Map<String, Object>> rows = connection.connector().getTableData("notes");

        assertEquals("kept across the restart", rows.get(0).get("text"));
        assertEquals(OpenConnection.State.OPEN, connection.stateProperty().get());
        assertEquals("", connection.problemProperty().get());
    }

    @Test
    void aSyntaxErrorOnTheConnectorLeavesTheConnectionOpen() {
        OpenConnection connection = registry.open(profile(), "");

        TablewrightException wrong = assertThrows(TablewrightException.class, () -> connection.connector().query("SELEC 1"));

        assertEquals(ErrorCode.SQL_ERROR, wrong.code());
        assertEquals(OpenConnection.State.OPEN, connection.stateProperty().get());
        assertEquals("", connection.problemProperty().get());
    }

    @Test
    void aCheckNoticesTheLossAndAnotherCheckTheReturn() throws IOException {
        OpenConnection connection = registry.open(profile(), "");

        server.stop();
        registry.checkAll();

        assertEquals(OpenConnection.State.LOST, connection.stateProperty().get());
        assertEquals(OpenConnection.State.LOST, connection.check(), "still gone");
        assertTrue(connection.problemProperty().get().startsWith("CONNECTION_FAILED: Still cannot reach 'Local PG'"),
                connection.problemProperty().get());

        server.restart();
        registry.checkAll();

        assertEquals(OpenConnection.State.OPEN, connection.stateProperty().get());
        assertTrue(connection.serverVersion().startsWith("PostgreSQL "), connection.serverVersion());
    }
}
