package dev.tablewright.app.history;

import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record's timeline and comparisons on every dialect, the changes made through the core and by plain SQL. */
class RecordHistoryViewModelTest {
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

    private Connector connect(String dialect) {
        connector = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        return connector;
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static ValueDiff field(List<ValueDiff> diff, String name) {
        return diff.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + diff));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aTimelineListsEachVersionWithWhoAndWhichFieldsChanged(String dialect) {
        Connector db = connect(dialect);
        db.defineTable("products", fields("name", "string", "price", "number", "details", "json"), Map.of("trackHistory", true));
        Map<String, Object> tea = db.addRow("products", fields("name", "Tea", "price", 3, "details", Map.of("origin", Map.of("country", "China"))));
        Object id = tea.get("id");
        // updatedAt is kept to the millisecond: the update must come in a later one to change it.
        LockSupport.parkNanos(5_000_000);
        db.patchRow("products", fields("id", id, "details", Map.of("origin", Map.of("country", "Japan"))));
        String q = db.dialect().quoteIdentifier("products");
        db.query("UPDATE " + q + " SET " + db.dialect().quoteIdentifier("price") + " = 5 WHERE " + db.dialect().quoteIdentifier("id") + " = ?", List.of(id));
        db.addRow("products", fields("name", "Cake", "price", 4));
        RecordHistoryViewModel viewModel = new RecordHistoryViewModel(db, "products", id, new SameThreadTaskExecutor());

        viewModel.load();

        List<RecordVersion> versions = viewModel.versions();
        assertEquals(List.of("insert", "update", "update"), versions.stream().map(RecordVersion::operation).toList(), "the other row is not on the timeline");
        assertEquals(List.of(1, 2, 3), versions.stream().map(RecordVersion::number).toList());
        assertEquals(db.currentUser(), versions.get(0).changedBy());
        assertEquals(db.currentUser(), versions.get(1).changedBy());
        assertEquals(List.of("details", "updatedAt"), versions.get(1).changedFields().stream().sorted().toList());
        assertEquals(List.of("price"), versions.get(2).changedFields(), "plain SQL changed only the price");
        if (dialect.equals("sqlite")) {
            assertEquals("", versions.get(2).changedBy(), "SQLite knows no user for another client's change");
        } else {
            assertTrue(!versions.get(2).changedBy().isEmpty(), "the database's own user made the plain SQL change");
        }
        assertEquals(versions.get(2), viewModel.rightProperty().get(), "the newest version is shown");
        assertEquals(versions.get(1), viewModel.leftProperty().get(), "against the one before it");
        assertEquals("3 versions of products " + id, viewModel.statusProperty().get());
    }

    /** SQLite: the paging by key under it is proved on every dialect by the core's conformance tests. */
    @Test
    void aRecordWithMoreVersionsThanATimelinePageShowsTheNextOnesOnRequest() {
        Connector db = connect("sqlite");
        db.defineTable("counters", fields("n", "integer"), Map.of("trackHistory", true));
        Object id = db.addRow("counters", fields("n", 0)).get("id");
        int updates = RecordHistoryViewModel.MOST_VERSIONS + 4;
        for (int n = 1; n <= updates; n++) {
            db.changeRow("counters", id, fields("n", n));
        }
        RecordHistoryViewModel viewModel = new RecordHistoryViewModel(db, "counters", id, new SameThreadTaskExecutor());

        viewModel.load();
        assertEquals(RecordHistoryViewModel.MOST_VERSIONS, viewModel.versions().size());
        assertTrue(viewModel.hasNewerProperty().get());
        assertEquals("The first 1,000 versions of counters " + id + "; newer ones follow", viewModel.statusProperty().get());

        viewModel.loadNewer();
        List<RecordVersion> versions = viewModel.versions();
        assertEquals(updates + 1, versions.size(), "the insert and every update");
        assertFalse(viewModel.hasNewerProperty().get());
        for (int i = 0; i < versions.size(); i++) {
            assertEquals(i + 1, versions.get(i).number());
            assertEquals((long) i, ((Number) versions.get(i).data().get("n")).longValue(), "version " + (i + 1));
        }
        List<String> changed = versions.get(RecordHistoryViewModel.MOST_VERSIONS).changedFields();
        // Compared with no version before it, every field would read as changed (createdAt too).
        assertTrue(changed.contains("n") && !changed.contains("createdAt"), "the second page's first version against the first page's last: " + changed);
        assertEquals(String.format("%,d versions of counters %s", updates + 1, id), viewModel.statusProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void anyTwoVersionsCanBeComparedWithJsonAsATree(String dialect) {
        Connector db = connect(dialect);
        db.defineTable("products", fields("name", "string", "price", "number", "details", "json"), Map.of("trackHistory", true));
        Object id = db.addRow("products", fields("name", "Tea", "price", 3, "details", Map.of("origin", Map.of("country", "China"), "tags", List.of("green")))).get("id");
        db.patchRow("products", fields("id", id, "name", "Green tea"));
        db.patchRow("products", fields("id", id, "price", 4, "details", Map.of("origin", Map.of("country", "Japan"), "tags", List.of("green"))));
        RecordHistoryViewModel viewModel = new RecordHistoryViewModel(db, "products", id, new SameThreadTaskExecutor());
        viewModel.load();

        viewModel.leftProperty().set(viewModel.versions().get(0));
        viewModel.rightProperty().set(viewModel.versions().get(2));

        List<ValueDiff> diff = viewModel.diff();
        assertEquals(ValueDiff.Kind.CHANGED, field(diff, "name").kind());
        assertEquals(ValueDiff.Kind.CHANGED, field(diff, "price").kind());
        assertEquals(ValueDiff.Kind.SAME, field(diff, "id").kind());
        ValueDiff details = field(diff, "details");
        assertEquals(ValueDiff.Kind.CHANGED, details.kind());
        assertEquals(ValueDiff.Kind.CHANGED, field(field(details.children(), "origin").children(), "country").kind());
        assertEquals(ValueDiff.Kind.SAME, field(details.children(), "tags").kind());

        viewModel.onlyChangesProperty().set(true);
        assertEquals(List.of("details", "name", "price", "updatedAt"), viewModel.diff().stream().map(ValueDiff::name).sorted().toList());

        viewModel.selectedProperty().set(viewModel.versions().get(0));
        assertNull(viewModel.leftProperty().get(), "the first version is compared with nothing: every field was added");
        assertTrue(viewModel.diff().stream().allMatch(d -> d.kind() == ValueDiff.Kind.ADDED), viewModel.diff().toString());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aRowThatPredatesTrackingShowsOnlyWhatItsFirstChangeChanged(String dialect) {
        Connector db = connect(dialect);
        db.defineTable("notes", fields("text", "string", "pages", "integer"));
        Object id = db.addRow("notes", fields("text", "draft", "pages", 1)).get("id");
        db.defineTable("notes", Map.of(), Map.of("trackHistory", true));
        db.patchRow("notes", fields("id", id, "pages", 2));
        db.deleteRow("notes", id);
        RecordHistoryViewModel viewModel = new RecordHistoryViewModel(db, "notes", id, new SameThreadTaskExecutor());

        viewModel.load();

        assertEquals(List.of("update", "delete"), viewModel.versions().stream().map(RecordVersion::operation).toList());
        assertEquals(List.of("pages", "updatedAt"), viewModel.versions().get(0).changedFields().stream().sorted().toList());
        assertEquals("the record was deleted", viewModel.versions().get(1).summary());
        assertTrue(viewModel.diff().stream().allMatch(d -> d.kind() == ValueDiff.Kind.REMOVED), "a delete removes every field: " + viewModel.diff());
    }
}
