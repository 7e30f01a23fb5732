package dev.tablewright.app.filter;

import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.Filter.Group;
import dev.tablewright.core.filter.Filter.Junction;
import dev.tablewright.core.filter.FilterValue;
import dev.tablewright.core.filter.Operator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The tree the builder edits: node ViewModels over the typed filter, read from a {@link Filter}
 * and written back as one ({@link #filter()}), so an array read and written back is the same
 * array. Edits that touch more than one node (remove, wrap, ungroup, a join put first) live here;
 * each node's own edits live on the node. Every edit tells the listener whether the tree's shape
 * changed, so the builder refreshes its panes without the view rebuilding anything.
 */
public final class FilterTreeViewModel {
    private final FilterFields fields;
    private final ReadOnlyObjectWrapper<GroupNodeViewModel> root = new ReadOnlyObjectWrapper<>();
    private Consumer<Boolean> onEdit = structural -> { };

    public FilterTreeViewModel(FilterFields fields) {
        this.fields = fields;
        root.set(new GroupNodeViewModel(this, Junction.AND));
        place();
    }

    FilterFields fields() {
        return fields;
    }

    /** Called after every edit: true when the tree's shape changed, false for a value typed. */
    void setOnEdit(Consumer<Boolean> listener) {
        this.onEdit = listener;
    }

    /** The root group; replaced when the filter is replaced or the root itself is wrapped or ungrouped. */
    public ReadOnlyObjectProperty<GroupNodeViewModel> rootProperty() {
        return root.getReadOnlyProperty();
    }

    public GroupNodeViewModel root() {
        return root.get();
    }

    /**
     * The filter the tree shows, without its unfinished parts (conditions without a field, empty
     * groups); a filter that was one bare condition stays bare while it is.
     */
    public Filter filter() {
        GroupNodeViewModel r = root.get();
        if (r.isBare() && r.size() == 1 && r.children().get(0).toFilter() instanceof Condition c) {
            return c;
        }
        return r.toFilter().pruned();
    }

    /** Shows {@code filter} (null: an empty tree). */
    public void setFilter(Filter filter) {
        GroupNodeViewModel r;
        if (filter instanceof Condition c) {
            r = new GroupNodeViewModel(this, Junction.AND);
            r.insert(0, new ConditionNodeViewModel(this, c));
            r.markBare();
        } else {
            r = filter == null ? new GroupNodeViewModel(this, Junction.AND) : GroupNodeViewModel.of(this, (Group) filter);
        }
        root.set(r);
        edited(true);
    }

    void edited(boolean structural) {
        if (structural) {
            place();
        }
        onEdit.accept(structural);
    }

    /** Names each node after its place and says which can move, after a change of shape. */
    private void place() {
        root.get().setParent(null);
        root.get().place("root", true, true);
        place(root.get(), "");
    }

    private void place(GroupNodeViewModel group, String prefix) {
        group.placeChildren();
        List<FilterNodeViewModel> children = group.children();
        for (int i = 0; i < children.size(); i++) {
            FilterNodeViewModel child = children.get(i);
            String path = prefix + i;
            child.place(path, i == 0, i == children.size() - 1);
            if (child instanceof GroupNodeViewModel g) {
                place(g, path + "_");
            }
        }
    }

    /** The fields offered changed (a table added or removed): each condition works out its operators and editor again. */
    void fieldsChanged() {
        forEachCondition(root.get(), ConditionNodeViewModel::refresh);
    }

    private static void forEachCondition(GroupNodeViewModel group, Consumer<ConditionNodeViewModel> action) {
        for (FilterNodeViewModel n : List.copyOf(group.children())) {
            if (n instanceof GroupNodeViewModel g) {
                forEachCondition(g, action);
            } else {
                action.accept((ConditionNodeViewModel) n);
            }
        }
    }

    void remove(FilterNodeViewModel node) {
        if (node == root.get()) {
            root.set(new GroupNodeViewModel(this, Junction.AND));
        } else {
            node.parent().ifPresent(p -> p.removeAt(p.indexOf(node)));
        }
        edited(true);
    }

    GroupNodeViewModel wrap(FilterNodeViewModel node) {
        GroupNodeViewModel wrapper;
        if (node == root.get()) {
            wrapper = new GroupNodeViewModel(this, Junction.AND);
            wrapper.insert(0, node);
            root.set(wrapper);
        } else {
            GroupNodeViewModel parent = node.parent().orElseThrow();
            wrapper = new GroupNodeViewModel(this, parent.junction().other());
            parent.replace(parent.indexOf(node), wrapper);
            wrapper.insert(0, node);
        }
        edited(true);
        return wrapper;
    }

    void ungroup(GroupNodeViewModel group) {
        if (group == root.get()) {
            if (group.size() == 1 && group.children().get(0) instanceof GroupNodeViewModel only) {
                root.set(only);
                edited(true);
            }
            return;
        }
        GroupNodeViewModel parent = group.parent().orElseThrow();
        int at = parent.indexOf(group);
        if (parent.size() == 1) {
            parent.changeJunction(group.junction());
        }
        parent.removeAt(at);
        List<FilterNodeViewModel> children = List.copyOf(group.children());
        for (int i = 0; i < children.size(); i++) {
            parent.insert(at + i, children.get(i));
        }
        edited(true);
    }

    /** Puts a condition first, ANDed with the whole filter (a join, which every row must meet). */
    public ConditionNodeViewModel addAndedFirst(Condition condition) {
        ConditionNodeViewModel node = new ConditionNodeViewModel(this, condition);
        GroupNodeViewModel r = root.get();
        if (r.junction() == Junction.OR && r.size() > 1) {
            GroupNodeViewModel and = new GroupNodeViewModel(this, Junction.AND);
            and.insert(0, node);
            and.insert(1, r);
            root.set(and);
        } else {
            r.changeJunction(Junction.AND);
            r.insert(0, node);
        }
        edited(true);
        return node;
    }

    /** Renames every condition's field (the fields became {@code table.field}, or plain again). */
    void renameFields(UnaryOperator<String> rename) {
        forEachCondition(root.get(), c -> {
            if (c.fieldProperty().get() != null) {
                c.rename(rename.apply(c.fieldProperty().get()));
            }
        });
    }

    /** Drops the conditions that name a table no longer queried, as field or as compared column. */
    void dropConditions(Predicate<ConditionNodeViewModel> drop) {
        forEachCondition(root.get(), c -> {
            if (drop.test(c)) {
                c.parent().ifPresent(p -> p.removeAt(p.indexOf(c)));
            }
        });
        edited(true);
    }

    /** True when the tree has the join {@code a = b} (either way round). */
    boolean hasJoin(JoinProposal p) {
        boolean[] found = {false};
        forEachCondition(root.get(), c -> {
            if (c.toFilter() instanceof Condition f && f.operator() == Operator.EQ
                    && f.value() instanceof FilterValue.Column col
                    && (p.childField().equals(f.field()) && p.parentField().equals(col.name())
                    || p.parentField().equals(f.field()) && p.childField().equals(col.name()))) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
