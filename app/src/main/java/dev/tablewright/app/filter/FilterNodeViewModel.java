package dev.tablewright.app.filter;

import dev.tablewright.core.filter.Filter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Optional;

/**
 * One node of the filter builder's tree, as JabRef's GroupNodeViewModel is one node of its group
 * tree: it holds its own state as properties and carries the commands a person gives it (remove,
 * move, wrap in a group); the view of the node binds to it and forwards clicks.
 */
public abstract sealed class FilterNodeViewModel permits ConditionNodeViewModel, GroupNodeViewModel {
    final FilterTreeViewModel tree;
    private GroupNodeViewModel parent;
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper("root");
    private final ReadOnlyBooleanWrapper canMoveUp = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canMoveDown = new ReadOnlyBooleanWrapper();

    FilterNodeViewModel(FilterTreeViewModel tree) {
        this.tree = tree;
    }

    /** This node as the typed filter; empty (left out of the array) while it is unfinished. */
    abstract Filter toFilter();

    public Optional<GroupNodeViewModel> parent() {
        return Optional.ofNullable(parent);
    }

    void setParent(GroupNodeViewModel parent) {
        this.parent = parent;
    }

    /**
     * Where the node stands: {@code root}, {@code 1}, {@code 1_0}. Views name their controls
     * after it ({@code #field-1_0}); it changes when the tree's shape does.
     */
    public ReadOnlyStringProperty pathProperty() {
        return path.getReadOnlyProperty();
    }

    public String path() {
        return path.get();
    }

    void place(String newPath, boolean first, boolean last) {
        path.set(newPath);
        canMoveUp.set(parent != null && !first);
        canMoveDown.set(parent != null && !last);
    }

    public ReadOnlyBooleanProperty canMoveUpProperty() {
        return canMoveUp.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canMoveDownProperty() {
        return canMoveDown.getReadOnlyProperty();
    }

    /** How deep the node sits: the root is 0. */
    public int depth() {
        return parent == null ? 0 : parent.depth() + 1;
    }

    public void remove() {
        tree.remove(this);
    }

    public void moveUp() {
        if (parent != null && canMoveUp.get()) {
            int i = parent.indexOf(this);
            parent.move(i, i - 1);
            tree.edited(true);
        }
    }

    public void moveDown() {
        if (parent != null && canMoveDown.get()) {
            int i = parent.indexOf(this);
            parent.move(i, i + 1);
            tree.edited(true);
        }
    }

    /** True unless {@code target} is this node or inside it (a group cannot go into itself). */
    public boolean canMoveInto(GroupNodeViewModel target) {
        if (parent == null || target == this) {
            return false;
        }
        for (Optional<GroupNodeViewModel> g = Optional.of(target); g.isPresent(); g = g.get().parent()) {
            if (g.get() == this) {
                return false;
            }
        }
        return true;
    }

    /** Moves this node to position {@code index} of {@code target} (what a drag and drop does). */
    public void moveTo(GroupNodeViewModel target, int index) {
        if (!canMoveInto(target)) {
            return;
        }
        GroupNodeViewModel from = parent;
        int at = from.indexOf(this);
        if (from == target) {
            from.move(at, Math.min(at < index ? index - 1 : index, from.size() - 1));
        } else {
            from.removeAt(at);
            target.insert(Math.min(index, target.size()), this);
        }
        tree.edited(true);
    }

    /**
     * Puts this node alone in a new group where it stood, joined by the other word than its
     * parent's, ready for the alternatives or extra conditions a person wraps it to add.
     */
    public GroupNodeViewModel wrapInGroup() {
        return tree.wrap(this);
    }
}
