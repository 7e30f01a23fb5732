package dev.tablewright.app.shell;

import java.util.Optional;
import javafx.scene.Node;

/**
 * A screen in a workspace tab: its content, and what the tab does when the table underneath
 * changed or the tab closes.
 */
public interface Screen {

    String title();

    Node content();

    /** The table was changed elsewhere (cleared, say): show it as it is now. */
    default void reload() {
    }

    /** Asked to show its filter builder (a {@link WorkspaceRequest.Kind#FILTER} request); screens without one ignore it. */
    default void showFilter() {
    }

    /** Asked before the tab closes; false keeps it open (the user kept changes not saved). */
    default boolean mayClose() {
        return true;
    }

    /**
     * The table was renamed and this screen replaces {@code before}, which showed it under the old
     * name: it keeps what the user had not saved there (a grid's pending edits and new rows).
     */
    default void takeOver(Screen before) {
    }

    /** The tab closed: stop work and release what the screen holds. */
    default void dispose() {
    }

    /** The tab came forward: the screen puts the keyboard where the user will type (the SQL editor, say). */
    default void focus() {
    }

    /** Builds the screen for a request, or says none can be shown for it. */
    @FunctionalInterface
    interface Factory {
        Optional<Screen> create(WorkspaceRequest request);
    }
}
