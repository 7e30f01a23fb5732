package dev.tablewright.app.history;

import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restore plans and restores of a version, some of its fields, and a deleted record, on every dialect. */
class RestoreViewModelTest {
    private Connector db;

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** SQLite and MariaDB record changes to the millisecond: the next change is made in a later one, so each version has a moment of its own. */
    private static void nextMoment() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tea at 3, renamed Green tea, then priced 5: three versions. */
    private Object tea(String dialect) {
        db = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        db.defineTable("products", fields("name", Map.of("type", "string", "unique", true), "price", "number"), Map.of("trackHistory", true));
        Object id = db.addRow("products", fields("name", "Tea", "price", 3)).get("id");
        nextMoment();
        db.patchRow("products", fields("id", id, "name", "Green tea"));
        nextMoment();
        db.patchRow("products", fields("id", id, "price", 5));
        nextMoment();
        return id;
    }

    private RecordHistoryViewModel history(Object id) {
        RecordHistoryViewModel history = new RecordHistoryViewModel(db, "products", id, new SameThreadTaskExecutor());
        history.load();
        return history;
    }

    private static RestoreViewModel.Choice choice(RestoreViewModel restore, String field) {
        return restore.choices().stream().filter(c -> c.field().equals(field)).findFirst().orElseThrow(() -> new AssertionError("no " + field));
    }

    private Map<String, Object> row(Object id) {
        return db.findRow("products", ReadOptions.filter(List.of("id", "=", id)));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void restoringTheFirstVersionWritesItsChangedFieldsAsANewVersion(String dialect) {
        Object id = tea(dialect);
        RecordHistoryViewModel history = history(id);
        RestoreViewModel restore = history.restore(history.versions().get(0));

        restore.load();

        assertEquals(List.of("name", "price"), restore.choices().stream().map(RestoreViewModel.Choice::field).toList(),
                "the key and the automatic dates are not the person's to write");
        assertTrue(choice(restore, "name").chosenProperty().get(), "a field that differs is chosen");
        assertEquals("Green tea", choice(restore, "name").now());
        assertEquals("Tea", choice(restore, "name").then());
        RestoreViewModel.Plan plan = restore.plan();
        assertNull(plan.fields(), "every field: the whole version");
        assertFalse(plan.reinsert());
        assertEquals(history.versions().get(0).changedAt(), plan.asOf());
        assertEquals(Map.of("name", "Tea", "price", 3L), normalised(plan.writes()));

        restore.restore();

        assertEquals("", restore.problemProperty().get());
        assertEquals("Tea", row(id).get("name"));
        assertEquals(4, history.versions().size(), "the restore is a version of its own");
        assertEquals(db.currentUser(), history.versions().get(3).changedBy());
        assertEquals(List.of("name", "price", "updatedAt"), history.versions().get(3).changedFields().stream().sorted().toList());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void someFieldsOfAVersionCanBeRestoredAlone(String dialect) {
        Object id = tea(dialect);
        RecordHistoryViewModel history = history(id);
        RestoreViewModel restore = history.restore(history.versions().get(0));
        restore.load();

        choice(restore, "name").chosenProperty().set(false);

        assertEquals(List.of("price"), restore.plan().fields());
        restore.restore();
        Map<String, Object> now = row(id);
        assertEquals("Green tea", now.get("name"), "the name was not chosen");
        assertEquals(3L, ((Number) now.get("price")).longValue());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aDeletedRecordComesBackAsItWasBeforeItsDelete(String dialect) {
        Object id = tea(dialect);
        db.deleteRow("products", id);
        RecordHistoryViewModel history = history(id);
        RecordVersion delete = history.versions().get(3);
        assertTrue(delete.isDelete());

        RestoreViewModel restore = history.restore(delete);
        restore.load();

        assertTrue(restore.deletedSinceProperty().get());
        assertEquals(history.versions().get(2), restore.source(), "the version before the delete comes back");
        assertTrue(restore.plan().reinsert());
        restore.restore();
        assertEquals("Green tea", row(id).get("name"));
        assertEquals("insert", history.versions().get(4).operation());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aRefusedRestoreSaysWhyWithItsCodeAndChangesNothing(String dialect) {
        Object id = tea(dialect);
        db.addRow("products", fields("name", "Tea", "price", 9));
        RecordHistoryViewModel history = history(id);
        RestoreViewModel restore = history.restore(history.versions().get(0));
        restore.load();

        restore.restore();

        assertTrue(restore.problemProperty().get().startsWith("UNIQUE_VIOLATION: "), restore.problemProperty().get());
        assertNull(restore.restoredProperty().get());
        assertEquals("Green tea", row(id).get("name"));
        assertEquals(3, history.versions().size());
        assertTrue(restore.canRestore().get(), "the person can choose other fields and try again");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aVersionSharingItsMomentWithTheNextCannotBeRestoredByTime(String dialect) {
        Object id = tea(dialect);
        RecordHistoryViewModel history = history(id);
        List<RecordVersion> versions = List.copyOf(history.versions());
        RecordVersion first = versions.get(0);
        RecordVersion sameMoment = new RecordVersion(2, "update", first.changedAt(), "", versions.get(1).data(), List.of("name"));

        RestoreViewModel restore = new RestoreViewModel(db, "products", id, first, List.of(first, sameMoment), new SameThreadTaskExecutor());
        restore.load();

        assertTrue(restore.problemProperty().get().startsWith("INVALID_ARGUMENT: v1 and v2 were recorded at the same moment"), restore.problemProperty().get());
        assertFalse(restore.canRestore().get());
    }

    private static Map<String, Object> normalised(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof Number n ? (Object) n.longValue() : v));
        return out;
    }
}
