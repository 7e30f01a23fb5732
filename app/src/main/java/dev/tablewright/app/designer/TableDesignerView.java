package dev.tablewright.app.designer;

import dev.tablewright.app.sqltext.SqlHighlighter;
import dev.tablewright.core.dialect.Dialects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The table designer's screen: a toolbar (table name, history, add / remove / move fields,
 * export / import, clear / delete / reset, Apply), the field grid with each field's problem or
 * risk beside it, and the preview of the statements with a dialect switch. Binds to
 * {@link TableDesignerViewModel}; holds no logic of its own.
 */
public final class TableDesignerView {
    private static final DataFormat ROW_INDEX = new DataFormat("application/x-tablewright-designer-row");

    private final TableDesignerViewModel viewModel;
    /** The table name box's narrowest, at which it still shows a short name whole. */
    private static final double NAME_MIN_WIDTH = 90;
    private static final double TOOLBAR_GAP = 6;
    /** A column header's padding on both sides. */
    private static final double HEADER_PADDING = 24;
    /** The grid's own borders and a vertical scroll bar beside the columns. */
    private static final double ROW_ROOM = 20;
    private final VBox root = new VBox();
    private final TableView<DesignField> grid = new TableView<>();
    private final StyleClassedTextArea preview = new StyleClassedTextArea();

    public TableDesignerView(TableDesignerViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("designer");
        root.setId("tableDesigner");
        root.getStylesheets().add(Objects.requireNonNull(TableDesignerView.class.getResource("designer.css")).toExternalForm());

        SplitPane split = new SplitPane(gridPane(), previewPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label tableProblem = new Label();
        tableProblem.setId("tableProblem");
        tableProblem.getStyleClass().add("table-problem");
        tableProblem.setWrapText(true);
        tableProblem.textProperty().bind(viewModel.tableProblemProperty());
        tableProblem.managedProperty().bind(tableProblem.textProperty().isNotEmpty());
        tableProblem.visibleProperty().bind(tableProblem.managedProperty());

        Label automatic = new Label("No primary key: id (text, generated), createdAt and updatedAt are added and kept automatically.");
        automatic.setId("automaticFields");
        automatic.getStyleClass().add("automatic-fields");
        automatic.managedProperty().bind(viewModel.automaticFieldsBinding());
        automatic.visibleProperty().bind(automatic.managedProperty());

        Label status = new Label();
        status.setId("designerStatus");
        status.getStyleClass().add("status");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());

        root.getChildren().addAll(toolbar(), tableProblem, automatic, split, status);
    }

    public Parent root() {
        return root;
    }

    // --- toolbar ---

    private Node toolbar() {
        TextField name = new TextField();
        name.setId("tableName");
        name.setPromptText("table name");
        name.setPrefColumnCount(16);
        name.textProperty().bindBidirectional(viewModel.tableNameProperty());
        name.editableProperty().bind(viewModel.newTableProperty());

        CheckBox history = new CheckBox("Keep history");
        history.setId("trackHistory");
        history.selectedProperty().bindBidirectional(viewModel.trackHistoryProperty());

        Button add = button("addField", "Add field", Feather.PLUS);
        add.setOnAction(e -> {
            DesignField f = viewModel.addField();
            grid.getSelectionModel().select(f);
            grid.scrollTo(f);
        });
        Button remove = button("removeField", "Remove field", Feather.MINUS);
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            DesignField f = grid.getSelectionModel().getSelectedItem();
            return f == null || f.auto();
        }, grid.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(e -> viewModel.removeField(grid.getSelectionModel().getSelectedItem()));
        Button up = button("moveUp", "Move up", Feather.ARROW_UP);
        up.disableProperty().bind(grid.getSelectionModel().selectedIndexProperty().lessThan(1));
        up.setOnAction(e -> move(-1));
        Button down = button("moveDown", "Move down", Feather.ARROW_DOWN);
        down.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            int i = grid.getSelectionModel().getSelectedIndex();
            return i < 0 || i >= viewModel.fields().size() - 1;
        }, grid.getSelectionModel().selectedIndexProperty(), viewModel.fields()));
        down.setOnAction(e -> move(1));

        Button export = button("exportDesign", "Export call file", Feather.DOWNLOAD);
        export.setOnAction(e -> viewModel.exportCallFile());
        Button importFile = button("importDesign", "From call file", Feather.UPLOAD);
        importFile.setOnAction(e -> viewModel.importCallFile());
        importFile.managedProperty().bind(viewModel.newTableProperty());
        importFile.visibleProperty().bind(viewModel.newTableProperty());

        MenuItem clear = new MenuItem("Clear table…");
        clear.setId("clearTable");
        clear.setOnAction(e -> viewModel.clearTable());
        clear.disableProperty().bind(viewModel.newTableProperty());
        MenuItem delete = new MenuItem("Delete table…");
        delete.setId("deleteTable");
        delete.setOnAction(e -> viewModel.deleteTable());
        delete.disableProperty().bind(viewModel.newTableProperty());
        MenuItem reset = new MenuItem("Reset database…");
        reset.setId("resetDatabase");
        reset.setOnAction(e -> viewModel.resetDatabase());
        MenuButton danger = new MenuButton("Delete", new FontIcon(Feather.TRASH_2), clear, delete, reset);
        danger.setId("dangerMenu");

        Button apply = new Button("Apply", new FontIcon(Feather.CHECK));
        apply.setId("apply");
        apply.getStyleClass().add("accent");
        apply.setDefaultButton(false);
        apply.disableProperty().bind(viewModel.applicableBinding().not());
        apply.setOnAction(e -> viewModel.apply());

        Label tableLabel = new Label("Table");
        // The name box gives way when the window is narrow; the labelled controls keep their words.
        name.setMinWidth(NAME_MIN_WIDTH);
        for (Region keeps : new Region[] {tableLabel, history, danger, apply, add, remove, up, down, importFile, export}) {
            keeps.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Where the two groups do not fit side by side (1000 px and less), the second wraps below the first.
        HBox fields = new HBox(tableLabel, name, history, add, remove, up, down);
        HBox actions = new HBox(importFile, export, danger, apply);
        for (HBox group : List.of(fields, actions)) {
            group.getStyleClass().add("toolbar");
            group.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane bar = new FlowPane(TOOLBAR_GAP, TOOLBAR_GAP, fields, actions);
        bar.getStyleClass().add("toolbar-rows");
        return bar;
    }

    private static Button button(String id, String tip, Feather icon) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        return b;
    }

    private void move(int by) {
        DesignField f = grid.getSelectionModel().getSelectedItem();
        if (f != null) {
            viewModel.moveField(f, viewModel.fields().indexOf(f) + by);
            grid.getSelectionModel().select(f);
        }
    }

    // --- the grid ---

    private Node gridPane() {
        grid.setId("fields");
        grid.setItems(viewModel.fields());
        grid.setEditable(true);
        grid.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        grid.setPlaceholder(new Label("No fields yet: add one with +."));
        grid.getColumns().add(column("Name", 170, f -> textCell("field-name", DesignField::nameProperty, f2 -> f2.auto())));
        grid.getColumns().add(column("Type", 130, f -> typeCell()));
        grid.getColumns().add(column("Key", 60, f -> checkCell("field-primary-key", DesignField::primaryKeyProperty, f2 -> !f2.isNew() || f2.auto())));
        grid.getColumns().add(column("Unique", 70, f -> checkCell("field-unique", DesignField::uniqueProperty, f2 -> f2.auto() || f2.primaryKeyProperty().get())));
        grid.getColumns().add(column("Empty ok", 80, f -> checkCell("field-allow-null", DesignField::allowNullProperty,
                f2 -> f2.auto() || f2.primaryKeyProperty().get())));
        grid.getColumns().add(column("Default", 130, f -> textCell("field-default", DesignField::defaultValueProperty, f2 -> f2.auto())));
        grid.getColumns().add(column("Auto-inc", 80, f -> checkCell("field-auto-increment", DesignField::autoIncrementProperty,
                f2 -> !f2.isNew() || !f2.autoIncrementApplies().get())));
        grid.getColumns().add(column("Points to", 110, f -> labelCell(DesignField::referenceText)));
        grid.getColumns().add(column("Notes", 300, f -> noteCell()));
        grid.setRowFactory(t -> draggableRow());
        // Columns share the width while their headers fit; narrower than that, the grid scrolls
        // sideways rather than hide the last columns or cut their headers.
        double fits = grid.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + ROW_ROOM;
        grid.widthProperty().addListener((obs, old, width) -> grid.setColumnResizePolicy(width.doubleValue() >= fits
                ? TableView.CONSTRAINED_RESIZE_POLICY : TableView.UNCONSTRAINED_RESIZE_POLICY));
        VBox.setVgrow(grid, Priority.ALWAYS);
        return grid;
    }

    private static TableColumn<DesignField, DesignField> column(String title, double width,
                                                                Function<TableColumn<DesignField, DesignField>, TableCell<DesignField, DesignField>> cell) {
        TableColumn<DesignField, DesignField> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        // Every header stays readable ("Unique", "Empty ok"); the wide columns give way down to 90 px.
        Text probe = new Text(title);
        probe.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize()));
        c.setMinWidth(Math.max(Math.min(width, 90), Math.ceil(probe.getLayoutBounds().getWidth()) + HEADER_PADDING));
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(cell::apply);
        return c;
    }

    /** A cell holding one control bound to a property of its row's field; rebinding as rows are reused. */
    private abstract static class BoundCell<C extends Control> extends TableCell<DesignField, DesignField> {
        final C control;
        private Runnable unbind = () -> { };

        BoundCell(C control) {
            this.control = control;
            control.setMaxWidth(Double.MAX_VALUE);
        }

        abstract Runnable bind(DesignField field);

        @Override
        protected void updateItem(DesignField field, boolean empty) {
            super.updateItem(field, empty);
            unbind.run();
            unbind = () -> { };
            if (empty || field == null) {
                setGraphic(null);
                return;
            }
            unbind = bind(field);
            setGraphic(control);
        }
    }

    private TableCell<DesignField, DesignField> textCell(String style, Function<DesignField, StringProperty> property, Predicate<DesignField> locked) {
        TextField text = new TextField();
        text.getStyleClass().add(style);
        return new BoundCell<>(text) {
            @Override
            Runnable bind(DesignField field) {
                StringProperty p = property.apply(field);
                text.textProperty().bindBidirectional(p);
                text.setEditable(!locked.test(field));
                text.setDisable(locked.test(field));
                return () -> text.textProperty().unbindBidirectional(p);
            }
        };
    }

    private TableCell<DesignField, DesignField> typeCell() {
        ComboBox<String> types = new ComboBox<>(FXCollections.observableArrayList(DesignField.TYPES));
        types.getStyleClass().add("field-type");
        types.setVisibleRowCount(11);
        return new BoundCell<>(types) {
            @Override
            Runnable bind(DesignField field) {
                types.valueProperty().bindBidirectional(field.typeProperty());
                types.setDisable(field.auto());
                return () -> types.valueProperty().unbindBidirectional(field.typeProperty());
            }
        };
    }

    private TableCell<DesignField, DesignField> checkCell(String style, Function<DesignField, BooleanProperty> property,
                                                          Predicate<DesignField> locked) {
        CheckBox box = new CheckBox();
        box.getStyleClass().add(style);
        return new BoundCell<>(box) {
            @Override
            Runnable bind(DesignField field) {
                BooleanProperty p = property.apply(field);
                box.selectedProperty().bindBidirectional(p);
                BooleanBinding disabled = Bindings.createBooleanBinding(() -> locked.test(field),
                        field.primaryKeyProperty(), field.typeProperty(), field.autoIncrementApplies());
                box.disableProperty().bind(disabled);
                return () -> {
                    box.selectedProperty().unbindBidirectional(p);
                    box.disableProperty().unbind();
                };
            }
        };
    }

    private TableCell<DesignField, DesignField> labelCell(Function<DesignField, String> text) {
        Label label = new Label();
        return new BoundCell<>(label) {
            @Override
            Runnable bind(DesignField field) {
                label.setText(text.apply(field).isEmpty() ? "" : "→ " + text.apply(field));
                return () -> { };
            }
        };
    }

    private TableCell<DesignField, DesignField> noteCell() {
        Label note = new Label();
        note.getStyleClass().add("field-note");
        // A warning is read whole: it wraps onto more lines and the row grows, rather than ending in "…".
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        note.setTooltip(tip);
        return new BoundCell<>(note) {
            @Override
            Runnable bind(DesignField field) {
                Runnable update = () -> {
                    note.getStyleClass().removeAll("problem", "risk", "hint");
                    String text;
                    if (!field.problemProperty().get().isEmpty()) {
                        text = field.problemProperty().get();
                        note.getStyleClass().add("problem");
                    } else if (!field.riskProperty().get().isEmpty()) {
                        text = field.riskProperty().get();
                        note.getStyleClass().add("risk");
                    } else if (field.auto()) {
                        text = "automatic";
                        note.getStyleClass().add("hint");
                    } else {
                        text = field.hintProperty().get();
                        note.getStyleClass().add("hint");
                    }
                    note.setText(text);
                    tip.setText(text);
                };
                InvalidationListener listener = o -> update.run();
                List.of(field.problemProperty(), field.riskProperty(), field.hintProperty()).forEach(p -> p.addListener(listener));
                update.run();
                return () -> List.of(field.problemProperty(), field.riskProperty(), field.hintProperty()).forEach(p -> p.removeListener(listener));
            }
        };
    }

    private TableRow<DesignField> draggableRow() {
        TableRow<DesignField> row = new TableRow<>();
        row.setOnDragDetected(e -> {
            if (row.isEmpty()) {
                return;
            }
            Dragboard board = row.startDragAndDrop(TransferMode.MOVE);
            board.setDragView(row.snapshot(null, null));
            ClipboardContent content = new ClipboardContent();
            content.put(ROW_INDEX, row.getIndex());
            board.setContent(content);
            e.consume();
        });
        row.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(ROW_INDEX)) {
                e.acceptTransferModes(TransferMode.MOVE);
                e.consume();
            }
        });
        row.setOnDragDropped(e -> {
            Object from = e.getDragboard().getContent(ROW_INDEX);
            if (from instanceof Integer index && index < viewModel.fields().size()) {
                DesignField moved = viewModel.fields().get(index);
                int to = row.isEmpty() ? viewModel.fields().size() - 1 : row.getIndex();
                viewModel.moveField(moved, to);
                grid.getSelectionModel().select(moved);
                e.setDropCompleted(true);
                e.consume();
            }
        });
        return row;
    }

    // --- the preview ---

    private Node previewPane() {
        preview.setId("preview");
        preview.getStyleClass().addAll("preview", "sql-code");
        preview.getStylesheets().add(SqlHighlighter.STYLESHEET);
        preview.setEditable(false);
        preview.setWrapText(false);
        viewModel.previewProperty().addListener((o, was, now) -> showPreview(now));
        showPreview(viewModel.previewProperty().get());

        Label title = new Label();
        title.getStyleClass().add("preview-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> viewModel.connectionDialect().equals(viewModel.previewDialectProperty().get())
                        ? "Statements Apply runs on this " + viewModel.connectionDialect() + " connection"
                        : "What the same design would run on " + viewModel.previewDialectProperty().get(),
                viewModel.previewDialectProperty()));
        ChoiceBox<String> dialect = new ChoiceBox<>(viewModel.dialects());
        dialect.setId("previewDialect");
        dialect.valueProperty().bindBidirectional(viewModel.previewDialectProperty());
        HBox header = new HBox(title, new Label("Show for"), dialect);
        header.getStyleClass().add("preview-header");

        Label summary = new Label();
        summary.setId("changeSummary");
        summary.getStyleClass().add("summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());

        VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(preview);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return new VBox(4, header, scroll, summary);
    }

    private void showPreview(String text) {
        preview.replaceText(text);
        if (text.isEmpty()) {
            return;
        }
        String dialect = viewModel.previewDialectProperty().get();
        preview.setStyleSpans(0, SqlHighlighter.styles(text,
                Dialects.named(dialect == null ? viewModel.connectionDialect() : dialect).scriptFlavor()));
    }

    /** The preview's text as shown, for tests and for copying. */
    String previewText() {
        return preview.getText();
    }
}
