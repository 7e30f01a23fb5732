package dev.tablewright.app.history;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Objects;

/**
 * The restore dialog: the record's fields now and as the version had them, the changed ones
 * chosen; Restore writes the chosen ones. A refusal stays in the dialog with its code and reason.
 */
public final class RestoreDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();

    public RestoreDialog(RestoreViewModel viewModel, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle("Restore " + viewModel.table() + " " + viewModel.id());
        RecordVersion source = viewModel.source();
        dialog.setHeaderText(source == null ? "Nothing to restore"
                : "Restore " + viewModel.table() + " " + viewModel.id() + " to v" + source.number() + " of "
                + RecordHistoryView.WHEN.format(source.changedAt()));
        dialog.getDialogPane().getStylesheets().add(Objects.requireNonNull(RestoreDialog.class.getResource("history.css")).toExternalForm());
        dialog.getDialogPane().getStyleClass().add("restore-dialog");

        TableView<RestoreViewModel.Choice> fields = new TableView<>(viewModel.choices());
        fields.setId("restoreFields");
        fields.setEditable(true);
        TableColumn<RestoreViewModel.Choice, Boolean> write = new TableColumn<>("Write");
        write.setCellValueFactory(c -> c.getValue().chosenProperty());
        write.setCellFactory(CheckBoxTableCell.forTableColumn(write));
        write.setEditable(true);
        write.setPrefWidth(56);
        TableColumn<RestoreViewModel.Choice, String> name = text("Field", RestoreViewModel.Choice::field);
        TableColumn<RestoreViewModel.Choice, String> now = text("Now", c -> viewModel.deletedSinceProperty().get() ? "(deleted)" : RecordHistoryView.show(c.now()));
        TableColumn<RestoreViewModel.Choice, String> then = text("Will be", c -> RecordHistoryView.show(c.then()));
        fields.getColumns().addAll(List.of(write, name, now, then));
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fields.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RestoreViewModel.Choice item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("diff-changed");
                if (!empty && item != null && item.differs()) {
                    getStyleClass().add("diff-changed");
                }
            }
        });
        fields.setPlaceholder(new Label("Reading the record…"));
        fields.setPrefSize(620, 300);

        Label note = new Label();
        note.setId("restoreNote");
        note.setWrapText(true);
        note.textProperty().bind(viewModel.deletedSinceProperty().map(deleted -> deleted
                ? "The record was deleted since: it is inserted again with its key, the fields as shown. The restore is recorded as a new version."
                : "Only the chosen fields are written; the key is kept, updatedAt becomes now. The restore is recorded as a new version."));
        Label problem = new Label();
        problem.setId("restoreProblem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox content = new VBox(8, fields, note, problem);
        VBox.setVgrow(fields, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        dialog.setResizable(true);

        ButtonType restoreType = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(restoreType, ButtonType.CANCEL);
        Node restore = dialog.getDialogPane().lookupButton(restoreType);
        restore.setId("restoreApply");
        restore.disableProperty().bind(viewModel.canRestore().not());
        // The dialog closes only once the core took the restore: a refusal keeps it open with the reason.
        restore.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.restore();
        });
        viewModel.restoredProperty().addListener((obs, old, row) -> {
            if (row != null) {
                dialog.setResult(restoreType);
                dialog.close();
            }
        });
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).setId("restoreCancel");
        viewModel.load();
    }

    private static TableColumn<RestoreViewModel.Choice, String> text(String title, Function<RestoreViewModel.Choice, String> value) {
        TableColumn<RestoreViewModel.Choice, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setEditable(false);
        return column;
    }

    /** Shows the dialog; returns at once, the restore runs in the background. */
    public void show() {
        dialog.show();
    }
}
