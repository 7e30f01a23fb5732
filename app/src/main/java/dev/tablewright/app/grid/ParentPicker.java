package dev.tablewright.app.grid;

import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

import java.util.function.Consumer;

/**
 * The popup a foreign-key cell opens to pick its parent (ControlsFX's PopOver): a search box, the
 * matching parent rows a page at a time (the next page is read when the list is scrolled to its
 * end), and a line for "nothing matches" or a failure. Enter or a click picks; Escape closes.
 */
final class ParentPicker {
    private ParentPicker() {
    }

    static PopOver show(Node owner, ParentPickerViewModel viewModel, Consumer<ParentPickerViewModel.Choice> picked) {
        return show(owner, viewModel, "Pick " + viewModel.parentTable(), arrowFor(owner), picked);
    }

    /**
     * Where the arrow goes so the picker opens towards the larger part of the window: a cell in the
     * right half gets a picker to its left, one in the lower half a picker above it, so a small
     * window does not cut it.
     */
    static PopOver.ArrowLocation arrowFor(Node owner) {
        Scene scene = owner.getScene();
        Bounds at = owner.localToScene(owner.getBoundsInLocal());
        if (scene == null || at == null) {
            return PopOver.ArrowLocation.TOP_LEFT;
        }
        boolean right = at.getCenterX() > scene.getWidth() / 2;
        boolean low = at.getCenterY() > scene.getHeight() / 2;
        if (low) {
            return right ? PopOver.ArrowLocation.BOTTOM_RIGHT : PopOver.ArrowLocation.BOTTOM_LEFT;
        }
        return right ? PopOver.ArrowLocation.TOP_RIGHT : PopOver.ArrowLocation.TOP_LEFT;
    }

    /**
     * {@code title}: what the picker is for, above its search box; {@code arrow}: where the popup's
     * arrow points at {@code owner} from (TOP_LEFT: the popup below and to the right of it).
     */
    static PopOver show(Node owner, ParentPickerViewModel viewModel, String title, PopOver.ArrowLocation arrow,
                        Consumer<ParentPickerViewModel.Choice> picked) {
        TextField search = new TextField();
        search.setId("pickerSearch");
        search.setPromptText(viewModel.labelField() == null ? "Key of " + viewModel.parentTable()
                : "Search " + viewModel.parentTable() + " by " + viewModel.labelField() + " or key");
        search.textProperty().bindBidirectional(viewModel.searchProperty());

        ListView<ParentPickerViewModel.Choice> list = new ListView<>(viewModel.choices());
        list.setId("pickerList");
        // Low enough that the picker of a cell in the upper half fits below it in a 650-pixel-high window.
        list.setPrefSize(380, 220);
        list.setCellFactory(v -> new ListCell<>() {
            {
                // As wide as the list, not as the text: a long label ends in an ellipsis instead of scrolling the list sideways.
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(ParentPickerViewModel.Choice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                if (!empty && getIndex() == viewModel.choices().size() - 1) {
                    viewModel.loadMore();
                }
            }
        });
        Label message = new Label();
        message.setId("pickerMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        VBox content = new VBox(6, search, list, message);
        content.setPadding(new Insets(8));
        content.setId("parentPicker");
        VBox.setVgrow(list, Priority.ALWAYS);

        PopOver pop = new PopOver(content);
        pop.setTitle(title);
        pop.setHeaderAlwaysVisible(true);
        pop.setDetachable(false);
        pop.setArrowLocation(arrow);
        Runnable pick = () -> {
            ParentPickerViewModel.Choice c = list.getSelectionModel().getSelectedItem();
            if (c == null && !viewModel.choices().isEmpty()) {
                c = viewModel.choices().get(0);
            }
            if (c != null) {
                pop.hide();
                picked.accept(c);
            }
        };
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pick.run();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN && !viewModel.choices().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                pop.hide();
                e.consume();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pick.run();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                pop.hide();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                pick.run();
            }
        });
        pop.getRoot().getStylesheets().add(ParentPicker.class.getResource("picker.css").toExternalForm());
        pop.show(owner);
        search.requestFocus();
        return pop;
    }
}
