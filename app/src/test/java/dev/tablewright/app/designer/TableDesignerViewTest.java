package dev.tablewright.app.designer;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.app.testing.Screenshots;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.FieldSpecs;
import dev.tablewright.core.testing.TestDatabases;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;

/**
 * The designer on screen, on every dialect: a person builds a table with every type, applies it and reopens it to the same
 * design; renaming, dropping and retyping a field keep the data; on SQLite, rebuilding a parent table keeps its children's rows.
 */
@ExtendWith(ApplicationExtension.class)
class TableDesignerViewTest {
    private Stage stage;
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService().answerConfirmations(true);
    private Connector db;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 1260, 780));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        if (db != null) {
            db.close();
        }
    }

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    private TableDesignerViewModel show(FxRobot robot, String table) {
        TableDesignerViewModel vm = new TableDesignerViewModel(db, table, tasks, dialogs);
        TableDesignerView view = new TableDesignerView(vm);
        robot.interact(() -> {
            stage.getScene().setRoot(view.root());
            vm.load();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The name box of the field, scrolled into view first (the grid only renders the rows it shows). */
    @SuppressWarnings("unchecked")
    private static TextField nameField(FxRobot robot, String text) {
        TableView<DesignField> grid = robot.lookup("#fields").queryAs(TableView.class);
        grid.getItems().stream().filter(f -> text.equals(f.nameProperty().get())).findFirst()
                .ifPresent(f -> robot.interact(() -> grid.scrollTo(f)));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#fields .field-name").queryAllAs(TextField.class).stream().filter(t -> text.equals(t.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no field named " + text + " on screen"));
    }

    private static <T extends Node> T inRow(FxRobot robot, TextField name, String style, Class<T> type) {
        Node n = name;
        while (n != null && !(n instanceof TableRow<?>)) {
            n = n.getParent();
        }
        return type.cast(robot.from(n).lookup("." + style).query());
    }

    private static void rename(FxRobot robot, TextField field, String name) {
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(name, 0);
    }

    private static void chooseType(FxRobot robot, ComboBox<?> combo, String type) {
        robot.clickOn(combo);
        ListCell<?> item = robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> type.equals(c.getText())).findFirst().orElseThrow();
        robot.clickOn(item);
    }

    /** What a person reads in a field's row: its name, type, the three flags and the default. */
    private record Shown(String type, boolean key, boolean unique, boolean allowNull, String defaultValue) {
    }

    private static Shown shown(FxRobot robot, String field) {
        TextField name = nameField(robot, field);
        return new Shown(String.valueOf(inRow(robot, name, "field-type", ComboBox.class).getValue()),
                inRow(robot, name, "field-primary-key", CheckBox.class).isSelected(),
                inRow(robot, name, "field-unique", CheckBox.class).isSelected(),
                inRow(robot, name, "field-allow-null", CheckBox.class).isSelected(),
                inRow(robot, name, "field-default", TextField.class).getText());
    }

    private static List<String> names(TableDesignerViewModel vm) {
        return vm.fields().stream().map(f -> f.nameProperty().get()).toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aTableBuiltWithEveryTypeIsAppliedAndReopensAsTheSameDesign(String dialect, FxRobot robot) throws TimeoutException {
        db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        TableDesignerViewModel vm = show(robot, null);
        robot.clickOn("#tableName").write("everything", 0);
        // Typing is slow under TestFX: the fields keep their generated names but two, renamed to camelCase (kept as typed on every dialect).
        Map<String, String> field = new LinkedHashMap<>();
        for (String type : DesignField.TYPES) {
            robot.clickOn("#addField");
            WaitForAsyncUtils.waitForFxEvents();
            String generated = vm.fields().get(vm.fields().size() - 1).nameProperty().get();
            chooseType(robot, inRow(robot, nameField(robot, generated), "field-type", ComboBox.class), type);
            field.put(type, generated);
        }
        rename(robot, nameField(robot, field.get("date")), "placedAt");
        field.put("date", "placedAt");
        rename(robot, nameField(robot, field.get("uniquestring")), "emailAddress");
        field.put("uniquestring", "emailAddress");
        robot.clickOn(inRow(robot, nameField(robot, field.get("date")), "field-default", TextField.class)).write("NOW", 0);
        robot.clickOn(inRow(robot, nameField(robot, field.get("integer")), "field-allow-null", CheckBox.class));
        robot.clickOn(inRow(robot, nameField(robot, field.get("integer")), "field-default", TextField.class)).write("7", 0);
        robot.clickOn(inRow(robot, nameField(robot, field.get("string")), "field-unique", CheckBox.class));
        robot.clickOn(inRow(robot, nameField(robot, field.get("number")), "field-default", TextField.class)).write("2.5", 0);
        robot.clickOn(inRow(robot, nameField(robot, field.get("boolean")), "field-default", TextField.class)).write("true", 0);
        robot.clickOn(inRow(robot, nameField(robot, field.get("text")), "field-allow-null", CheckBox.class));
        robot.clickOn(inRow(robot, nameField(robot, field.get("text")), "field-default", TextField.class)).write("none", 0);
        robot.clickOn("#trackHistory");
        waitUntil(() -> !robot.lookup("#apply").queryAs(Button.class).isDisabled());
        assertTrue(vm.previewProperty().get().contains("CREATE TABLE"), vm.previewProperty().get());

        robot.clickOn("#apply");
        waitUntil(() -> vm.statusProperty().get().startsWith("Applied"));
        Map<String, FieldSpec> expected = FieldSpecs.withAutoFields(vm.design().specs());

        TableDesignerViewModel reopened = show(robot, "everything");
        waitUntil(() -> reopened.fields().size() == expected.size() && reopened.previewProperty().get().equals("-- No changes.\n"));
        assertEquals(List.copyOf(expected.keySet()), names(reopened));
        assertEquals(expected, reopened.design().specs());
        assertTrue(reopened.trackHistoryProperty().get());

        // What the person set, read back from the reopened grid; uniquestring / uniqueinteger come back as unique string / integer.
        Map<String, Shown> built = new LinkedHashMap<>();
        built.put("id", new Shown("string", true, false, false, ""));
        built.put(field.get("string"), new Shown("string", false, true, true, ""));
        built.put(field.get("text"), new Shown("text", false, false, false, "none"));
        built.put(field.get("integer"), new Shown("integer", false, false, false, "7"));
        built.put(field.get("number"), new Shown("number", false, false, true, "2.5"));
        built.put(field.get("boolean"), new Shown("boolean", false, false, true, "true"));
        built.put("placedAt", new Shown("date", false, false, true, "NOW"));
        built.put(field.get("json"), new Shown("json", false, false, true, ""));
        built.put(field.get("jsonb"), new Shown("jsonb", false, false, true, ""));
        built.put(field.get("file"), new Shown("file", false, false, true, ""));
        built.put("emailAddress", new Shown("string", false, true, true, ""));
        built.put(field.get("uniqueinteger"), new Shown("integer", false, true, true, ""));
        built.put("createdAt", new Shown("date", false, false, true, ""));
        built.put("updatedAt", new Shown("date", false, false, true, ""));
        assertEquals(List.copyOf(built.keySet()), names(reopened));
        for (Map.Entry<String, Shown> e : built.entrySet()) {
            assertEquals(e.getValue(), shown(robot, e.getKey()), e.getKey() + " on " + dialect);
        }
    }

    /** people(name, age, note) with three rows, one of them with empty values. */
    private void people(String dialect) {
        db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "string");
        fields.put("age", "integer");
        fields.put("note", "text");
        db.defineTable("people", fields);
        db.addRow("people", Map.of("name", "Ada", "age", 36, "note", "likes tea"));
        db.addRow("people", Map.of("name", "Bob", "age", 41));
        db.addRow("people", Map.of("name", "Cy", "note", "12"));
    }

    /** The field's values, by name (Ada, Bob, Cy). */
    private List<Object> column(String field) {
        return db.getTableData("people", ReadOptions.builder().order(List.of(List.of("name", "ASC"))).autoJoin(false).build())
                .stream().map(r -> r.get(field)).toList();
    }

    private TableDesignerViewModel openPeople(FxRobot robot) throws TimeoutException {
        TableDesignerViewModel vm = show(robot, "people");
        waitUntil(() -> vm.fields().size() == 6 && vm.previewProperty().get().equals("-- No changes.\n"));
        return vm;
    }

    private static void applyAndWait(FxRobot robot, TableDesignerViewModel vm) throws TimeoutException {
        waitUntil(() -> !robot.lookup("#apply").queryAs(Button.class).isDisabled());
        robot.clickOn("#apply");
        waitUntil(() -> !vm.statusProperty().get().isEmpty() && !vm.busyProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Applied"), vm.statusProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void renamingAFieldInTheGridPreviewsTheStatementAndKeepsTheData(String dialect, FxRobot robot) throws TimeoutException {
        people(dialect);
        TableDesignerViewModel vm = openPeople(robot);

        rename(robot, nameField(robot, "age"), "years");
        waitUntil(() -> vm.summaryProperty().get().equals("Rename field 'age' to 'years'."));
        String q = db.dialect().quoteIdentifier("years");
        assertTrue(vm.previewProperty().get().contains("RENAME COLUMN " + db.dialect().quoteIdentifier("age") + " TO " + q), vm.previewProperty().get());

        applyAndWait(robot, vm);
        assertEquals(Arrays.asList(36L, 41L, null), column("years"));
        assertEquals(Arrays.asList("likes tea", null, "12"), column("note"));
        assertFalse(db.getTableSchema("people").fields().containsKey("age"));

        TableDesignerViewModel reopened = openPeople(robot);
        assertEquals(List.of("id", "name", "years", "note", "createdAt", "updatedAt"), names(reopened));
        assertEquals(new Shown("integer", false, false, true, ""), shown(robot, "years"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void droppingAFieldInTheGridAsksFirstThenKeepsTheOtherFieldsData(String dialect, FxRobot robot) throws TimeoutException {
        people(dialect);
        TableDesignerViewModel vm = openPeople(robot);

        robot.clickOn(inRow(robot, nameField(robot, "note"), "field-note", Label.class));
        robot.clickOn("#removeField");
        waitUntil(() -> vm.summaryProperty().get().contains("'note'"));
        assertEquals(List.of("id", "name", "age", "createdAt", "updatedAt"), names(vm));

        applyAndWait(robot, vm);
        assertTrue(dialogs.shown().stream().anyMatch(d -> d.startsWith("confirm|") && d.contains("Dropping 'note' deletes its 2 values.")),
                dialogs.shown().toString());
        assertFalse(db.getTableSchema("people").fields().containsKey("note"));
        assertFalse(db.getTableData("people").get(0).containsKey("note"));
        assertEquals(List.of("Ada", "Bob", "Cy"), column("name"));
        assertEquals(Arrays.asList(36L, 41L, null), column("age"));

        TableDesignerViewModel reopened = show(robot, "people");
        waitUntil(() -> reopened.fields().size() == 5);
        assertEquals(List.of("id", "name", "age", "createdAt", "updatedAt"), names(reopened));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void changingAFieldsTypeInTheGridKeepsItsValues(String dialect, FxRobot robot) throws TimeoutException {
        people(dialect);
        TableDesignerViewModel vm = openPeople(robot);

        chooseType(robot, inRow(robot, nameField(robot, "age"), "field-type", ComboBox.class), "string");
        waitUntil(() -> vm.summaryProperty().get().contains("'age'"));

        applyAndWait(robot, vm);
        assertEquals(LogicalType.STRING, db.getTableSchema("people").fields().get("age").type());
        assertEquals(Arrays.asList("36", "41", null), column("age"));
        assertEquals(Arrays.asList("likes tea", null, "12"), column("note"));
        db.addRow("people", Map.of("name", "Dee", "age", "about forty"));

        TableDesignerViewModel reopened = openPeople(robot);
        assertEquals(List.of("id", "name", "age", "note", "createdAt", "updatedAt"), names(reopened));
        assertEquals(new Shown("string", false, false, true, ""), shown(robot, "age"));
    }

    /** DB Browser for SQLite once emptied child tables this way: its rebuild dropped the parent with foreign keys on. */
    @Test
    void rebuildingAParentTableOnSqliteLeavesItsChildRowsInPlace(FxRobot robot) throws TimeoutException {
        db = new Connector();
        db.create(TestDatabases.fresh("sqlite").options());
        db.defineTable("customers", Map.of("name", "string", "visits", "integer"));
        db.defineTable("orders", Map.of("total", "number"));
        db.defineTable("tags", Map.of("label", "string"));
        String customerId = db.optionallyHasOne("orders", "customers", null);
        String junction = db.optionallyHasMany("tags", "customers");
        Object ada = db.addRow("customers", Map.of("name", "Ada", "visits", 3)).get("id");
        Object bob = db.addRow("customers", Map.of("name", "Bob", "visits", 1)).get("id");
        db.addRow("orders", Map.of("total", 12.5, customerId, ada));
        db.addRow("orders", Map.of("total", 40.0, customerId, bob));
        Object vip = db.addRow("tags", Map.of("label", "vip")).get("id");
        db.associateRow("tags", vip, "customers", List.of(ada, bob));

        TableDesignerViewModel vm = show(robot, "customers");
        waitUntil(() -> vm.fields().size() == 5 && vm.previewProperty().get().equals("-- No changes.\n"));
        chooseType(robot, inRow(robot, nameField(robot, "visits"), "field-type", ComboBox.class), "number");
        waitUntil(() -> vm.previewProperty().get().contains("DROP TABLE"));
        assertTrue(vm.previewProperty().get().contains("PRAGMA foreign_keys = OFF"), "a rebuild: " + vm.previewProperty().get());

        applyAndWait(robot, vm);
        assertEquals(LogicalType.NUMBER, db.getTableSchema("customers").fields().get("visits").type());
        assertEquals(List.of(ada, bob), db.getTableData("orders", ReadOptions.builder().order(List.of(List.of("total", "ASC"))).autoJoin(false).build()).stream().map(r -> r.get(customerId)).toList());
        assertEquals(2L, links(junction));

        db.deleteRow("customers", ada);
        assertEquals(1L, links(junction), "the junction's ON DELETE CASCADE still works after the rebuild");
        assertEquals(Arrays.asList(null, bob), db.getTableData("orders", ReadOptions.builder().order(List.of(List.of("total", "ASC"))).autoJoin(false).build()).stream().map(r -> r.get(customerId)).toList(), "and ON DELETE SET NULL too");
    }

    private long links(String junction) {
        Object n = db.query("SELECT COUNT(*) AS n FROM " + db.dialect().quoteIdentifier(junction)).results().get(0).get("n");
        return ((Number) n).longValue();
    }

    @Test
    void aFieldsProblemIsShownBesideItAndApplyStaysDisabled(FxRobot robot) throws TimeoutException {
        db = new Connector();
        db.create(TestDatabases.fresh("sqlite").options());
        TableDesignerViewModel vm = show(robot, null);
        robot.clickOn("#tableName").write("orders");
        robot.clickOn("#addField");
        WaitForAsyncUtils.waitForFxEvents();
        rename(robot, nameField(robot, vm.fields().get(0).nameProperty().get()), "2total");
        WaitForAsyncUtils.waitForFxEvents();
        Label note = inRow(robot, nameField(robot, "2total"), "field-note", Label.class);
        assertTrue(note.getText().contains("not a valid field name"), note.getText());
        assertTrue(robot.lookup("#apply").queryAs(Button.class).isDisabled());
    }

    /** What a label shows on screen: its text, or the text cut short with "…". */
    private static String shown(FxRobot robot, Labeled labeled) {
        return robot.from(labeled).lookup(".text").queryAs(Text.class).getText();
    }

    @Test
    void at1000By650TheToolbarKeepsItsLabelsAndAFieldsWarningIsReadWhole(FxRobot robot) throws TimeoutException {
        db = new Connector();
        db.create(TestDatabases.fresh("sqlite").options());
        // 1000 px wide, less the navigator beside the workspace.
        robot.interact(() -> stage.setScene(new Scene(new StackPane(), 780, 560)));
        TableDesignerViewModel vm = show(robot, null);
        robot.clickOn("#tableName").write("orders");
        robot.clickOn("#addField");
        WaitForAsyncUtils.waitForFxEvents();
        rename(robot, nameField(robot, vm.fields().get(0).nameProperty().get()), "2total");
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : List.of("#trackHistory", "#dangerMenu", "#apply")) {
            Labeled control = robot.lookup(id).queryAs(Labeled.class);
            assertEquals(control.getText(), shown(robot, control), id + " keeps its label");
        }
        Label note = inRow(robot, nameField(robot, "2total"), "field-note", Label.class);
        assertTrue(note.getText().length() > 40, "a warning long enough to need room: " + note.getText());
        assertEquals(note.getText(), shown(robot, note), "the warning is shown whole, wrapped");
    }

    /** Writes the designer's screenshots when asked to: -Dtablewright.screenshots=DIR. */
    @Test
    @Tag("screenshot")
    void screenshots(FxRobot robot) throws Exception {
        Screenshots.assumeRequested();
        db = new Connector();
        db.create(TestDatabases.fresh("sqlite").options());
        TableDesignerViewModel vm = show(robot, null);
        robot.clickOn("#tableName").write("orders");
        for (String[] f : new String[][]{{"customerName", "string"}, {"total", "number"}, {"placedAt", "date"}, {"items", "jsonb"}}) {
            robot.clickOn("#addField");
            WaitForAsyncUtils.waitForFxEvents();
            TextField name = nameField(robot, vm.fields().get(vm.fields().size() - 1).nameProperty().get());
            rename(robot, name, f[0]);
            chooseType(robot, inRow(robot, name, "field-type", ComboBox.class), f[1]);
        }
        robot.clickOn(inRow(robot, nameField(robot, "placedAt"), "field-default", TextField.class)).write("NOW");
        waitUntil(() -> !robot.lookup("#apply").queryAs(Button.class).isDisabled());
        save(robot, "designer-new");

        db.defineTable("customers", Map.of("name", "string", "email", "string", "notes", "text", "visits", "integer"), Map.of("trackHistory", true));
        db.addRow("customers", Map.of("name", "Ada", "email", "ada@example.com", "notes", "42", "visits", 3));
        db.addRow("customers", Map.of("name", "Bob", "email", "bob@example.com", "notes", "regular", "visits", 1));
        TableDesignerViewModel existing = show(robot, "customers");
        waitUntil(() -> existing.fields().size() == 7);
        rename(robot, nameField(robot, "visits"), "visitCount");
        chooseType(robot, inRow(robot, nameField(robot, "notes"), "field-type", ComboBox.class), "integer");
        robot.clickOn(inRow(robot, nameField(robot, "email"), "field-unique", CheckBox.class));
        waitUntil(() -> existing.summaryProperty().get().contains("unique"));
        save(robot, "designer-existing");
    }

    private void save(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), name);
    }
}
