package dev.tablewright.app.grid;

import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * A cell of the grid, with the editor its logical type calls for: a text field for text and
 * numbers (the core checks the number), a check box for booleans, a date picker with a time for
 * dates (UTC), a text field that checks JSON as it is typed, and attach/save/preview for files.
 */
final class GridCell extends TableCell<GridRow, Object> {
    // Pseudo-classes, not style classes: a style class change makes JavaFX look the cell's styles up
    // again, and every cell changes state when its page arrives.
    private static final PseudoClass NULL_VALUE = PseudoClass.getPseudoClass("null-value");
    private static final PseudoClass PENDING_VALUE = PseudoClass.getPseudoClass("pending-value");
    private static final PseudoClass LOADING_VALUE = PseudoClass.getPseudoClass("loading-value");
    private static final PseudoClass MISSING_PARENT = PseudoClass.getPseudoClass("missing");

    private final GridViewModel viewModel;
    private final String field;
    private final LogicalType type;
    /** Only boolean columns have one: a screen of cells would otherwise build a check box each. */
    private final CheckBox check;
    /** The parent table of a foreign-key column (null for other columns): its cells show the parent's label. */
    private final String parentTable;
    /** The label beside a key, made when a foreign-key cell first shows one. */
    private Label parentLabel;

    GridCell(GridViewModel viewModel, String field, LogicalType type, Consumer<GridPlace> navigate) {
        this.viewModel = viewModel;
        this.field = field;
        this.type = type;
        getStyleClass().add("grid-cell");
        check = type == LogicalType.BOOLEAN ? new CheckBox() : null;
        parentTable = viewModel.parentTable(field).orElse(null);
        if (parentTable != null) {
            getStyleClass().add("fk-cell");
            setContentDisplay(ContentDisplay.RIGHT);
            if (navigate != null) {
                MenuItem open = new MenuItem("Go to this " + parentTable + " row");
                open.setId("openParent");
                open.setOnAction(e -> withRow(row -> viewModel.parentPlace(row, field).ifPresent(navigate)));
                setContextMenu(new ContextMenu(open));
                // Ctrl+click follows the key, as a link in an editor does.
                addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.isShortcutDown() && !isEditing()) {
                        withRow(row -> viewModel.parentPlace(row, field).ifPresent(navigate));
                        e.consume();
                    }
                });
                setTooltip(new Tooltip("Ctrl+click (or the context menu) goes to the " + parentTable + " row"));
            }
        }
        if (check != null) {
            check.setOnAction(e -> {
                GridRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && isEditable() && getTableView().isEditable()) {
                    viewModel.edit(row, field, check.isSelected());
                }
            });
        }
        if (type == LogicalType.FILE) {
            MenuItem attach = new MenuItem("Attach file…");
            attach.setOnAction(e -> withRow(row -> viewModel.attachFile(row, field)));
            MenuItem save = new MenuItem("Save file as…");
            save.setOnAction(e -> withRow(row -> viewModel.saveFile(row, field)));
            MenuItem preview = new MenuItem("Preview image");
            preview.setOnAction(e -> withRow(row -> viewModel.previewFile(row, field)));
            setContextMenu(new ContextMenu(attach, save, preview));
        }
    }

    private void withRow(Consumer<GridRow> action) {
        GridRow row = getTableRow() == null ? null : getTableRow().getItem();
        if (row != null) {
            action.accept(row);
        }
    }

    @Override
    protected void updateItem(Object value, boolean empty) {
        super.updateItem(value, empty);
        GridRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
        boolean loading = row != null && !row.isLoaded() && !row.isDraft();
        pseudoClassStateChanged(LOADING_VALUE, loading);
        pseudoClassStateChanged(PENDING_VALUE, row != null && !loading && row.hasPending(field));
        pseudoClassStateChanged(NULL_VALUE, row != null && !loading && !isEditing() && value == null);
        if (row == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        if (loading) {
            setText("…");
            setGraphic(null);
            return;
        }
        if (isEditing()) {
            return;
        }
        if (check != null && value != null) {
            check.setSelected(Boolean.TRUE.equals(value) || "true".equals(value));
            setText(null);
            setGraphic(check);
        } else if (value == null) {
            setText(type == LogicalType.FILE && !row.isDraft() ? "file…" : "NULL");
            setGraphic(null);
        } else if (parentTable != null) {
            setText(CellValues.display(type, value));
            setGraphic(labelOf(row.label(field)));
        } else {
            setText(CellValues.display(type, value));
            setGraphic(null);
        }
    }

    /** The key keeps its room and the parent's label gives way with an ellipsis, rather than the key being pushed out. */
    @Override
    protected void layoutChildren() {
        if (parentLabel != null && getGraphic() == parentLabel) {
            ParentLabelFit.fit(this, parentLabel);
        }
        super.layoutChildren();
    }

    /** The parent's label beside the key; a key of no parent row says so (it is no error to show). */
    private Label labelOf(ParentLabel label) {
        if (label == null || (label.found() && label.text() == null)) {
            return null;
        }
        if (parentLabel == null) {
            parentLabel = new Label();
            parentLabel.setMinWidth(0);
            parentLabel.getStyleClass().add("fk-label");
        }
        // A pseudo-class, not a style class: a cell's styles are looked up again on a class change.
        parentLabel.pseudoClassStateChanged(MISSING_PARENT, !label.found());
        if (label.found()) {
            parentLabel.setText(label.text());
            parentLabel.setTooltip(null);
        } else {
            parentLabel.setText("not in " + parentTable);
            if (parentLabel.getTooltip() == null) {
                parentLabel.setTooltip(new Tooltip("No " + parentTable + " row has this key: it was deleted, or the database took the key "
                        + "without checking the link (SQLite without foreign-key enforcement)."));
            }
        }
        return parentLabel;
    }

    @Override
    public void startEdit() {
        GridRow row = getTableRow() == null ? null : getTableRow().getItem();
        if (row == null || (!row.isLoaded() && !row.isDraft()) || type == LogicalType.FILE) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        if (type == LogicalType.BOOLEAN) {
            // A null boolean becomes false on the first click; after that the check box edits in place.
            viewModel.edit(row, field, !Boolean.TRUE.equals(getItem()));
            cancelEdit();
            return;
        }
        if (parentTable != null) {
            // The key is picked among the parent's rows, not typed: the cell goes back to showing it.
            viewModel.picker(field).ifPresent(picker -> ParentPicker.show(this, picker, choice -> viewModel.pick(row, field, choice)));
            cancelEdit();
            return;
        }
        if (type == LogicalType.DATE) {
            setGraphic(dateEditor(row));
        } else {
            setGraphic(textEditor(row));
        }
        setText(null);
        getGraphic().requestFocus();
    }

    private TextField textEditor(GridRow row) {
        TextField text = new TextField(getItem() == null ? "" : CellValues.display(type, getItem()));
        text.setId("cellEditor");
        if (type.isJson()) {
            text.textProperty().addListener((obs, old, now) -> {
                String problem = CellValues.jsonProblem(now);
                text.pseudoClassStateChanged(PseudoClass.getPseudoClass("invalid"), !problem.isEmpty());
                text.setTooltip(problem.isEmpty() ? null : new Tooltip(problem));
            });
        }
        text.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commitText(row, text.getText());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
                e.consume();
            }
        });
        text.selectAll();
        return text;
    }

    private void commitText(GridRow row, String text) {
        Object value;
        if (text.isEmpty() && !type.isTextual()) {
            value = null;
        } else if (type.isJson()) {
            try {
                value = CellValues.parseJson(text);
            } catch (TablewrightException e) {
                // The field stays open, marked invalid, with the parser's reason as its tooltip.
                return;
            }
        } else {
            value = text;
        }
        cancelEdit();
        viewModel.edit(row, field, value);
    }

    private HBox dateEditor(GridRow row) {
        Instant current = getItem() instanceof Instant i ? i : null;
        DatePicker date = new DatePicker(current == null ? null : LocalDate.ofInstant(current, ZoneOffset.UTC));
        date.setId("dateEditor");
        TextField time = new TextField(current == null ? "00:00:00" : LocalTime.ofInstant(current, ZoneOffset.UTC).toString());
        time.setId("timeEditor");
        time.setPrefColumnCount(8);
        Runnable commit = () -> {
            if (date.getValue() == null) {
                cancelEdit();
                viewModel.edit(row, field, null);
                return;
            }
            try {
                LocalTime t = time.getText().isBlank() ? LocalTime.MIDNIGHT : LocalTime.parse(time.getText().trim());
                cancelEdit();
                viewModel.edit(row, field, date.getValue().atTime(t).toInstant(ZoneOffset.UTC).toString());
            } catch (DateTimeParseException e) {
                time.setTooltip(new Tooltip("Give the time (UTC) as HH:mm or HH:mm:ss"));
            }
        };
        time.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commit.run();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
            }
        });
        date.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commit.run();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
            }
        });
        HBox box = new HBox(4, date, time);
        box.getStyleClass().add("date-editor");
        return box;
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        updateItem(getItem(), getItem() == null && getTableRow() == null);
    }
}
