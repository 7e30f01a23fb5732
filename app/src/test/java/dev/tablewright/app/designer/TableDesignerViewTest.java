package dev.tablewright.app.designer;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.LogicalType;
import dev.tablewright.core.schema.SchemaManager;
import dev.tablewright.core.testing.TestDatabases;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import dev.tablewright.app.testing.Screenshots;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The designer on screen: a person builds a table with every type, applies it and reopens it; renames keep data. */
@ExtendWith(ApplicationExtension.class)
class TableDesignerViewTest {
    private Stage stage;
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService().answerConfirmations(true);
    private Connector db;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1260, 780));
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

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The name box of the field, scrolled into view first (the grid only renders the rows it shows). */
    @SuppressWarnings("unchecked")
    private static TextField nameField(FxRobot robot, String text) {
        javafx.scene.control.TableView<DesignField> grid = robot.lookup("#fields").queryAs(javafx.scene.control.TableView.class);
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
        robot.clickOn(field).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(name);
    }

    private static void chooseType(FxRobot robot, ComboBox<?> combo, String type) {
        robot.clickOn(combo);
        ListCell<?> item = robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> type.equals(c.getText())).findFirst().orElseThrow();
        robot.clickOn(item);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aTableBuiltWithEveryTypeIsAppliedAndReopensAsTheSameDesign(String dialect, FxRobot robot) throws TimeoutException {
        db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        TableDesignerViewModel vm = show(robot, null);
        robot.clickOn("#tableName").write("everything");
        Map<String, String> typed = new LinkedHashMap<>();
        for (String type : DesignField.TYPES) {
            robot.clickOn("#addField");
            WaitForAsyncUtils.waitForFxEvents();
            String generated = vm.fields().get(vm.fields().size() - 1).nameProperty().get();
            TextField name = nameField(robot, generated);
            rename(robot, name, type + "Field");
            chooseType(robot, inRow(robot, name, "field-type", ComboBox.class), type);
            typed.put(type + "Field", type);
        }
        TextField date = nameField(robot, "dateField");
        robot.clickOn(inRow(robot, date, "field-default", TextField.class)).write("NOW");
        robot.clickOn(inRow(robot, nameField(robot, "integerField"), "field-allow-null", javafx.scene.control.CheckBox.class));
        robot.clickOn(inRow(robot, nameField(robot, "integerField"), "field-default", TextField.class)).write("7");
        robot.clickOn("#trackHistory");
        waitUntil(() -> !robot.lookup("#apply").queryAs(Button.class).isDisabled());
        assertTrue(vm.previewProperty().get().contains("CREATE TABLE"), vm.previewProperty().get());

        robot.clickOn("#apply");
        waitUntil(() -> vm.statusProperty().get().startsWith("Applied"));
        Map<String, FieldSpec> expected = SchemaManager.withAutoFields(vm.design().specs());

        TableDesignerViewModel reopened = show(robot, "everything");
        waitUntil(() -> reopened.fields().size() == expected.size() && reopened.previewProperty().get().equals("-- No changes.\n"));
        assertEquals(expected, reopened.design().specs());
        assertTrue(reopened.trackHistoryProperty().get());
        for (Map.Entry<String, String> e : typed.entrySet()) {
            ComboBox<?> type = inRow(robot, nameField(robot, e.getKey()), "field-type", ComboBox.class);
            assertEquals(e.getValue().replace("unique", ""), type.getValue(), e.getKey());
        }
        assertTrue(inRow(robot, nameField(robot, "uniquestringField"), "field-unique", javafx.scene.control.CheckBox.class).isSelected());
        assertEquals("NOW", inRow(robot, nameField(robot, "dateField"), "field-default", TextField.class).getText());
        assertEquals(new FieldSpec(LogicalType.INTEGER, false, false, false, 7L, false, false, null, null),
                reopened.design().specs().get("integerField"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void renamingAFieldInTheGridPreviewsTheStatementAndKeepsTheData(String dialect, FxRobot robot) throws TimeoutException {
        db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        db.defineTable("people", Map.of("name", "string", "age", "integer"));
        db.addRow("people", Map.of("name", "Ada", "age", 36));
        TableDesignerViewModel vm = show(robot, "people");
        waitUntil(() -> vm.fields().size() == 5);

        rename(robot, nameField(robot, "age"), "years");
        waitUntil(() -> vm.summaryProperty().get().equals("Rename field 'age' to 'years'."));
        String q = db.dialect().quoteIdentifier("years");
        assertTrue(vm.previewProperty().get().contains("RENAME COLUMN " + db.dialect().quoteIdentifier("age") + " TO " + q), vm.previewProperty().get());

        robot.clickOn("#apply");
        waitUntil(() -> vm.statusProperty().get().startsWith("Applied"));
        assertEquals(36L, db.getTableData("people").get(0).get("years"));
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
        javafx.scene.control.Label note = inRow(robot, nameField(robot, "2total"), "field-note", javafx.scene.control.Label.class);
        assertTrue(note.getText().contains("not a valid field name"), note.getText());
        assertTrue(robot.lookup("#apply").queryAs(Button.class).isDisabled());
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
        robot.clickOn(inRow(robot, nameField(robot, "email"), "field-unique", javafx.scene.control.CheckBox.class));
        waitUntil(() -> existing.summaryProperty().get().contains("unique"));
        save(robot, "designer-existing");
    }

    private void save(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene().getRoot(), name);
    }
}
