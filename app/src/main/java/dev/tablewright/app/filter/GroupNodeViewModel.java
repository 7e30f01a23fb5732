package dev.tablewright.app.filter;

import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.filter.Filter.Group;
import dev.tablewright.core.filter.Filter.Junction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A group of the tree: nodes joined by AND or OR. It keeps what writes its array back unchanged:
 * the word as written in each gap, and whether it is an AND run standing unbracketed in an OR
 * array (AND binds tighter than OR), which the view marks.
 */
public final class GroupNodeViewModel extends FilterNodeViewModel {
    private final ReadOnlyObjectWrapper<Junction> junction;
    private final ObservableList<FilterNodeViewModel> children = FXCollections.observableArrayList();
    private final ObservableList<FilterNodeViewModel> childrenView = FXCollections.unmodifiableObservableList(children);
    /** The word as written before child i+1; a new gap gets the plain word. */
    private final List<String> words = new ArrayList<>();
    private final ReadOnlyBooleanWrapper unbracketed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper tighterNote = new ReadOnlyBooleanWrapper();
    private boolean bare;

    GroupNodeViewModel(FilterTreeViewModel tree, Junction junction) {
        super(tree);
        this.junction = new ReadOnlyObjectWrapper<>(junction);
    }

    /** The node of a parsed group, its words and bracketing kept. */
    static GroupNodeViewModel of(FilterTreeViewModel tree, Group group) {
        GroupNodeViewModel g = new GroupNodeViewModel(tree, group.junction());
        g.words.addAll(group.words());
        g.unbracketed.set(group.unbracketed());
        for (Filter item : group.items()) {
            FilterNodeViewModel child = item instanceof Group sub ? of(tree, sub) : new ConditionNodeViewModel(tree, (Filter.Condition) item);
            child.setParent(g);
            g.children.add(child);
        }
        return g;
    }

    @Override
    Group toFilter() {
        List<Filter> items = new ArrayList<>(children.size());
        for (FilterNodeViewModel child : children) {
            Filter f = child.toFilter();
            items.add(f == null ? Filter.none() : f);
        }
        return new Group(junction.get(), items, words, unbracketed.get());
    }

    public ReadOnlyObjectProperty<Junction> junctionProperty() {
        return junction.getReadOnlyProperty();
    }

    public Junction junction() {
        return junction.get();
    }

    /** Joins the nodes with the other word; each gap is then spelled the plain way, and the group is bracketed. */
    public void setJunction(Junction newJunction) {
        if (changeJunction(newJunction)) {
            tree.edited(true);
        }
    }

    boolean changeJunction(Junction newJunction) {
        if (junction.get() == newJunction) {
            return false;
        }
        junction.set(newJunction);
        Collections.fill(words, newJunction.word());
        unbracketed.set(false);
        return true;
    }

    /** The nodes of the group, in order (read-only: edits go through the commands). */
    public ObservableList<FilterNodeViewModel> children() {
        return childrenView;
    }

    /** True for an AND run inside an OR that the array writes without brackets: the view says AND binds tighter. */
    public ReadOnlyBooleanProperty tighterNoteProperty() {
        return tighterNote.getReadOnlyProperty();
    }

    void placeChildren() {
        tighterNote.set(unbracketed.get() && junction.get() == Junction.AND && parent().map(p -> p.junction() == Junction.OR).orElse(false));
    }

    boolean isBare() {
        return bare;
    }

    void markBare() {
        bare = true;
    }

    /** Adds an empty condition at the end, for the person to fill in. */
    public ConditionNodeViewModel addCondition() {
        ConditionNodeViewModel c = new ConditionNodeViewModel(tree);
        insert(children.size(), c);
        tree.edited(true);
        return c;
    }

    /** A new group at the end, joined by the other word (a group of the same word would change nothing). */
    public GroupNodeViewModel addGroup() {
        GroupNodeViewModel g = new GroupNodeViewModel(tree, junction.get().other());
        insert(children.size(), g);
        tree.edited(true);
        return g;
    }

    /**
     * Puts the group's nodes where it stood. Alone in its parent, the parent takes the group's
     * word, so the filter means the same.
     */
    public void ungroup() {
        tree.ungroup(this);
    }

    // --- structure, for the tree ---

    int size() {
        return children.size();
    }

    int indexOf(FilterNodeViewModel node) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) == node) {
                return i;
            }
        }
        return -1;
    }

    void insert(int index, FilterNodeViewModel node) {
        if (!children.isEmpty()) {
            words.add(Math.min(index, words.size()), junction.get().word());
        }
        node.setParent(this);
        children.add(index, node);
    }

    FilterNodeViewModel removeAt(int index) {
        if (!words.isEmpty()) {
            words.remove(index == 0 ? 0 : index - 1);
        }
        return children.remove(index);
    }

    /** Moves the child at {@code from} to {@code to}; the words between stay where they are. */
    void move(int from, int to) {
        if (from != to) {
            FilterNodeViewModel node = children.remove(from);
            children.add(to, node);
        }
    }

    void replace(int index, FilterNodeViewModel node) {
        node.setParent(this);
        children.set(index, node);
    }
}
