package dev.tablewright.app.grid;

import dev.tablewright.core.base.Names;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The panel beside the grid with one row's many-to-many links: the linked rows (the next page is
 * read when the list is scrolled to its end), Link… (the searchable picker over the other table),
 * Unlink for the selected ones, and a line for what was done or refused.
 */
final class LinkedRowsView {
    /** Wide enough for "Linked tags", its buttons, and a row's name on one or two lines. */
    private static final double WIDTH = 320;

    private final VBox root;

    LinkedRowsView(LinkedRowsViewModel viewModel, Runnable close) {
        Label heading = new Label("Linked " + viewModel.targetTable());
        heading.getStyleClass().add("linked-title");
        heading.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(heading, Priority.ALWAYS);
        // Under the heading, not beside the close button: a VBox gives a wrapping label the height its lines need.
        Label title = new Label();
        title.setId("linkedTitle");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(viewModel.titleProperty());
        Button closeButton = new Button(null, new FontIcon(Feather.X));
        closeButton.setId("linkedClose");
        closeButton.setTooltip(new Tooltip("Close the panel"));
        closeButton.setOnAction(e -> close.run());
        closeButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(6, heading, closeButton);
        head.setAlignment(Pos.CENTER_LEFT);

        ListView<ParentPickerViewModel.Choice> list = new ListView<>(viewModel.rows());
        list.setId("linkedList");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label("No " + viewModel.targetTable() + " linked"));
        list.setCellFactory(v -> new ListCell<>() {
            private final Tooltip keyTip = new Tooltip();

            {
                // As wide as the list, not as the text: a long label ends in an ellipsis instead of scrolling the list sideways.
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(ParentPickerViewModel.Choice item, boolean empty) {
                super.updateItem(item, empty);
                // The label alone where there is one (the key, often a UUID, is in the tooltip); else the key.
                setText(empty || item == null ? null : item.label() == null ? CellValues.display(null, item.key()) : item.label());
                if (empty || item == null || item.label() == null) {
                    setTooltip(null);
                } else {
                    keyTip.setText(item.toString());
                    setTooltip(keyTip);
                }
                if (!empty && getIndex() == viewModel.rows().size() - 1) {
                    viewModel.loadMore();
                }
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button link = new Button("Link…", new FontIcon(Feather.PLUS));
        link.setId("linkedAdd");
        link.setTooltip(new Tooltip("Link a " + Names.singular(viewModel.targetTable()) + ": search it by its label or key"));
        link.setMinWidth(Region.USE_PREF_SIZE);
        link.disableProperty().bind(viewModel.readyProperty().not());
        link.setOnAction(e -> viewModel.picker().ifPresent(picker -> ParentPicker.show(link, picker, "Link a " + Names.singular(viewModel.targetTable()),
                PopOver.ArrowLocation.RIGHT_BOTTOM, viewModel::link)));
        Button unlink = new Button("Unlink", new FontIcon(Feather.SCISSORS));
        unlink.setId("linkedRemove");
        unlink.setTooltip(new Tooltip("Remove the links of the selected rows; the rows themselves stay"));
        unlink.setMinWidth(Region.USE_PREF_SIZE);
        unlink.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Runnable unlinkSelected = () -> viewModel.unlink(List.copyOf(list.getSelectionModel().getSelectedItems()));
        unlink.setOnAction(e -> unlinkSelected.run());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !list.getSelectionModel().isEmpty()) {
                unlinkSelected.run();
                e.consume();
            }
        });
        HBox buttons = new HBox(6, link, unlink);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("linkedMessage");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        root = new VBox(8, head, title, list, buttons, message);
        root.setId("linkedPanel");
        root.getStyleClass().add("linked-panel");
        root.setPadding(new Insets(8));
        root.setPrefWidth(WIDTH);
        root.setMinWidth(WIDTH);
    }

    Parent root() {
        return root;
    }
}
