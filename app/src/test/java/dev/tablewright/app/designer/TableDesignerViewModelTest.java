package dev.tablewright.app.designer;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.tablewright.core.base.Json;
import java.util.LinkedHashMap;

/** The designer's ViewModel on real databases, with a same-thread executor and no stage. */
class TableDesignerViewModelTest {
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private Connector db;

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    private Connector open(String dialect) {
        db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        return db;
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private TableDesignerViewModel people(String dialect) {
        open(dialect);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "string");
        fields.put("age", "integer");
        db.defineTable("people", fields);
        db.addRow("people", Map.of("name", "Ada", "age", 36));
        db.addRow("people", Map.of("name", "Bob"));
        TableDesignerViewModel vm = new TableDesignerViewModel(db, "people", tasks, dialogs);
        vm.load();
        return vm;
    }

    private static DesignField field(TableDesignerViewModel vm, String name) {
        return vm.fields().stream().filter(f -> name.equals(f.nameProperty().get())).findFirst().orElseThrow();
    }

    @Test
    void aNewTableNeedsANameAndAFieldBeforeItCanBeApplied() {
        TableDesignerViewModel vm = new TableDesignerViewModel(open("sqlite"), null, tasks, dialogs);
        vm.load();
        assertFalse(vm.applicableBinding().get());
        assertEquals("Give the table a name.", vm.tableProblemProperty().get());

        vm.tableNameProperty().set("orders");
        assertEquals("Add at least one field.", vm.tableProblemProperty().get());
        assertTrue(vm.automaticFieldsBinding().get(), "without a primary key, id/createdAt/updatedAt are automatic");

        vm.addField().nameProperty().set("total");
        assertTrue(vm.applicableBinding().get());
        assertTrue(vm.previewProperty().get().contains("CREATE TABLE \"orders\" (\"id\" TEXT NOT NULL PRIMARY KEY, \"total\" TEXT"),
                vm.previewProperty().get());
    }

    @Test
    void badAndDuplicateNamesAreShownOnTheirFields() {
        TableDesignerViewModel vm = new TableDesignerViewModel(open("sqlite"), null, tasks, dialogs);
        vm.tableNameProperty().set("orders");
        DesignField a = vm.addField();
        DesignField b = vm.addField();
        a.nameProperty().set("total");
        b.nameProperty().set("Total");
        assertTrue(a.problemProperty().get().startsWith("Another field is named 'total'"), a.problemProperty().get());
        assertTrue(b.problemProperty().get().startsWith("Another field is named 'Total'"), b.problemProperty().get());
        assertFalse(vm.applicableBinding().get());

        b.nameProperty().set("2nd");
        assertEquals("", a.problemProperty().get());
        assertTrue(b.problemProperty().get().contains("not a valid field name"), b.problemProperty().get());

        b.nameProperty().set("order_date");
        assertEquals("", b.problemProperty().get());
        assertTrue(b.hintProperty().get().contains("camelCase"), "a hint, not a problem");
        assertTrue(vm.applicableBinding().get());
    }

    @Test
    void autoIncrementIsOfferedOnlyOnAnIntegerPrimaryKey() {
        TableDesignerViewModel vm = new TableDesignerViewModel(open("sqlite"), null, tasks, dialogs);
        vm.tableNameProperty().set("counters");
        DesignField id = vm.addField();
        id.nameProperty().set("id");
        assertFalse(id.autoIncrementApplies().get());
        id.autoIncrementProperty().set(true);
        assertEquals("Auto-increment applies to a single integer primary key only.", id.problemProperty().get());

        id.typeProperty().set("integer");
        id.primaryKeyProperty().set(true);
        assertTrue(id.autoIncrementApplies().get());
        id.autoIncrementProperty().set(true);
        assertEquals("", id.problemProperty().get());
        assertFalse(vm.automaticFieldsBinding().get());
        assertTrue(vm.previewProperty().get().contains("\"id\" INTEGER PRIMARY KEY AUTOINCREMENT"), vm.previewProperty().get());

        id.typeProperty().set("string");
        assertFalse(id.autoIncrementProperty().get(), "switched off where it no longer applies");
    }

    @Test
    void aDefaultMustFitTheFieldsType() {
        TableDesignerViewModel vm = new TableDesignerViewModel(open("sqlite"), null, tasks, dialogs);
        vm.tableNameProperty().set("events");
        DesignField count = vm.addField();
        count.typeProperty().set("integer");
        count.defaultValueProperty().set("many");
        assertTrue(count.problemProperty().get().startsWith("The default does not fit the type"), count.problemProperty().get());
        count.defaultValueProperty().set("3");
        assertEquals("", count.problemProperty().get());

        DesignField at = vm.addField();
        at.typeProperty().set("date");
        at.defaultValueProperty().set("NOW");
        assertEquals("", at.problemProperty().get());
        at.defaultValueProperty().set("yesterday-ish");
        assertFalse(at.problemProperty().get().isEmpty());
    }

    @Test
    void aRequiredNewFieldWithoutDefaultOnATableWithRowsIsAProblem() {
        TableDesignerViewModel vm = people("sqlite");
        DesignField email = vm.addField();
        email.nameProperty().set("email");
        email.allowNullProperty().set(false);
        assertEquals("The table has 2 rows, which would have no value: give a default value, or allow empty values.", email.problemProperty().get());
        email.defaultValueProperty().set("unknown");
        assertEquals("", email.problemProperty().get());
        assertTrue(vm.applicableBinding().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void thePreviewShowsWhatApplyRunsHereAndWhatTheOtherDialectsWould(String dialect) {
        TableDesignerViewModel vm = people(dialect);
        assertEquals("-- No changes.\n", vm.previewProperty().get());
        assertFalse(vm.applicableBinding().get());

        field(vm, "age").nameProperty().set("years");
        String here = vm.previewProperty().get();
        String q = db.dialect().quoteIdentifier("people");
        assertTrue(here.contains("ALTER TABLE " + q + " RENAME COLUMN " + db.dialect().quoteIdentifier("age") + " TO "
                + db.dialect().quoteIdentifier("years") + ";"), here);
        assertEquals("Rename field 'age' to 'years'.", vm.summaryProperty().get());

        for (String other : vm.dialects()) {
            vm.previewDialectProperty().set(other);
            String shown = vm.previewProperty().get();
            assertTrue(shown.contains(other.equals("mariadb") ? "ALTER TABLE `people` RENAME COLUMN `age` TO `years`;"
                    : "ALTER TABLE \"people\" RENAME COLUMN \"age\" TO \"years\";"), other + ": " + shown);
        }
        vm.previewDialectProperty().set(vm.connectionDialect());
        vm.apply();
        assertTrue(db.getTableSchema("people").fields().containsKey("years"));
        assertEquals("Applied: Rename field 'age' to 'years'.", vm.statusProperty().get());
        assertEquals("-- No changes.\n", vm.previewProperty().get(), "reopened on the new design");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aChangeThatLosesDataRunsOnlyOnceTheUserConfirmsItsCount(String dialect) {
        TableDesignerViewModel vm = people(dialect);
        vm.removeField(field(vm, "age"));
        assertTrue(vm.tableProblemProperty().get().contains("Dropping 'age' deletes its 1 values."), vm.tableProblemProperty().get());
        assertTrue(vm.applicableBinding().get(), "data loss needs a confirmation, not a fix");

        dialogs.answerConfirmations(false);
        vm.apply();
        assertTrue(db.getTableSchema("people").fields().containsKey("age"));
        assertTrue(dialogs.shown().get(dialogs.shown().size() - 1).contains("Dropping 'age' deletes its 1 values."));

        dialogs.answerConfirmations(true);
        vm.apply();
        assertFalse(db.getTableSchema("people").fields().containsKey("age"));
        assertEquals(2L, db.countRows("people", null));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void uniqueOverDuplicateValuesIsShownOnTheFieldAndKeepsApplyDisabled(String dialect) {
        TableDesignerViewModel vm = people(dialect);
        db.addRow("people", Map.of("name", "Ada"));
        vm.load();
        field(vm, "name").uniqueProperty().set(true);
        assertEquals("2 rows share their value of 'name' with another row, so it cannot be unique. Make the values distinct first.",
                field(vm, "name").problemProperty().get());
        assertFalse(vm.applicableBinding().get());
    }

    @Test
    void aChangeTheWorkbenchDoesNotMakeIsShownOnItsField() {
        TableDesignerViewModel vm = people("sqlite");
        field(vm, "name").typeProperty().set("date");
        assertEquals("A string field cannot become date ('name'). Add a new field of that type, fill it, then drop the old one.",
                field(vm, "name").problemProperty().get());
        assertFalse(vm.applicableBinding().get());

        field(vm, "name").typeProperty().set("string");
        field(vm, "createdAt").nameProperty().set("created");
        assertEquals("'created' is an automatic field of the workbench; it stays as it is.", field(vm, "created").problemProperty().get());
    }

    @Test
    void clearingTheTableNeedsItsNameTyped() {
        TableDesignerViewModel vm = people("sqlite");
        dialogs.answerTyping("peop");
        vm.clearTable();
        assertEquals(2L, db.countRows("people", null));

        dialogs.answerTyping("people");
        vm.clearTable();
        assertEquals(0L, db.countRows("people", null));
        assertEquals(0L, vm.rowsProperty().get());
        assertEquals("Cleared people: 2 rows deleted.", vm.statusProperty().get());
    }

    @Test
    void deletingTheTableNeedsItsNameTypedAndClosesTheDesigner() {
        TableDesignerViewModel vm = people("sqlite");
        dialogs.answerTyping("people");
        vm.deleteTable();
        assertTrue(vm.deletedProperty().get());
        assertEquals(List.of(), db.getAllTables());
    }

    @Test
    void aDesignExportedAsACallFileMakesTheSameTableAgain(@TempDir Path dir) throws Exception {
        TableDesignerViewModel vm = new TableDesignerViewModel(open("sqlite"), null, tasks, dialogs);
        vm.tableNameProperty().set("items");
        DesignField sku = vm.addField();
        sku.nameProperty().set("sku");
        sku.typeProperty().set("uniquestring");
        DesignField qty = vm.addField();
        qty.nameProperty().set("qty");
        qty.typeProperty().set("integer");
        qty.allowNullProperty().set(false);
        qty.defaultValueProperty().set("1");
        vm.trackHistoryProperty().set(true);
        Path file = dir.resolve("items.yaml");
        dialogs.answerFiles(file);
        vm.exportCallFile();
        String text = Files.readString(file);
        assertTrue(text.startsWith("- defineTable:"), text);

        TableDesignerViewModel again = new TableDesignerViewModel(db, null, tasks, dialogs);
        again.importCallFile();
        assertEquals("items", again.tableNameProperty().get());
        assertEquals(vm.design().specs(), again.design().specs());
        assertTrue(again.trackHistoryProperty().get());
        again.apply();
        FieldSpec stored = db.getTableSchema("items").fields().get("qty");
        assertEquals(new FieldSpec(LogicalType.INTEGER, false, false, false, 1L, false, false, null, null),
                new FieldSpec(stored.type(), stored.primaryKey(), stored.unique(), stored.allowNull(),
                        Json.normalize(stored.defaultValue()), false, false, null, null));
        assertTrue(db.getTableSchema("items").options().trackHistory());
    }

    @Test
    void aTableOfAnotherToolOpensAsItIsWithItsForeignKeysShown(@TempDir Path dir) throws Exception {
        Path chinook = Path.of("..", "..", "shared", "datasets", "chinook", "Chinook_Sqlite.sqlite");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(chinook), "the Chinook dataset is at " + chinook.toAbsolutePath());
        Path copy = Files.copy(chinook, dir.resolve("chinook.sqlite"));
        db = new Connector();
        db.create(Map.of("dialect", "sqlite", "database", copy.toString()));
        TableDesignerViewModel vm = new TableDesignerViewModel(db, "Album", tasks, dialogs);
        vm.load();

        assertEquals(List.of("AlbumId", "Title", "ArtistId"), vm.fields().stream().map(f -> f.nameProperty().get()).toList());
        assertEquals("Artist.ArtistId", field(vm, "ArtistId").referenceText());
        assertEquals("-- No changes.\n", vm.previewProperty().get());
        assertFalse(vm.automaticFieldsBinding().get());

        vm.removeField(field(vm, "Title"));
        assertTrue(vm.tableProblemProperty().get().contains("rebuilds only tables it created"), vm.tableProblemProperty().get());
        assertFalse(vm.applicableBinding().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void movingAFieldReordersTheTableWhereTheDialectCan(String dialect) {
        TableDesignerViewModel vm = people(dialect);
        vm.moveField(field(vm, "age"), 1);
        assertEquals(List.of("id", "age", "name", "createdAt", "updatedAt"), vm.fields().stream().map(f -> f.nameProperty().get()).toList());
        if (!dialect.equals("sqlite")) {
            assertTrue(vm.tableProblemProperty().get().contains("cannot reorder the columns of an existing table"), vm.tableProblemProperty().get());
            assertFalse(vm.applicableBinding().get());
            return;
        }
        assertEquals("Put the fields in the new order.", vm.summaryProperty().get(), "problem: " + vm.tableProblemProperty().get() + " status: " + vm.statusProperty().get());
        vm.apply();
        assertEquals(List.of("id", "age", "name", "createdAt", "updatedAt"), List.copyOf(db.getTableSchema("people").fields().keySet()));
        assertEquals(2L, db.countRows("people", null));
    }
}
