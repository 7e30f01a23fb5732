package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid's paging, sorting, filtering and editing, on a real database of every dialect. */
class GridViewModelTest {
    static final int ROWS = 50;
    static final int PAGE = 7;

    final RecordingDialogService dialogs = new RecordingDialogService().answerConfirmations(true);
    Connector db;

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** 50 people; ages repeat and every fifth is NULL, so sort keys have ties and NULLs. */
    static Connector people(String dialect) {
        Connector c = new Connector();
        c.create(TestDatabases.fresh(dialect).options());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "string");
        fields.put("age", "integer");
        fields.put("active", "boolean");
        c.defineTable("people", fields);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Map<String, Object> r = new HashMap<>();
            r.put("name", String.format("p%02d", i));
            r.put("age", i % 5 == 0 ? null : (long) (i % 7));
            r.put("active", i % 2 == 0);
            rows.add(r);
        }
        c.addRows("people", rows);
        return c;
    }

    GridViewModel open(String dialect) {
        db = people(dialect);
        GridViewModel vm = new GridViewModel(db, "people", new SameThreadTaskExecutor(), dialogs).withPaging(PAGE, 1000);
        vm.open();
        return vm;
    }

    static List<String> names(List<GridRow> rows) {
        return rows.stream().map(r -> (String) r.value("name")).toList();
    }

    /** Every row of the grid, read front to back as scrolling would. */
    static List<String> scrollDown(GridViewModel vm) {
        ObservableList<GridRow> rows = vm.rowsProperty().get();
        List<GridRow> seen = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            seen.add(rows.get(i));
        }
        return names(seen);
    }

    /** Every row, read from the end back to the start, as after a jump to the end. */
    static List<String> scrollUp(GridViewModel vm) {
        ObservableList<GridRow> rows = vm.rowsProperty().get();
        List<GridRow> seen = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            seen.add(0, rows.get(i));
        }
        return names(seen);
    }

    List<String> expected(Object order, Object filter) {
        return db.getTableData("people", ReadOptions.builder().filter(Filter.parse(filter)).order(order).autoJoin(false).build())
                .stream().map(r -> (String) r.get("name")).toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void openingShowsTheFirstPageAndTheCount(String dialect) {
        GridViewModel vm = open(dialect);

        assertEquals(ROWS, vm.rowsProperty().get().size());
        assertEquals("50 rows", vm.rowCountTextProperty().get());
        assertTrue(vm.rowsProperty().get().get(0).isLoaded());
        assertEquals(1, vm.cachedPages(), "only the first page is read");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void pagesLoadAsRowsAreRequested(String dialect) {
        GridViewModel vm = open(dialect);
        ObservableList<GridRow> rows = vm.rowsProperty().get();

        GridRow row = rows.get(3 * PAGE + 2);

        assertTrue(row.isLoaded());
        assertEquals(2, vm.cachedPages());
        assertEquals(expected(List.of("id", "ASC"), null).get(3 * PAGE + 2), row.value("name"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void keysetPagingReturnsEachRowOnceWithTiesAndNullsInTheSortColumn(String dialect) {
        GridViewModel vm = open(dialect);

        vm.sort(List.of(new SortKey("age", false)));
        List<String> ascending = scrollDown(vm);
        assertEquals(expected(List.of("age", "ASC"), null), ascending);
        assertEquals(ROWS, ascending.stream().distinct().count());

        vm.sort(List.of(new SortKey("age", true)));
        List<String> descendingUp = scrollUp(vm);
        assertEquals(expected(List.of("age", "DESC"), null), descendingUp);
        assertEquals(ROWS, descendingUp.stream().distinct().count());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void clickingAHeaderSortsAscendingThenDescendingThenNot(String dialect) {
        GridViewModel vm = open(dialect);

        vm.sortBy("name");
        assertEquals("p00", vm.rowsProperty().get().get(0).value("name"));
        vm.sortBy("name");
        assertEquals("p49", vm.rowsProperty().get().get(0).value("name"));
        assertEquals(List.of(new SortKey("name", true)), vm.sortProperty().get());
        vm.sortBy("name");
        assertEquals(List.of(), vm.sortProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void jumpingToTheEndReadsTheLastRowsWithoutThoseBetween(String dialect) {
        GridViewModel vm = open(dialect);
        vm.sort(List.of(new SortKey("name", false)));
        ObservableList<GridRow> rows = vm.rowsProperty().get();

        GridRow last = rows.get(rows.size() - 1);

        assertEquals("p49", last.value("name"));
        assertEquals(2, vm.cachedPages(), "the first page and the last");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aFilterKeepsPagingAndClearingItShowsEveryRow(String dialect) {
        GridViewModel vm = open(dialect);
        vm.sort(List.of(new SortKey("age", true)));

        vm.filterProperty().set(Filter.parse(List.of(List.of("age", ">=", 3), "or", Arrays.asList("age", "is", null))));

        List<String> shown = scrollDown(vm);
        assertEquals(expected(List.of("age", "DESC"), List.of(List.of("age", ">=", 3), "or", Arrays.asList("age", "is", null))), shown);
        assertTrue(shown.size() > PAGE * 2, "several pages");
        assertEquals(shown.size() + " rows", vm.rowCountTextProperty().get());

        vm.filterProperty().set(Filter.none());
        assertEquals(ROWS, vm.rowsProperty().get().size());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aTableWithMoreRowsThanTheCountCapSaysMoreThanAndCountsExactlyOnRequest(String dialect) {
        db = people(dialect);
        GridViewModel vm = new GridViewModel(db, "people", new SameThreadTaskExecutor(), dialogs).withPaging(PAGE, 20);
        vm.open();

        assertEquals("more than 20 rows", vm.rowCountTextProperty().get());
        assertFalse(vm.rowCountExactProperty().get());

        vm.countExactly();
        assertEquals("50 rows", vm.rowCountTextProperty().get());
        assertEquals(ROWS, vm.rowsProperty().get().size());
        assertEquals(expected(List.of("id", "ASC"), null), scrollDown(vm));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void anEditIsSavedThroughTheCoreAtOnceWhenTheUserChoseSo(String dialect) {
        GridViewModel vm = open(dialect);
        vm.writeAtOnceProperty().set(true);
        GridRow row = vm.rowsProperty().get().get(10);
        Object id = row.value("id");

        vm.edit(row, "age", "41");
        vm.edit(row, "active", true);

        assertEquals(41L, row.value("age"));
        assertEquals("", row.errorProperty().get());
        assertTrue(row.pending().isEmpty());
        assertEquals(0, vm.pendingCountProperty().get());
        Map<String, Object> stored = db.findRow("people", ReadOptions.filter(List.of("id", "=", id)));
        assertEquals(41L, stored.get("age"));
        assertEquals(true, stored.get("active"));
    }

    private Map<String, Object> stored(Object id) {
        return db.findRow("people", ReadOptions.filter(List.of("id", "=", id)));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void editsWaitMarkedUntilSavedAndAreCounted(String dialect) {
        GridViewModel vm = open(dialect);
        GridRow row = vm.rowsProperty().get().get(10);
        Object id = row.value("id");
        Object ageBefore = stored(id).get("age");

        vm.edit(row, "age", "41");
        vm.edit(row, "active", true);
        vm.edit(vm.rowsProperty().get().get(11), "name", "eleven");

        assertEquals(3, vm.pendingCountProperty().get());
        assertTrue(row.hasPending("age"), "the changed cell is marked");
        assertEquals(ageBefore, stored(id).get("age"), "nothing is written before Save");

        vm.saveAll();

        assertEquals(0, vm.pendingCountProperty().get());
        assertEquals(41L, stored(id).get("age"));
        assertEquals(true, stored(id).get("active"));
        assertEquals("eleven", stored(vm.rowsProperty().get().get(11).value("id")).get("name"));
        assertEquals("Saved 2 rows.", vm.messageProperty().get());
        assertFalse(vm.rowsProperty().get().get(10).hasPending("age"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void revertForgetsEveryPendingEditAndWritesNothing(String dialect) {
        GridViewModel vm = open(dialect);
        GridRow row = vm.rowsProperty().get().get(3);
        Object id = row.value("id");
        String name = (String) row.value("name");
        vm.edit(row, "name", "changed");
        vm.addRow();

        vm.revertAll();

        assertEquals(0, vm.pendingCountProperty().get());
        assertEquals(name, row.value("name"));
        assertEquals(name, stored(id).get("name"));
        assertEquals(ROWS, vm.rowsProperty().get().size(), "the new row is gone too");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void pendingEditsStayThroughARefresh(String dialect) {
        GridViewModel vm = open(dialect);
        Object id = vm.rowsProperty().get().get(2).value("id");
        vm.edit(vm.rowsProperty().get().get(2), "name", "kept");

        vm.refresh();

        GridRow again = vm.rowsProperty().get().get(2);
        assertEquals(id, again.value("id"));
        assertEquals("kept", again.value("name"));
        assertTrue(again.hasPending("name"));
        assertEquals(1, vm.pendingCountProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void undoTakesBackThePendingEditsNewestFirst(String dialect) {
        GridViewModel vm = open(dialect);
        GridRow row = vm.rowsProperty().get().get(4);
        String name = (String) row.value("name");
        vm.edit(row, "name", "first");
        vm.edit(row, "name", "second");

        vm.undo();
        assertEquals("first", row.value("name"));
        assertEquals(1, vm.pendingCountProperty().get());

        vm.undo();
        assertEquals(name, row.value("name"));
        assertFalse(row.hasPending("name"));
        assertEquals(0, vm.pendingCountProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void undoOfAWrittenEditWritesTheOldValueBack(String dialect) {
        GridViewModel vm = open(dialect);
        GridRow row = vm.rowsProperty().get().get(6);
        Object id = row.value("id");
        String name = (String) row.value("name");
        vm.edit(row, "name", "saved then undone");
        vm.saveAll();
        assertEquals("saved then undone", stored(id).get("name"));

        vm.undo();

        assertEquals(name, stored(id).get("name"));
        assertEquals(name, vm.rowsProperty().get().get(6).value("name"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aRefusedEditKeepsTheInputAndShowsTheErrorCode(String dialect) {
        GridViewModel vm = open(dialect);
        vm.writeAtOnceProperty().set(true);
        GridRow row = vm.rowsProperty().get().get(11);
        Object id = row.value("id");
        Object before = row.storedProperty().get().get("age");

        vm.edit(row, "age", "forty-one");

        assertTrue(row.errorProperty().get().startsWith("INVALID_VALUE: "), row.errorProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("INVALID_VALUE: "));
        assertEquals("forty-one", row.value("age"), "the input stays for correcting");
        assertEquals(before, db.findRow("people", ReadOptions.filter(List.of("id", "=", id))).get("age"));

        vm.edit(row, "age", "42");
        assertEquals("", row.errorProperty().get());
        assertEquals(42L, db.findRow("people", ReadOptions.filter(List.of("id", "=", id))).get("age"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void discardingARefusedEditTakesItsErrorOutOfTheStatus(String dialect) {
        GridViewModel vm = open(dialect);
        vm.writeAtOnceProperty().set(true);
        GridRow row = vm.rowsProperty().get().get(3);
        vm.edit(row, "age", "forty-one");
        assertTrue(vm.messageProperty().get().startsWith("INVALID_VALUE: "), vm.messageProperty().get());

        vm.discard(row);

        assertEquals("", vm.messageProperty().get(), "the problem went with the edit");
        assertEquals("", row.errorProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void refreshShowsAFieldAddedSinceTheGridOpenedAndRowsAddedElsewhere(String dialect) {
        GridViewModel vm = open(dialect);
        assertTrue(!vm.fields().containsKey("nickname"));

        db.defineTable("people", Map.of("nickname", "string"));
        db.addRow("people", Map.of("name", "late", "nickname", "Lately"));
        vm.refresh();

        assertTrue(vm.fields().containsKey("nickname"), vm.fields().keySet().toString());
        assertEquals(ROWS + 1, vm.rowCountProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aNewRowIsSavedAndShownWhereTheOrderPutsIt(String dialect) {
        GridViewModel vm = open(dialect);
        vm.sort(List.of(new SortKey("name", false)));

        GridRow draft = vm.addRow();
        assertEquals(ROWS + 1, vm.rowsProperty().get().size());
        assertTrue(vm.rowsProperty().get().get(0).isDraft());
        vm.edit(draft, "name", "p25x");
        vm.edit(draft, "age", "7");
        vm.save(draft);

        assertEquals(ROWS + 1, db.countRows("people", ReadOptions.none()));
        ObservableList<GridRow> rows = vm.rowsProperty().get();
        assertEquals(ROWS + 1, rows.size());
        int at = vm.focusIndexProperty().get();
        assertEquals(26, at);
        assertEquals("p25x", rows.get(at).value("name"));
        assertEquals(7L, rows.get(at).value("age"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aNewRowTheDatabaseRefusesStaysWithItsInputAndError(String dialect) {
        GridViewModel vm = open(dialect);

        GridRow draft = vm.addRow();
        vm.edit(draft, "name", "late");
        vm.edit(draft, "age", "soon");
        vm.save(draft);

        assertTrue(draft.errorProperty().get().startsWith("INVALID_VALUE: "), draft.errorProperty().get());
        assertEquals("soon", draft.value("age"));
        assertTrue(vm.rowsProperty().get().get(0).isDraft());
        assertEquals(ROWS, db.countRows("people", ReadOptions.none()));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void duplicatingARowCopiesItsValuesIntoANewRow(String dialect) {
        GridViewModel vm = open(dialect);
        GridRow original = vm.rowsProperty().get().get(3);

        vm.duplicate(original);
        GridRow copy = vm.rowsProperty().get().get(0);
        assertTrue(copy.isDraft());
        assertEquals(original.value("name"), copy.value("name"));
        assertEquals(null, copy.value("id"));
        vm.save(copy);

        assertEquals(2, db.countRows("people", ReadOptions.filter(List.of("name", "=", original.value("name")))));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deletingAsksFirstAndDeletesOnlyWhenConfirmed(String dialect) {
        GridViewModel vm = open(dialect);
        List<GridRow> two = List.of(vm.rowsProperty().get().get(0), vm.rowsProperty().get().get(1));

        dialogs.answerConfirmations(false);
        vm.delete(two);
        assertEquals(1, dialogs.shown().size());
        assertTrue(dialogs.shown().get(0).startsWith("confirm|Delete rows|Delete 2 rows from people?|"), dialogs.shown().get(0));
        assertEquals(ROWS, db.countRows("people", ReadOptions.none()));

        dialogs.answerConfirmations(true);
        vm.delete(two);
        assertEquals(ROWS - 2, db.countRows("people", ReadOptions.none()));
        assertEquals(ROWS - 2, vm.rowsProperty().get().size());
        assertEquals("Deleted 2 rows.", vm.messageProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void copiedInsertStatementsRecreateTheRowsWithAwkwardText(String dialect) {
        db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", Map.of("type", "integer", "primaryKey", true));
        fields.put("label", "text");
        fields.put("amount", "number");
        fields.put("flag", "boolean");
        fields.put("at", "date");
        fields.put("doc", "json");
        db.defineTable("things", fields);
        db.defineTable("things2", fields);
        String awkward = "it's \"quoted\" \\ back; -- not a comment % _ \n new line";
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1);
        row.put("label", awkward);
        row.put("amount", 2.5);
        row.put("flag", true);
        row.put("at", "2025-01-31T10:15:30.123Z");
        row.put("doc", Map.of("say", awkward, "n", List.of(1, 2)));
        db.addRow("things", row);
        db.addRow("things", Map.of("id", 2));
        GridViewModel vm = new GridViewModel(db, "things", new SameThreadTaskExecutor(), dialogs);
        vm.open();

        String sql = vm.copy(List.of(vm.rowsProperty().get().get(0), vm.rowsProperty().get().get(1)), RowFormat.SQL_INSERT);
        String q = String.valueOf(db.dialect().identifierQuote());
        db.exec(sql.replace("INSERT INTO " + q + "things" + q, "INSERT INTO " + q + "things2" + q));

        assertEquals(db.getTableData("things"), db.getTableData("things2"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void rowsAreCopiedAsCsvAndJson(String dialect) {
        GridViewModel vm = open(dialect);
        vm.sort(List.of(new SortKey("name", false)));
        List<GridRow> two = List.of(vm.rowsProperty().get().get(0), vm.rowsProperty().get().get(1));

        String csv = vm.copy(two, RowFormat.CSV);
        String[] lines = csv.split("\n");
        assertEquals("id,name,age,active,createdAt,updatedAt", lines[0]);
        assertTrue(lines[1].startsWith(two.get(0).value("id") + ",p00,,true,"), lines[1]);
        assertTrue(lines[2].startsWith(two.get(1).value("id") + ",p01,1,false,"), lines[2]);

        List<?> json = (List<?>) Json.read(vm.copy(two, RowFormat.JSON));
        assertEquals(2, json.size());
        assertEquals("p01", ((Map<?, ?>) json.get(1)).get("name"));
        assertEquals(1, ((Number) ((Map<?, ?>) json.get(1)).get("age")).intValue());
    }
}
