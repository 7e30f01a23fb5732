package dev.tablewright.app.grid;

import dev.tablewright.app.controls.CompactButtons;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableMap;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContentDisplay;

/**
 * The data grid of one table: a toolbar, the rows (a virtualized TableView over the ViewModel's
 * paged list), and a line for the row count and the last outcome. Header clicks sort in the
 * database; cells edit with the editor of their type.
 */
public final class GridView {
    private static final double ROW_HEIGHT = 30;
    /** Beside a header's name: the cell's padding on both sides and the sort mark. */
    private static final double HEADER_ROOM = 40;

    private final GridViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final TableView<GridRow> table = new TableView<>();
    /** Where a hop along a relation goes (the data screen's navigation); null where the grid stands alone. */
    private final Consumer<GridPlace> navigate;
    private MenuButton related;

    public GridView(GridViewModel viewModel) {
        this(viewModel, null);
    }

    /** {@code navigate}: takes a hop to a parent or to children ({@link GridViewModel#parentPlace}, {@link GridViewModel#loadRelated}). */
    public GridView(GridViewModel viewModel, Consumer<GridPlace> navigate) {
        this.viewModel = viewModel;
        this.navigate = navigate;
        root.setId("gridView");
        root.getStyleClass().add("grid-view");
        root.getStylesheets().add(GridView.class.getResource("grid.css").toExternalForm());

        table.setId("gridTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().setCellSelectionEnabled(false);
        table.setPlaceholder(new Label("No rows"));
        table.itemsProperty().bind(viewModel.rowsProperty());
        table.setEditable(true);
        // With a fixed row height the VirtualFlow never measures rows to estimate a million-row
        // scroll range, which is what makes a jump to the end cost as little as the start.
        table.setFixedCellSize(ROW_HEIGHT);
        table.setContextMenu(rowMenu());
        table.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copy(RowFormat.CSV);
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                viewModel.delete(selected());
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN).match(e)) {
                // Only outside a cell being edited: there Ctrl+Z undoes typing in the box.
                viewModel.undo();
                e.consume();
            }
        });
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                viewModel.saveAll();
                e.consume();
            }
        });
        viewModel.schemaProperty().addListener((obs, old, schema) -> buildColumns(schema));
        viewModel.sortProperty().addListener((obs, old, sort) -> markSortedColumn(sort));
        viewModel.focusIndexProperty().addListener((obs, old, index) -> {
            int i = index.intValue();
            if (i >= 0) {
                table.scrollTo(Math.max(0, i - 3));
                table.getSelectionModel().clearAndSelect(i);
            }
        });

        root.setTop(toolbar());
        root.setCenter(table);
        root.setBottom(statusBar());
    }

    /** The view, to be put in a workspace tab. */
    public Parent root() {
        return root;
    }

    public GridViewModel viewModel() {
        return viewModel;
    }

    /**
     * The Related menu (the selected row's parents, children and links), for the data screen's
     * navigation bar beside Back and Forward: in the grid's tool bar it fell into the overflow
     * of a narrow window, where its entries were never counted. Null where the grid stands alone.
     */
    public Node related() {
        return related;
    }

    private ToolBar toolbar() {
        Button refresh = button("gridRefresh", Feather.REFRESH_CW, "Read the rows again", viewModel::refresh);
        Button add = button("gridAdd", Feather.PLUS, "Add a row", viewModel::addRow);
        add.setOnAction(e -> NewRowParents.ask(add, viewModel));
        Button duplicate = button("gridDuplicate", Feather.COPY, "Duplicate the selected row", () -> {
            GridRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                viewModel.duplicate(row);
            }
        });
        Button save = button("gridSave", Feather.SAVE, "Save every change and new row (Ctrl+S)", viewModel::saveAll);
        Button revert = button("gridRevert", Feather.ROTATE_CCW, "Revert: forget every change not saved", viewModel::revertAll);
        Button discard = button("gridDiscard", Feather.X, "Discard unsaved input on the selected rows", () -> selected().forEach(viewModel::discard));
        Button delete = button("gridDelete", Feather.TRASH_2, "Delete the selected rows", () -> viewModel.delete(selected()));
        add.disableProperty().bind(viewModel.editableProperty().not());
        duplicate.disableProperty().bind(viewModel.editableProperty().not().or(table.getSelectionModel().selectedItemProperty().isNull()));
        delete.disableProperty().bind(viewModel.editableProperty().not().or(table.getSelectionModel().selectedItemProperty().isNull()));

        MenuButton copy = new MenuButton("Copy");
        copy.setId("gridCopy");
        copy.setGraphic(new FontIcon(Feather.CLIPBOARD));
        copy.setTooltip(new Tooltip("Copy the selected rows"));
        copy.getItems().addAll(item("copyCsv", "Rows as CSV", () -> copy(RowFormat.CSV)),
                item("copyJson", "Rows as JSON", () -> copy(RowFormat.JSON)),
                item("copySql", "Rows as SQL INSERT", () -> copy(RowFormat.SQL_INSERT)));

        MenuButton transfer = new MenuButton("Export / import");
        transfer.setId("gridTransfer");
        transfer.setGraphic(new FontIcon(Feather.DOWNLOAD));
        transfer.setTooltip(new Tooltip("Export the table or import a CSV file"));
        transfer.getItems().addAll(
                item("exportCsv", "Export table as CSV…", () -> exportTo(RowFormat.CSV, false)),
                item("exportJson", "Export table as JSON…", () -> exportTo(RowFormat.JSON, false)),
                item("exportFilteredCsv", "Export filtered rows as CSV…", () -> exportTo(RowFormat.CSV, true)),
                item("exportFilteredJson", "Export filtered rows as JSON…", () -> exportTo(RowFormat.JSON, true)),
                item("importCsv", "Import CSV into this table…", viewModel::importCsvFromChosenFile));

        related = navigate == null ? null : relatedMenu();
        // Related sits in the data screen's bar (TableDataView), not here.
        ToolBar bar = new ToolBar(refresh, add, duplicate, save, revert, discard, delete, copy, transfer);
        CompactButtons.whenNarrow(bar, bar.getItems(), List.of(copy, transfer));
        return bar;
    }

    /** What a right-click on a row offers: its history, where the table keeps one. */
    private ContextMenu rowMenu() {
        MenuItem history = item("rowHistoryMenuItem", "History of this row", () -> viewModel.showHistory(table.getSelectionModel().getSelectedItem()));
        history.setGraphic(new FontIcon(Feather.CLOCK));
        MenuItem travel = item("timeTravelMenuItem", "Time travel: the table as it stood", viewModel::timeTravel);
        travel.setGraphic(new FontIcon(Feather.ROTATE_CCW));
        ContextMenu menu = new ContextMenu(history, travel);
        menu.setOnShowing(e -> {
            history.setDisable(!viewModel.hasHistory(table.getSelectionModel().getSelectedItem()));
            travel.setDisable(!viewModel.canTimeTravel());
        });
        return menu;
    }

    /** The selected row's parents and children, counted when the menu opens; a click hops there. */
    private MenuButton relatedMenu() {
        MenuButton menu = new MenuButton("Related");
        menu.setId("gridRelated");
        menu.setMinWidth(Region.USE_PREF_SIZE);
        menu.setGraphic(new FontIcon(Feather.LINK));
        menu.setTooltip(new Tooltip("The selected row's parents, children and linked rows"));
        menu.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Runnable fill = () -> {
            menu.getItems().clear();
            for (RelatedLink link : viewModel.related()) {
                MenuItem item = new MenuItem(link.text());
                item.getStyleClass().add(link.linked() ? "related-linked" : link.children() ? "related-children" : "related-parent");
                // No links yet is no reason to refuse the panel: it is where links are made.
                item.setDisable(link.count() == 0 && !link.linked());
                item.setOnAction(e -> {
                    if (link.linked()) {
                        showLinked(link.linkedTable());
                    } else {
                        navigate.accept(link.place());
                    }
                });
                menu.getItems().add(item);
            }
            if (menu.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No relations");
                none.setDisable(true);
                menu.getItems().add(none);
            }
        };
        viewModel.related().addListener((ListChangeListener<RelatedLink>) c -> fill.run());
        menu.showingProperty().addListener((obs, was, showing) -> {
            if (showing) {
                viewModel.loadRelated(table.getSelectionModel().getSelectedItem());
            }
        });
        fill.run();
        return menu;
    }

    /** Puts the panel of the selected row's links to {@code target} beside the rows, in place of one shown before. */
    private void showLinked(String target) {
        viewModel.linkedRows(table.getSelectionModel().getSelectedItem(), target).ifPresent(linked -> {
            root.setRight(new LinkedRowsView(linked, () -> root.setRight(null)).root());
            linked.open();
        });
    }

    /**
     * Under the grid: the last message, then the edits not saved, the write-at-once choice and the
     * row count, which keep their words whatever the width (the message gives way).
     */
    private HBox statusBar() {
        Label count = new Label();
        count.setId("gridRowCount");
        count.textProperty().bind(viewModel.rowCountTextProperty());
        Button exact = button("gridCountExactly", Feather.HASH, "Count every row exactly", viewModel::countExactly);
        exact.visibleProperty().bind(viewModel.rowCountExactProperty().not());
        exact.managedProperty().bind(exact.visibleProperty());
        Label unsaved = new Label();
        unsaved.setId("gridPending");
        unsaved.getStyleClass().add("grid-pending");
        unsaved.setMinWidth(Region.USE_PREF_SIZE);
        unsaved.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = viewModel.pendingCountProperty().get();
            return n == 0 ? "" : n == 1 ? "1 change not saved" : n + " changes not saved";
        }, viewModel.pendingCountProperty()));
        CheckBox atOnce = new CheckBox("Write at once");
        atOnce.setId("gridWriteAtOnce");
        atOnce.setMinWidth(Region.USE_PREF_SIZE);
        atOnce.setTooltip(new Tooltip("Write each edit as it is made, with no Save step"));
        atOnce.selectedProperty().bindBidirectional(viewModel.writeAtOnceProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        Label message = statusLine();
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox bar = new HBox(12, message, unsaved, atOnce, count, exact);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("grid-status");
        return bar;
    }

    private Label statusLine() {
        Label message = new Label();
        message.setId("gridMessage");
        message.getStyleClass().add("grid-message");
        message.textProperty().bind(viewModel.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        return message;
    }

    private static Button button(String id, Feather icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }

    private List<GridRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private void copy(RowFormat format) {
        List<GridRow> rows = selected();
        if (rows.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.copy(rows, format));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void exportTo(RowFormat format, boolean filtered) {
        viewModel.exportToChosenFile(format, filtered);
    }

    private void buildColumns(TableSchema schema) {
        table.getColumns().clear();
        if (schema == null) {
            return;
        }
        TableColumn<GridRow, Object> marker = new TableColumn<>();
        marker.setId("column-status");
        marker.setPrefWidth(28);
        marker.setSortable(false);
        marker.setReorderable(false);
        marker.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        marker.setCellFactory(c -> new StatusCell());
        table.getColumns().add(marker);
        for (Map.Entry<String, FieldSpec> e : schema.fields().entrySet()) {
            String field = e.getKey();
            LogicalType type = e.getValue().type();
            TableColumn<GridRow, Object> column = new TableColumn<>();
            column.setId("column-" + field);
            column.setUserData(field);
            column.setSortable(false);
            Label header = new Label(field);
            header.setId("header-" + field);
            header.setMaxWidth(Double.MAX_VALUE);
            header.setTooltip(new Tooltip(type.id() + (e.getValue().primaryKey() ? ", primary key" : "")
                    + (e.getValue().nativeType() == null ? "" : " (" + e.getValue().nativeType() + ")") + " — click to sort"));
            header.setOnMouseClicked(ev -> {
                if (ev.getButton() == MouseButton.PRIMARY) {
                    viewModel.sortBy(field);
                }
            });
            viewModel.parentTable(field).ifPresent(parent -> {
                header.setTooltip(new Tooltip(header.getTooltip().getText() + "\nPoints at " + parent
                        + "; right-click to choose the field that labels its rows"));
                header.setContextMenu(labelMenu(field, parent));
            });
            column.setGraphic(header);
            // Never JavaFX's default 80: a column at the default width is resized to its first
            // cells' content, which squeezed the boolean column below its header.
            boolean foreignKey = viewModel.parentTable(field).isPresent();
            double forType = foreignKey ? 200 : switch (type) {
                case BOOLEAN -> 90;
                case INTEGER, NUMBER -> 100;
                case DATE -> 200;
                case STRING -> e.getValue().primaryKey() ? 280 : 160;
                default -> 200;
            };
            // Wide enough for the header's whole name too: "InvoiceLineId" must not read "Invoic…".
            column.setPrefWidth(Math.max(forType, headerWidth(header)));
            column.setCellValueFactory(c -> c.getValue() == null ? null : c.getValue().valueProperty(field));
            column.setCellFactory(c -> new GridCell(viewModel, field, type, navigate));
            column.setEditable(!e.getValue().auto());
            table.getColumns().add(column);
        }
        markSortedColumn(viewModel.sortProperty().get());
    }

    /** The room a header's name takes in the theme's header font, with the cell's padding and the sort mark beside it. */
    private static double headerWidth(Label header) {
        Text probe = new Text(header.getText());
        probe.setFont(Font.font(header.getFont().getFamily(), FontWeight.BOLD, header.getFont().getSize()));
        return Math.ceil(probe.getLayoutBounds().getWidth()) + HEADER_ROOM;
    }

    /** The header menu of a foreign-key column: which of the parent's fields labels the keys. */
    private ContextMenu labelMenu(String field, String parent) {
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            MenuItem title = new MenuItem("Label " + parent + " rows by");
            title.setDisable(true);
            menu.getItems().add(title);
            ToggleGroup group = new ToggleGroup();
            String current = viewModel.labelField(field).orElse(null);
            for (String candidate : viewModel.labelCandidates(field)) {
                RadioMenuItem item = new RadioMenuItem(candidate);
                item.setId("label-" + field + "-" + candidate);
                item.setToggleGroup(group);
                item.setSelected(candidate.equals(current));
                item.setOnAction(ev -> viewModel.chooseLabel(field, candidate));
                menu.getItems().add(item);
            }
        });
        // A menu shows nothing without items; the real ones are made each time it opens.
        menu.getItems().add(new MenuItem(parent));
        return menu;
    }

    private void markSortedColumn(List<SortKey> sort) {
        for (TableColumn<GridRow, ?> column : table.getColumns()) {
            if (!(column.getGraphic() instanceof Label header) || column.getUserData() == null) {
                continue;
            }
            String field = (String) column.getUserData();
            SortKey key = sort.stream().filter(k -> k.field().equals(field)).findFirst().orElse(null);
            header.setGraphic(key == null ? null : new FontIcon(key.descending() ? Feather.ARROW_DOWN : Feather.ARROW_UP));
            header.setContentDisplay(ContentDisplay.RIGHT);
        }
    }

    /**
     * The left column: a mark for new rows, unsaved input, and a refused save (with its message).
     * Icons and the tooltip are made the first time a row needs them: most rows need none, and a
     * tooltip is a popup window of its own.
     */
    private static final class StatusCell extends TableCell<GridRow, Object> {
        private final InvalidationListener changed = o -> show();
        private GridRow row;
        private ObservableMap<String, Object> rowPending;
        private FontIcon error;
        private FontIcon draft;
        private FontIcon pending;
        private Tooltip tip;

        StatusCell() {
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            GridRow now = !empty && item instanceof GridRow r ? r : null;
            if (now != row) {
                if (row != null) {
                    row.errorProperty().removeListener(changed);
                    rowPending.removeListener(changed);
                }
                row = now;
                rowPending = now == null ? null : now.pending();
                if (now != null) {
                    now.errorProperty().addListener(changed);
                    rowPending.addListener(changed);
                }
            }
            show();
        }

        private void show() {
            setText(null);
            if (row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String failure = row.errorProperty().get();
            if (!failure.isEmpty()) {
                if (error == null) {
                    error = new FontIcon(Feather.ALERT_TRIANGLE);
                    error.getStyleClass().add("row-error-icon");
                    tip = new Tooltip();
                }
                tip.setText(failure);
                setGraphic(error);
                setTooltip(tip);
                return;
            }
            setTooltip(null);
            if (row.isDraft()) {
                if (draft == null) {
                    draft = new FontIcon(Feather.PLUS_CIRCLE);
                }
                setGraphic(draft);
            } else if (!rowPending.isEmpty()) {
                if (pending == null) {
                    pending = new FontIcon(Feather.EDIT_2);
                }
                setGraphic(pending);
            } else {
                setGraphic(null);
            }
        }
    }
}
