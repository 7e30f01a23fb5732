package dev.tablewright.app.navigator;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.tablewright.core.connect.ConnectOptions;

class NavigatorViewModelTest {
    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> actions = new ArrayList<>();
    private Connector connector;
    private NavigatorViewModel viewModel;

    @BeforeEach
    void openDatabase() {
        connector = Connector.connect(ConnectOptions.fromMap(
                Map.of("dialect", "sqlite", "database", dir.resolve("shop.db").toString())));
        connector.defineTable("customers", Map.of("name", "string"));
        connector.defineTable("orders", Map.of("total", "number"), Map.of("trackHistory", true));
        connector.optionallyHasMany("orders", "customers");
        connector.addRows("customers", List.of(Map.of("name", "Ann"), Map.of("name", "Bob")));
        viewModel = new NavigatorViewModel(new SameThreadTaskExecutor(), dialogs, new TableActions() {
            @Override
            public void openData(NavigatorConnection connection, String table) {
                actions.add("data " + table);
            }

            @Override
            public void filter(NavigatorConnection connection, String table) {
                actions.add("filter " + table);
            }

            @Override
            public void design(NavigatorConnection connection, String table) {
                actions.add("design " + table);
            }

            @Override
            public void history(NavigatorConnection connection, String table) {
                actions.add("history " + table);
            }

            @Override
            public void tableChanged(NavigatorConnection connection, String table) {
                actions.add("changed " + table);
            }
        });
    }

    @AfterEach
    void close() {
        connector.close();
    }

    @Test
    void listsTablesWithCountsAndHistoryBadgesButNoInternalTables() {
        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);

        assertEquals(NavigatorConnection.State.READY, shop.stateProperty().get());
        assertEquals(List.of(new NavigatorTable("customers", 2, false), new NavigatorTable("orders", 0, true)),
                shop.tables());
    }

    @Test
    void searchNarrowsTheTablesByAnyPartOfTheirName() {
        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);

        viewModel.searchProperty().set("ORD");
        assertEquals(List.of("orders"), shop.tables().stream().map(NavigatorTable::name).toList());

        viewModel.searchProperty().set("");
        assertEquals(2, shop.tables().size());
    }

    @Test
    void clearingAsksWithTheTableNameAndEmptiesItOnlyWhenConfirmed() {
        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);

        viewModel.clear(shop, "customers");
        assertEquals(2, connector.countRows("customers", ReadOptions.none()), "declined: nothing deleted");
        assertTrue(dialogs.shown().get(0).contains("customers"), dialogs.shown().get(0));

        dialogs.answerConfirmations(true);
        viewModel.clear(shop, "customers");
        assertEquals(0, connector.countRows("customers", ReadOptions.none()));
        assertEquals(0, shop.tables().get(0).rowCount());
        assertEquals(List.of("changed customers"), actions);
    }

    @Test
    void deletingAConfirmedTableRemovesItFromTheDatabaseAndTheList() {
        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);
        dialogs.answerConfirmations(true);

        viewModel.delete(shop, "orders");

        assertFalse(connector.getAllTables().contains("orders"));
        assertEquals(List.of("customers"), shop.tables().stream().map(NavigatorTable::name).toList());
    }

    /** The names of the tables and triggers the database holds, the workbench's own included. */
    private List<String> storedObjects() {
        return connector.query("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name").results().stream()
                .map(r -> String.valueOf(r.get("name"))).toList();
    }

    @Test
    void keepingHistoryOfAForeignTableSaysWhatItWritesAndWritesNothingUntilAgreed() {
        connector.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (id, body) VALUES (1, 'first'), (2, 'second')");
        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);
        List<String> before = storedObjects();

        viewModel.setTracking(shop, "notes", true);

        String asked = dialogs.shown().get(0);
        assertTrue(asked.contains("__history_notes"), asked);
        assertTrue(asked.contains("Copies the 2 rows notes holds now"), asked);
        assertTrue(asked.contains("CREATE TRIGGER"), "the statements are shown: " + asked);
        assertEquals(before, storedObjects(), "declined: nothing of the workbench's was written");

        dialogs.answerConfirmations(true);
        viewModel.setTracking(shop, "notes", true);

        assertTrue(connector.getTableSchema("notes").options().trackHistory());
        assertTrue(shop.tables().stream().anyMatch(t -> t.name().equals("notes") && t.tracksHistory()), "the navigator shows the badge");
        connector.exec("UPDATE notes SET body = 'changed' WHERE id = 1");
        assertEquals(1, connector.getAuditLog("notes", Map.of()).size(), "another client's change is recorded");
        assertTrue(actions.contains("changed notes"));
    }

    @Test
    void stoppingHistoryDropsItsTriggersAndKeepsWhatWasRecorded() {
        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);
        connector.addRow("orders", Map.of("total", 5));
        dialogs.answerConfirmations(true);

        assertTrue(storedObjects().stream().anyMatch(name -> name.startsWith("__tw_h_orders_")), "tracked: its triggers are there " + storedObjects());

        viewModel.setTracking(shop, "orders", false);

        assertTrue(dialogs.shown().get(0).contains("DROP TRIGGER"), dialogs.shown().get(0));
        assertFalse(connector.getTableSchema("orders").options().trackHistory());
        assertTrue(storedObjects().stream().noneMatch(name -> name.startsWith("__tw_h_orders_")), "no trigger left: " + storedObjects());
        assertEquals(1, connector.getAuditLog("orders", Map.of()).size(), "the versions kept so far can still be read");
    }

    @Test
    void aFailureToClearIsShownWithItsErrorCode() {
        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);
        dialogs.answerConfirmations(true);

        viewModel.clear(shop, "no_such_table");

        String shown = dialogs.shown().get(dialogs.shown().size() - 1);
        assertTrue(shown.startsWith("error|Could not clear no_such_table||UNKNOWN_TABLE: "), shown);
    }

    @Test
    void renamingAsksForTheNewNameThenListsAndSelectsTheTableUnderIt() {
        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);
        dialogs.answerText("clients");

        viewModel.rename(shop, "customers");

        assertEquals("text|Rename table|New name for the table customers on Shop|customers", dialogs.shown().get(0));
        assertEquals(List.of(new NavigatorTable("clients", 2, false), new NavigatorTable("orders", 0, true)), shop.tables());
        assertEquals(new NavigatorViewModel.Selection(shop, "clients"), viewModel.selectionProperty().get());
        assertEquals(List.of("changed customers"), actions, "screens showing the old name are told");
        assertEquals(2, connector.getTableData("clients").size());
    }

    @Test
    void cancellingOrKeepingTheNameRenamesNothing() {
        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);

        viewModel.rename(shop, "customers");
        dialogs.answerText("customers");
        viewModel.rename(shop, "customers");

        assertEquals(List.of("customers", "orders"), connector.getAllTables());
        assertEquals(2, dialogs.shown().size(), "asked twice, nothing else shown");
        assertEquals(List.of(), actions);
    }

    @Test
    void aRefusedNewNameIsShownWithItsErrorCodeAndChangesNothing() {
        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);
        dialogs.answerText("orders");

        viewModel.rename(shop, "customers");

        String shown = dialogs.shown().get(dialogs.shown().size() - 1);
        assertTrue(shown.startsWith("error|Could not rename customers||INVALID_NAME: "), shown);
        assertEquals(List.of("customers", "orders"), shop.tables().stream().map(NavigatorTable::name).toList());
        assertEquals(List.of(), actions);
    }

    @Test
    void commandsGoToTheWorkspace() {
        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);

        viewModel.openData(shop, "orders");
        viewModel.design(shop, "customers");
        viewModel.history(shop, "orders");
        viewModel.filter(shop, "customers");

        assertEquals(List.of("data orders", "design customers", "history orders", "filter customers"), actions);
    }

    @Test
    void aHugeTableIsCountedOnlyUpToTheCapSoTheListComesAtOnce() {
        connector.exec("CREATE TABLE big (n INTEGER); INSERT INTO big (n) WITH RECURSIVE c(x) AS "
                + "(SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000005) SELECT x FROM c");

        NavigatorConnection shop = viewModel.add("Shop", "shop.db", connector);

        NavigatorTable big = shop.tables().stream().filter(t -> t.name().equals("big")).findFirst().orElseThrow();
        assertEquals(NavigatorTable.COUNT_CAP + 1, big.rowCount());
        assertTrue(big.countCapped());
        NavigatorTable customers = shop.tables().stream().filter(t -> t.name().equals("customers")).findFirst().orElseThrow();
        assertEquals(2, customers.rowCount());
        assertFalse(customers.countCapped(), "a small table is counted exactly");
    }
}
