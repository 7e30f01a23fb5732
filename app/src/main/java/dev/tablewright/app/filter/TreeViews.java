package dev.tablewright.app.filter;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.IntSupplier;

/**
 * What the views of the tree's nodes share: the fields offered, the node being dragged, and the
 * buttons every node has. Buttons are named after their node's place ({@code #remove-1_0}).
 */
final class TreeViews {
    private final FilterFields fields;
    private FilterNodeViewModel dragged;
    private final Map<ConditionNodeViewModel, Node> fieldBoxes = new WeakHashMap<>();

    TreeViews(FilterFields fields) {
        this.fields = fields;
    }

    FilterFields fields() {
        return fields;
    }

    void fieldBoxOf(ConditionNodeViewModel condition, Node box) {
        fieldBoxes.put(condition, box);
    }

    /** Puts the focus in the field box of {@code condition}: a person who adds a condition fills it in next. */
    void focusField(ConditionNodeViewModel condition) {
        Node box = fieldBoxes.get(condition);
        if (box != null) {
            Platform.runLater(box::requestFocus);
        }
    }

    /** Move up, move down, wrap in a group, remove. */
    List<Node> nodeActions(FilterNodeViewModel node) {
        Button up = icon(Feather.ARROW_UP, "Move up", "moveUp", node);
        up.disableProperty().bind(node.canMoveUpProperty().not());
        up.setOnAction(e -> node.moveUp());
        Button down = icon(Feather.ARROW_DOWN, "Move down", "moveDown", node);
        down.disableProperty().bind(node.canMoveDownProperty().not());
        down.setOnAction(e -> node.moveDown());
        Button wrap = icon(Feather.MAXIMIZE_2, "Wrap in a group", "wrap", node);
        wrap.setOnAction(e -> node.wrapInGroup());
        Button remove = icon(Feather.TRASH_2, "Remove", "remove", node);
        remove.setOnAction(e -> node.remove());
        return List.of(up, down, wrap, remove);
    }

    Node dragHandle(FilterNodeViewModel node) {
        Label handle = new Label(null, new FontIcon(Feather.MENU));
        handle.getStyleClass().add("drag-handle");
        handle.setTooltip(new Tooltip("Drag to move"));
        handle.setMinWidth(Region.USE_PREF_SIZE);
        handle.setOnDragDetected(e -> {
            dragged = node;
            ClipboardContent content = new ClipboardContent();
            content.putString(node.path());
            handle.startDragAndDrop(TransferMode.MOVE).setContent(content);
            e.consume();
        });
        return handle;
    }

    /** Dropping on a row puts the dragged node before it; on a group's header, at the group's end. */
    void dropTarget(Node target, GroupNodeViewModel group, IntSupplier index) {
        target.setOnDragOver(e -> {
            if (dragged != null && dragged.canMoveInto(group)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            FilterNodeViewModel node = dragged;
            dragged = null;
            if (node != null) {
                node.moveTo(group, index.getAsInt());
            }
            e.setDropCompleted(node != null);
            e.consume();
        });
    }

    /** An icon button named {@code <name>-<path of node>}. */
    static Button icon(Feather icon, String tip, String name, FilterNodeViewModel node) {
        Button b = icon(icon, tip);
        b.idProperty().bind(Bindings.concat(name + "-", node.pathProperty()));
        return b;
    }

    static Button icon(Feather icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll("flat", "icon-button");
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** A button with a label that is never cut: it keeps the width its label needs. */
    static Button labelled(String text, Feather icon, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
