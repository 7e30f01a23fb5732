package dev.tablewright.app.filter;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.RunningTask;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.app.testing.Chinook;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.filter.Filter.Junction;
import dev.tablewright.core.query.ReadOptions;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Collections;

/** The builder's ViewModel on real databases of each dialect, with a same-thread executor. */
class FilterBuilderViewModelTest {
    private static final String DIALECTS = "dev.tablewright.app.filter.FilterFixtures#dialects";

    @TempDir
    Path dataDir;

    private final DialogService fakeDialogs = new RecordingDialogService();
    private Connector db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static List<Object> l(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private FilterBuilderViewModel open(String dialect) {
        return open(dialect, new SameThreadTaskExecutor(), Runnable::run);
    }

    private FilterBuilderViewModel open(String dialect, TaskExecutor tasks, Debouncer debouncer) {
        db = FilterFixtures.shop(dialect);
        FilterBuilderViewModel vm = new FilterBuilderViewModel(db, "Shop", "products", tasks, fakeDialogs, new SavedFilters(dataDir), debouncer);
        vm.load();
        return vm;
    }

    private static ConditionNodeViewModel condition(GroupNodeViewModel group, String field, OperatorChoice op) {
        ConditionNodeViewModel c = group.addCondition();
        c.fieldProperty().set(field);
        c.operatorProperty().set(op);
        return c;
    }

    @Test
    void aCountOverTwoTablesNotYetJoinedStopsInsteadOfReadingEveryPair() throws Exception {
        db = Chinook.on("sqlite").open();
        FilterBuilderViewModel vm = new FilterBuilderViewModel(db, "chinook", "Track", new SameThreadTaskExecutor(), fakeDialogs,
                new SavedFilters(dataDir), Runnable::run);
        vm.load();

        vm.addTable("Album");

        // 3,503 tracks times 347 albums: 1.2 million pairs until the join is written.
        assertEquals("more than 100,000 matching rows", vm.countTextProperty().get());
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aFieldAddedToTheTableIsOfferedAfterRefreshAndTheFilterBeingBuiltStays(String dialect) {
        FilterBuilderViewModel vm = open(dialect);
        condition(vm.root(), "name", OperatorChoice.CONTAINS);
        assertFalse(vm.fields().namesProperty().contains("barcode"));

        db.defineTable("products", Map.of("barcode", "string"));
        vm.refreshFields();

        assertTrue(vm.fields().namesProperty().contains("barcode"), vm.fields().namesProperty().toString());
        assertEquals(1, vm.root().children().size(), "the condition being built stays");
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void operatorsOfferedFitTheFieldsType(String dialect) {
        FilterBuilderViewModel vm = open(dialect);
        ConditionNodeViewModel c = vm.root().addCondition();

        c.fieldProperty().set("name");
        assertTrue(c.operators().containsAll(List.of(OperatorChoice.CONTAINS, OperatorChoice.STARTS_WITH, OperatorChoice.IN, OperatorChoice.IS_EMPTY)));
        assertTrue(c.offersCurrentUserProperty().get(), "$USER is offered for text");

        c.fieldProperty().set("price");
        assertFalse(c.operators().contains(OperatorChoice.CONTAINS));
        assertFalse(c.offersCurrentUserProperty().get());
        c.operatorProperty().set(OperatorChoice.BETWEEN);
        assertEquals(ValueEditor.RANGE, c.editorProperty().get());
        assertEquals(ValueEditor.NUMBER, c.itemEditor());

        c.fieldProperty().set("addedAt");
        c.operatorProperty().set(OperatorChoice.BETWEEN);
        assertEquals(ValueEditor.DATE, c.itemEditor());

        c.fieldProperty().set("active");
        assertEquals(List.of(OperatorChoice.EQUALS, OperatorChoice.NOT_EQUALS, OperatorChoice.IS_EMPTY, OperatorChoice.IS_NOT_EMPTY), c.operators());
        assertEquals(ValueEditor.BOOLEAN, c.editorProperty().get());

        c.fieldProperty().set("stock");
        c.operatorProperty().set(OperatorChoice.NOT_IN);
        assertEquals(ValueEditor.CHIPS, c.editorProperty().get());
        c.addListValue("12");
        assertEquals(l(l("stock", "notin", l(0L, 12L))), vm.filter().toArray(), "the value it had became the first chip");

        c.fieldProperty().set("specs");
        assertEquals(List.of(OperatorChoice.IS_EMPTY, OperatorChoice.IS_NOT_EMPTY), c.operators());
        assertEquals(ValueEditor.NONE, c.editorProperty().get());
        assertEquals(l(l("specs", "=", null)), vm.filter().toArray());
        assertEquals(2L, vm.matchingRowsProperty().get(), "Rake and Glove have no specs");
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void theJsonColumnsSampledValuesOfferTheirPathsWithTheirTypes(String dialect) {
        FilterBuilderViewModel vm = open(dialect);

        assertTrue(vm.fieldsProperty().containsAll(List.of(
                new FieldChoice("specs.color", LogicalType.STRING, true),
                new FieldChoice("specs.dimensions.width", LogicalType.NUMBER, true),
                new FieldChoice("specs.dimensions.height", LogicalType.NUMBER, true),
                new FieldChoice("specs.fragile", LogicalType.BOOLEAN, true))), vm.fieldsProperty().toString());

        ConditionNodeViewModel c = condition(vm.root(), "specs.dimensions.width", OperatorChoice.GREATER);
        c.setValueText(-1, "20");
        assertEquals(l(l("specs.dimensions.width", ">", 20L)), vm.filter().toArray());
        assertEquals(2L, vm.matchingRowsProperty().get(), "Lamp (30) and Chair (50)");

        ConditionNodeViewModel typed = vm.root().addCondition();
        typed.fieldProperty().set("specs.weight");
        typed.setValueText(-1, "1.2");
        assertEquals(l(l("specs.dimensions.width", ">", 20L), "and", l("specs.weight", "=", 1.2)), vm.filter().toArray());
        assertEquals(0L, vm.matchingRowsProperty().get());
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aPathHoldingValuesOfSeveralTypesOffersEveryOperator(String dialect) {
        db = FilterFixtures.shop(dialect);
        db.addRow("products", Map.of("name", "Dial", "specs", Map.of("color", 7)));
        FilterBuilderViewModel vm = new FilterBuilderViewModel(db, "Shop", "products", new SameThreadTaskExecutor(), fakeDialogs,
                new SavedFilters(dataDir), Runnable::run);
        vm.load();

        assertTrue(vm.fieldsProperty().contains(new FieldChoice("specs.color", null, true)), vm.fieldsProperty().toString());
        ConditionNodeViewModel c = vm.root().addCondition();
        c.fieldProperty().set("specs.color");
        assertEquals(List.of(OperatorChoice.values()), c.operators());
        c.setValueText(-1, "7");
        assertEquals(l(l("specs.color", "=", 7L)), vm.filter().toArray());
        assertEquals(1L, vm.matchingRowsProperty().get(), "the value typed as a number compares as a number");
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void theCountOfANestedFilterIsWhatTheConnectorCounts(String dialect) {
        FilterBuilderViewModel vm = open(dialect);
        ConditionNodeViewModel active = condition(vm.root(), "active", OperatorChoice.EQUALS);
        active.setValue(-1, true);
        GroupNodeViewModel or = vm.root().addGroup();
        condition(or, "name", OperatorChoice.STARTS_WITH).setValueText(-1, "h");
        ConditionNodeViewModel cheap = condition(or, "price", OperatorChoice.BETWEEN);
        cheap.setValueText(0, "10");
        cheap.setValueText(1, "25");
        condition(or, "name", OperatorChoice.EQUALS).setValueText(-1, "$USER");

        List<Object> expected = l(l("active", "=", true), "and",
                l(l("name", "startswith", "h"), "or", l("price", "between", l(10L, 25L)), "or", l("name", "=", "$USER")));
        assertEquals(expected, vm.filter().toArray());
        long counted = db.countRows("products", ReadOptions.filter(expected));
        assertEquals(3L, counted, "Hammer, Lamp and Rake (Hose is not known to be active)");
        assertEquals(counted, vm.matchingRowsProperty().get());
        assertEquals("3 matching rows", vm.countTextProperty().get());
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void applyPublishesTheArrayAndClearReturnsToEveryRow(String dialect) {
        FilterBuilderViewModel vm = open(dialect);
        ConditionNodeViewModel c = condition(vm.root(), "stock", OperatorChoice.EQUALS);
        c.setValueText(-1, "0");
        assertNull(vm.appliedFilterProperty().get());

        vm.apply();
        assertEquals(l(l("stock", "=", 0L)), vm.appliedFilterProperty().get().toArray());
        assertEquals(List.of("Chair", "Rake"),
                FilterFixtures.names(db.getTableData("products", ReadOptions.filter(vm.appliedFilterProperty().get())), "name"));

        vm.clear();
        assertNull(vm.appliedFilterProperty().get());
        assertEquals(List.of(), vm.filter().toArray());
        assertEquals(8L, vm.matchingRowsProperty().get());
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void addingATableProposesTheJoinItsForeignKeyMakes(String dialect) {
        FilterBuilderViewModel vm = open(dialect);
        condition(vm.root(), "price", OperatorChoice.GREATER).setValueText(-1, "20");

        vm.addTable("categories");

        assertEquals(List.of("products", "categories"), vm.tablesProperty());
        assertEquals(List.of(new JoinProposal("products.categoryId", "categories.id")), vm.joinProposalsProperty());
        assertTrue(vm.fieldsProperty().stream().anyMatch(f -> f.name().equals("categories.name")));
        assertEquals(l(l("products.price", ">", 20L)), vm.filter().toArray(), "fields are table.field now");

        ConditionNodeViewModel join = vm.acceptJoin(vm.joinProposalsProperty().get(0));
        assertEquals(ValueEditor.COLUMN, join.editorProperty().get());
        assertTrue(vm.joinProposalsProperty().isEmpty(), "the accepted join is not proposed again");
        condition(vm.root(), "categories.name", OperatorChoice.EQUALS).setValueText(-1, "Home");

        List<Object> expected = l(l("products.categoryId", "=", "categories.id"), "and", l("products.price", ">", 20L), "and",
                l("categories.name", "=", "Home"));
        assertEquals(expected, vm.filter().toArray());
        List<Map<String, Object>> rows = db.getTableData(List.of("products", "categories"), ReadOptions.filter(expected));
        assertEquals(List.of("Chair", "Lamp", "Vase"), FilterFixtures.names(rows, "products.name"));
        assertEquals((long) rows.size(), vm.matchingRowsProperty().get());

        vm.removeTable("categories");
        assertEquals(l(l("price", ">", 20L)), vm.filter().toArray());
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void anInvalidJsonFilterIsMarkedWhereItIsWrongAndTheTreeStays(String dialect) {
        FilterBuilderViewModel vm = open(dialect);
        condition(vm.root(), "name", OperatorChoice.CONTAINS).setValueText(-1, "a");
        List<Object> before = vm.filter().toArray();

        vm.jsonTextProperty().set("[\n  [\"name\", \"contains\", \"a\"],\n  \"or\",\n  [\"price\", \"like\", 3]\n]");
        assertTrue(vm.jsonErrorProperty().get().startsWith("INVALID_FILTER: Invalid filter at filter[2][1]: unknown operator 'like'"),
                vm.jsonErrorProperty().get());
        assertEquals(new FilterJson.Position(4, 13, vm.jsonTextProperty().get().indexOf("\"like\"")), vm.jsonErrorPositionProperty().get());
        assertFalse(vm.validProperty().get());
        assertEquals(before, vm.filter().toArray());

        vm.jsonTextProperty().set("[[\"name\", \"contains\" \"a\"]]");
        assertTrue(vm.jsonErrorProperty().get().startsWith("Not a JSON array"), vm.jsonErrorProperty().get());
        assertEquals(1, vm.jsonErrorPositionProperty().get().line());

        vm.jsonTextProperty().set("[[\"stock\", \">\", \"many\"]]");
        assertTrue(vm.jsonErrorProperty().get().startsWith("INVALID_FILTER: Invalid filter at filter[0]"), vm.jsonErrorProperty().get());
        assertFalse(vm.validProperty().get());

        vm.jsonTextProperty().set("[[\"stock\", \">\", 5], \"or\", [\"name\", \"endswith\", \"e\"]]");
        assertEquals("", vm.jsonErrorProperty().get());
        assertTrue(vm.validProperty().get());
        assertEquals(Junction.OR, vm.root().junction());
        assertEquals(l(l("stock", ">", 5), "or", l("name", "endswith", "e")), vm.filter().toArray());
        assertEquals(db.countRows("products", ReadOptions.filter(vm.filter())), vm.matchingRowsProperty().get());
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void theSqlPaneShowsTheFilterOnEachDialect(String dialect) {
        FilterBuilderViewModel vm = open(dialect);
        condition(vm.root(), "name", OperatorChoice.CONTAINS).setValueText(-1, "50%");

        assertEquals(dialect, vm.sqlDialectProperty().get());
        assertEquals(3, vm.sqlDialectsProperty().size());
        vm.sqlDialectProperty().set("mariadb");
        assertTrue(vm.sqlProperty().get().startsWith("SELECT * FROM `products`\nWHERE ((LOWER(`name`) LIKE LOWER(?) ESCAPE '!')"), vm.sqlProperty().get());
        assertTrue(vm.sqlProperty().get().endsWith("-- values, bound in order: [\"%50!%%\"]"), vm.sqlProperty().get());
        vm.sqlDialectProperty().set("postgres");
        assertTrue(vm.sqlProperty().get().startsWith("SELECT * FROM \"products\"\nWHERE ((LOWER(\"name\")"), vm.sqlProperty().get());
    }

    /** Holds work back, so a test can finish it out of order, as slow counts on a busy pool would. */
    private static final class HeldTaskExecutor implements TaskExecutor {
        private final SameThreadTaskExecutor now = new SameThreadTaskExecutor();
        private final List<Runnable> held = new ArrayList<>();
        private boolean holding;

        @Override
        public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            if (holding) {
                held.add(() -> now.execute(work, onSuccess, onFailure));
            } else {
                now.execute(work, onSuccess, onFailure);
            }
        }

        @Override
        public <T> RunningTask run(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            return now.run(title, work, onSuccess, onFailure);
        }

        @Override
        public ObservableList<RunningTask> runningTasks() {
            return now.runningTasks();
        }

        @Override
        public void close() {
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aCountThatEndsAfterALaterEditIsDropped(String dialect) {
        HeldTaskExecutor tasks = new HeldTaskExecutor();
        FilterBuilderViewModel vm = open(dialect, tasks, Runnable::run);
        tasks.holding = true;
        ConditionNodeViewModel c = condition(vm.root(), "stock", OperatorChoice.GREATER);
        c.setValueText(-1, "5");
        c.setValueText(-1, "10");
        assertEquals("Counting…", vm.countTextProperty().get());

        List<Runnable> finished = new ArrayList<>(tasks.held);
        Collections.reverse(finished);
        finished.forEach(Runnable::run);

        assertEquals(2L, vm.matchingRowsProperty().get(), "the count of stock > 10 (Hammer, Glove), not of an earlier edit");
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void countsWaitForAPauseInEditing(String dialect) {
        List<Runnable> scheduled = new ArrayList<>();
        FilterBuilderViewModel vm = open(dialect, new SameThreadTaskExecutor(), scheduled::add);
        scheduled.clear();
        ConditionNodeViewModel c = condition(vm.root(), "name", OperatorChoice.STARTS_WITH);
        c.setValueText(-1, "s");
        c.setValueText(-1, "sa");
        assertNull(vm.matchingRowsProperty().get());

        scheduled.forEach(Runnable::run);

        assertEquals(1L, vm.matchingRowsProperty().get(), "Saw, counted once for the last edit");
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void savedFiltersAreKeptPerTableAndComeBack(String dialect) throws IOException {
        FilterBuilderViewModel vm = open(dialect);
        condition(vm.root(), "price", OperatorChoice.LESS).setValueText(-1, "20");
        vm.library().saveNameProperty().set("cheap");
        vm.library().saveFilter();
        assertEquals(List.of("cheap"), vm.library().savedNamesProperty());
        Path file = dataDir.resolve("filters").resolve("Shop").resolve("products.json");
        assertTrue(Files.readString(file).contains("\"cheap\""), Files.readString(file));

        FilterBuilderViewModel again = new FilterBuilderViewModel(db, "Shop", "products", new SameThreadTaskExecutor(), fakeDialogs,
                new SavedFilters(dataDir), Runnable::run);
        again.load();
        assertEquals(List.of("cheap"), again.library().savedNamesProperty());
        again.library().loadSaved("cheap");
        assertEquals(Json.write(l(l("price", "<", 20))), Json.write(again.filter().toArray()));
        assertEquals(2L, again.matchingRowsProperty().get(), "Hammer and Rake");

        again.library().deleteSaved("cheap");
        assertEquals(List.of(), again.library().savedNamesProperty());
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aFilterExportedAsJsonOrAsACallFileStepImportsUnchanged(String dialect) throws IOException {
        FilterBuilderViewModel vm = open(dialect);
        vm.jsonTextProperty().set("[[\"stock\", \">\", 5], \"or\", [\"name\", \"endswith\", \"e\"], \"and\", [\"active\", \"=\", true]]");
        Object filter = Json.normalize(vm.filter().toArray());

        Path json = dataDir.resolve("f.json");
        vm.library().exportJson(json);
        Path yaml = dataDir.resolve("f.yaml");
        vm.library().exportCallFileStep(yaml);
        assertTrue(Files.readString(yaml).startsWith("- getTableData:\n    name: products\n    options:\n      filter:"), Files.readString(yaml));

        vm.clear();
        vm.library().importFile(json);
        assertEquals(filter, vm.filter().toArray());
        vm.clear();
        vm.library().importFile(yaml);
        assertEquals(filter, vm.filter().toArray());
        assertEquals("Imported the filter from " + yaml + ".", vm.messageProperty().get());
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aStepOfAnExampleCallFileImports(String dialect) throws IOException {
        FilterBuilderViewModel vm = open(dialect);
        Path step = dataDir.resolve("step.yaml");
        Files.writeString(step, "- getTableData:\n    name: products\n    options:\n      filter: [[specs.dimensions.width, '>', 20], and, [name, contains, A]]\n");

        vm.library().importFile(step);

        assertEquals(l(l("specs.dimensions.width", ">", 20L), "and", l("name", "contains", "A")), vm.filter().toArray());
        assertEquals(2L, vm.matchingRowsProperty().get(), "Lamp and Chair");
    }
}
