package dev.tablewright.app.shell;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;

/**
 * Where the keyboard goes when the workspace changes: into a tab brought forward, onto a screen's
 * own first field. A tab's content joins the scene and gets its skin a pulse or two after the tab
 * is selected, and a focus request before that is lost; these wait for it.
 */
final class KeyboardFocus {
    private KeyboardFocus() {
    }

    /** Whether {@code node} is {@code ancestor} or inside it. */
    static boolean within(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gives the keyboard to {@code content}'s first list or table (else its first control) once it
     * is on screen. Without this the focus owner of the tab left behind is hidden and JavaFX hands
     * the keyboard to the next control of the window: the navigator's search box, or a button.
     */
    static void into(Node content) {
        if (content.getScene() == null) {
            content.sceneProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene scene) {
                    if (scene != null) {
                        content.sceneProperty().removeListener(this);
                        into(content);
                    }
                }
            });
            return;
        }
        // After the tab pane has shown the new tab's content (its own listener on the same selection).
        // Not "unless the keyboard is inside already": once the tab left behind is hidden, JavaFX
        // itself passes the keyboard on to the next control of the window, which may be any button
        // of the new tab. A screen that puts the keyboard somewhere itself does so after this.
        Platform.runLater(() -> {
            if (content.getScene() == null) {
                return;
            }
            // A control's inner nodes (a split pane's lists, a toolbar's buttons) exist once it has its
            // skin, which it gets at the next CSS pass: run that pass now rather than guess how many
            // pulses away it is.
            content.applyCss();
            Node target = first(content, true);
            if (target == null) {
                target = first(content, false);
            }
            (target == null ? content : target).requestFocus();
        });
    }

    /** The first node in {@code node} that takes the keyboard: only a list, table or tree when {@code dataOnly}. */
    private static Node first(Node node, boolean dataOnly) {
        if (!node.isVisible() || node.isDisabled()) {
            return null;
        }
        if (node.isFocusTraversable() && (!dataOnly || node instanceof ListView<?> || node instanceof TableView<?>
                || node instanceof TreeView<?> || node instanceof TreeTableView<?>)) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = first(child, dataOnly);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Gives {@code node} the keyboard once it is really on screen: a tab's content joins the scene
     * and gets its skin a pulse or two after the tab is selected, and a focus request before that
     * is lost.
     */
    static void onto(Node node) {
        if (node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing()) {
            Platform.runLater(() -> Platform.runLater(node::requestFocus));
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene scene) {
                if (scene != null) {
                    node.sceneProperty().removeListener(this);
                    Platform.runLater(() -> Platform.runLater(node::requestFocus));
                }
            }
        });
    }
}
