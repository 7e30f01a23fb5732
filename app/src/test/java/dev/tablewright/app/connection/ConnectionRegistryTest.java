package dev.tablewright.app.connection;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionRegistryTest {
    private final ConnectionRegistry registry = new ConnectionRegistry(Runnable::run);

    @AfterEach
    void closeAll() {
        registry.closeAll();
    }

    private static ConnectionProfile sqlite(String name) {
        return ConnectionProfile.sqlite(name, TestDatabases.fresh("sqlite").database());
    }

    @Test
    void twoProfilesOpenAtOnceEachWithItsOwnConnector() {
        OpenConnection shop = registry.open(sqlite("Shop"), null);
        OpenConnection stock = registry.open(sqlite("Stock"), null);

        shop.call(c -> c.defineTable("orders", Map.of("total", "number")));

        assertNotSame(shop.connector(), stock.connector());
        assertEquals(List.of("orders"), shop.call(c -> c.getAllTables()));
        assertEquals(List.of(), stock.call(c -> c.getAllTables()));
        assertEquals(List.of(shop, stock), registry.connections());
        assertEquals(OpenConnection.State.OPEN, shop.stateProperty().get());
    }

    @Test
    void openingAnOpenProfileAgainGivesTheSameConnection() {
        ConnectionProfile shop = sqlite("Shop");

        assertSame(registry.open(shop, null), registry.open(shop, null));
        assertEquals(1, registry.connections().size());
    }

    @Test
    void aClosedConnectionSaysSoAndTheOthersStayOpen() {
        OpenConnection shop = registry.open(sqlite("Shop"), null);
        OpenConnection stock = registry.open(sqlite("Stock"), null);

        registry.close(shop);

        assertEquals(OpenConnection.State.CLOSED, shop.stateProperty().get());
        TablewrightException e = assertThrows(TablewrightException.class, () -> shop.call(c -> c.getAllTables()));
        assertEquals(ErrorCode.NOT_CONNECTED, e.code());
        assertTrue(e.getMessage().contains("'Shop' is closed"), e.getMessage());
        assertEquals(List.of(), stock.call(c -> c.getAllTables()));
        assertEquals(List.of(stock), registry.connections());
        assertTrue(registry.find("Shop").isEmpty());
    }

    @Test
    void aDataErrorDoesNotCountAsALostConnection() {
        OpenConnection shop = registry.open(sqlite("Shop"), null);

        TablewrightException e = assertThrows(TablewrightException.class, () -> shop.call(c -> c.query("SELECT * FROM nowhere")));

        assertEquals(ErrorCode.SQL_ERROR, e.code());
        assertEquals(OpenConnection.State.OPEN, shop.stateProperty().get());
    }

    @Test
    void aFileThatCannotBeOpenedFailsWithTheReason() {
        ConnectionProfile broken = ConnectionProfile.sqlite("Broken", "/proc/no-such-dir/x.db");

        TablewrightException e = assertThrows(TablewrightException.class, () -> registry.open(broken, null));

        assertEquals(ErrorCode.CONNECTION_FAILED, e.code());
        assertTrue(registry.connections().isEmpty());
    }

    @Test
    void theServerVersionNamesTheProduct() {
        OpenConnection shop = registry.open(sqlite("Shop"), null);

        assertTrue(shop.serverVersion().matches("SQLite 3\\.\\d+\\.\\d+"), shop.serverVersion());
    }
}
