package dev.tablewright.app.history;

import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.tablewright.core.connect.ConnectOptions;

class HistoryViewModelTest {
    private Connector connector;

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    @AfterEach
    void close() {
        if (connector != null) {
            connector.close();
        }
    }

    private HistoryViewModel trackedProducts(String dialect) {
        connector = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        connector.defineTable("products", Map.of("name", "string", "price", "number"), Map.of("trackHistory", true));
        Map<String, Object> tea = connector.addRow("products", Map.of("name", "Tea", "price", 3));
        // updatedAt is kept to the millisecond: the update must come in a later one to change it.
        LockSupport.parkNanos(5_000_000);
        connector.patchRow("products", Map.of("id", tea.get("id"), "price", 4));
        Map<String, Object> cake = connector.addRow("products", Map.of("name", "Cake", "price", 5));
        connector.deleteRow("products", cake.get("id"));
        return new HistoryViewModel(connector, "products", new SameThreadTaskExecutor());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void listsEveryChangeNewestFirstWithTheFieldsItChanged(String dialect) {
        HistoryViewModel viewModel = trackedProducts(dialect);

        viewModel.load();

        assertEquals(List.of("DELETE", "CREATE", "UPDATE", "CREATE"),
                viewModel.entries().stream().map(AuditEntry::action).toList());
        AuditEntry update = viewModel.entries().get(2);
        assertEquals("price, updatedAt", update.summary(), "the automatic updatedAt changes with every update");
        assertEquals(new AuditEntry.FieldChange("price", 3L, 4L), normalised(update.changes()).get(0));
        assertEquals(connector.currentUser(), update.changedBy());
        assertEquals("4 changes", viewModel.statusProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void filtersByActionAndByRow(String dialect) {
        HistoryViewModel viewModel = trackedProducts(dialect);

        viewModel.actionProperty().set(HistoryViewModel.ActionFilter.DELETE);
        viewModel.load();
        assertEquals(List.of("DELETE"), viewModel.entries().stream().map(AuditEntry::action).toList());
        AuditEntry deleted = viewModel.entries().get(0);
        assertTrue(deleted.changes().stream().anyMatch(c -> c.field().equals("name") && "Cake".equals(c.before()) && c.after() == null),
                deleted.changes().toString());

        viewModel.actionProperty().set(HistoryViewModel.ActionFilter.ALL);
        viewModel.load();
        viewModel.selectedProperty().set(viewModel.entries().get(3));
        viewModel.showSelectedRow();
        assertEquals(List.of("UPDATE", "CREATE"), viewModel.entries().stream().map(AuditEntry::action).toList());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aTableWithoutHistorySaysHowToTrackIt(String dialect) {
        connector = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        connector.defineTable("notes", Map.of("text", "string"));
        HistoryViewModel viewModel = new HistoryViewModel(connector, "notes", new SameThreadTaskExecutor());

        viewModel.load();

        assertTrue(viewModel.problemProperty().get().startsWith("INVALID_ARGUMENT: "), viewModel.problemProperty().get());
        assertTrue(viewModel.problemProperty().get().contains("trackHistory"), viewModel.problemProperty().get());
        assertEquals(List.of(), viewModel.entries());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aLongLogIsPagedByTheDatabaseNewestFirst(String dialect) {
        connector = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        connector.defineTable("events", Map.of("n", "integer"), Map.of("trackHistory", true));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= HistoryViewModel.PAGE_SIZE + 20; i++) {
            rows.add(Map.of("n", i));
        }
        connector.addRows("events", rows);
        HistoryViewModel viewModel = new HistoryViewModel(connector, "events", new SameThreadTaskExecutor());

        viewModel.load();
        assertEquals(HistoryViewModel.PAGE_SIZE, viewModel.entries().size());
        assertTrue(viewModel.hasNextPageProperty().get());
        assertEquals("changes 1–500, more follow", viewModel.statusProperty().get());

        List<AuditEntry> first = List.copyOf(viewModel.entries());

        viewModel.nextPage();
        assertEquals(20, viewModel.entries().size());
        assertFalse(viewModel.hasNextPageProperty().get());
        assertEquals("changes 501–520", viewModel.statusProperty().get());
        List<AuditEntry> second = List.copyOf(viewModel.entries());
        Set<String> rowIds = new HashSet<>();
        first.forEach(e -> rowIds.add(e.rowId()));
        second.forEach(e -> rowIds.add(e.rowId()));
        assertEquals(HistoryViewModel.PAGE_SIZE + 20, rowIds.size(), "the two pages together are every change, none twice");

        viewModel.previousPage();
        assertEquals(first, viewModel.entries(), "back to the newest page");
        viewModel.nextPage();
        assertEquals(second, viewModel.entries());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void filtersByChangedFieldAndByAQuickTimeRange(String dialect) {
        HistoryViewModel viewModel = trackedProducts(dialect);

        viewModel.changedFieldProperty().set("price");
        viewModel.load();
        assertEquals(List.of("UPDATE"), viewModel.entries().stream().map(AuditEntry::action).toList());

        viewModel.changedFieldProperty().set("");
        viewModel.periodProperty().set(HistoryViewModel.Period.LAST_HOUR);
        assertEquals("-1h", viewModel.startProperty().get());
        assertEquals(4, viewModel.entries().size(), "every change was made in the last hour");
        viewModel.periodProperty().set(HistoryViewModel.Period.CUSTOM);
        viewModel.startProperty().set("2000-01-01T00:00:00Z");
        viewModel.stopProperty().set("2000-01-02T00:00:00Z");
        viewModel.load();
        assertEquals(List.of(), viewModel.entries());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theLogIsExportedAsJsonAndCsv(String dialect, @TempDir Path dir) throws Exception {
        HistoryViewModel viewModel = trackedProducts(dialect);
        viewModel.actionProperty().set(HistoryViewModel.ActionFilter.UPDATE);

        viewModel.export(dir.resolve("log.json"), HistoryExport.Format.JSON);
        viewModel.export(dir.resolve("log.csv"), HistoryExport.Format.CSV);

        List<?> json = (List<?>) Json.read(Files.readString(dir.resolve("log.json")));
        assertEquals(1, json.size(), "only what the filters let through");
        Map<?, ?> update = (Map<?, ?>) json.get(0);
        assertEquals("UPDATE", update.get("action"));
        assertEquals(3, ((Number) ((Map<?, ?>) ((Map<?, ?>) update.get("diff")).get("price")).get("old")).intValue());
        List<String> csv = Files.readAllLines(dir.resolve("log.csv"));
        assertEquals("createdAt,action,id,actorId,diff", csv.get(0));
        assertEquals(2, csv.size());
        assertTrue(csv.get(1).contains(",UPDATE,"), csv.get(1));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aRecordsVersionsAreExportedWithAColumnPerField(String dialect, @TempDir Path dir) throws Exception {
        trackedProducts(dialect);
        Object tea = connector.findRow("products", ReadOptions.filter(List.of("name", "=", "Tea"))).get("id");
        RecordHistoryViewModel record = new RecordHistoryViewModel(connector, "products", tea, new SameThreadTaskExecutor());
        record.load();

        record.export(dir.resolve("tea.csv"), HistoryExport.Format.CSV);
        record.export(dir.resolve("tea.json"), HistoryExport.Format.JSON);

        List<String> csv = Files.readAllLines(dir.resolve("tea.csv"));
        assertTrue(csv.get(0).startsWith("version,operation,changedAt,changedBy,changedFields,"), csv.get(0));
        assertTrue(csv.get(0).contains(",price") && csv.get(0).contains(",name"), csv.get(0));
        assertEquals(3, csv.size(), "a header and two versions");
        List<?> json = (List<?>) Json.read(Files.readString(dir.resolve("tea.json")));
        assertEquals(List.of("insert", "update"), json.stream().map(v -> ((Map<?, ?>) v).get("operation")).toList());
        assertEquals("Tea", ((Map<?, ?>) ((Map<?, ?>) json.get(1)).get("data")).get("name"));
    }

    /** Numbers come back as Long, Integer, BigDecimal or Double depending on the driver. */
    private static List<AuditEntry.FieldChange> normalised(List<AuditEntry.FieldChange> changes) {
        return changes.stream().map(c -> new AuditEntry.FieldChange(c.field(), asLong(c.before()), asLong(c.after()))).toList();
    }

    private static Object asLong(Object value) {
        return value instanceof Number n ? (Object) n.longValue() : value;
    }
}
