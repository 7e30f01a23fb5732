package dev.tablewright.app.history;

import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        connector = Connector.connect(dev.tablewright.core.connect.ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        connector.defineTable("products", Map.of("name", "string", "price", "number"), Map.of("trackHistory", true));
        Map<String, Object> tea = connector.addRow("products", Map.of("name", "Tea", "price", 3));
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
        connector = Connector.connect(dev.tablewright.core.connect.ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        connector.defineTable("notes", Map.of("text", "string"));
        HistoryViewModel viewModel = new HistoryViewModel(connector, "notes", new SameThreadTaskExecutor());

        viewModel.load();

        assertTrue(viewModel.problemProperty().get().startsWith("INVALID_ARGUMENT: "), viewModel.problemProperty().get());
        assertTrue(viewModel.problemProperty().get().contains("trackHistory"), viewModel.problemProperty().get());
        assertEquals(List.of(), viewModel.entries());
    }

    /** Numbers come back as Long, Integer, BigDecimal or Double depending on the driver. */
    private static List<AuditEntry.FieldChange> normalised(List<AuditEntry.FieldChange> changes) {
        return changes.stream().map(c -> new AuditEntry.FieldChange(c.field(), asLong(c.before()), asLong(c.after()))).toList();
    }

    private static Object asLong(Object value) {
        return value instanceof Number n ? (Object) n.longValue() : value;
    }
}
