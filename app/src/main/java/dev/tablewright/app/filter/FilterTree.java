package dev.tablewright.app.filter;

import java.util.List;
import java.util.Optional;

/**
 * The tree being edited, with the edits a person makes: add, remove, move, wrap in a group,
 * ungroup. Every edit keeps the tree one whose array means what the tree shows.
 */
public final class FilterTree {
    private FilterGroup root;

    public FilterTree(FilterGroup root) {
        this.root = root;
    }

    public static FilterTree of(Object filter) {
        return new FilterTree(FilterArrays.toTree(filter));
    }

    public FilterGroup root() {
        return root;
    }

    public List<Object> toArray() {
        return FilterArrays.toArray(root);
    }

    /** The group holding {@code node}; empty for the root (or a node not in the tree). */
    public Optional<FilterGroup> parentOf(FilterNode node) {
        return Optional.ofNullable(parentOf(root, node));
    }

    private static FilterGroup parentOf(FilterGroup group, FilterNode node) {
        for (FilterNode child : group.children()) {
            if (child == node) {
                return group;
            }
            if (child instanceof FilterGroup g) {
                FilterGroup found = parentOf(g, node);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** How deep a node sits: the root is 0. */
    public int depthOf(FilterNode node) {
        int depth = 0;
        for (Optional<FilterGroup> p = parentOf(node); p.isPresent(); p = parentOf(p.get())) {
            depth++;
        }
        return depth;
    }

    public FilterCondition addCondition(FilterGroup group) {
        FilterCondition c = FilterCondition.blank();
        group.add(c);
        return c;
    }

    /** A new group inside {@code group}, joined by the other word (a group of the same word would change nothing). */
    public FilterGroup addGroup(FilterGroup group) {
        FilterGroup g = new FilterGroup(other(group.junction()));
        group.add(g);
        return g;
    }

    /** Puts a condition first, ANDed with the whole filter (a join, which every row must meet). */
    public void addAndedFirst(FilterCondition condition) {
        if (root.junction() == FilterGroup.Junction.OR && root.children().size() > 1) {
            FilterGroup and = new FilterGroup(FilterGroup.Junction.AND);
            and.add(condition);
            and.add(root);
            root = and;
            return;
        }
        root.setJunction(FilterGroup.Junction.AND);
        root.add(0, condition);
    }

    public void remove(FilterNode node) {
        if (node == root) {
            root = new FilterGroup(FilterGroup.Junction.AND);
            return;
        }
        parentOf(node).ifPresent(p -> p.remove(p.indexOf(node)));
    }

    public boolean canMoveUp(FilterNode node) {
        return parentOf(node).map(p -> p.indexOf(node) > 0).orElse(false);
    }

    public boolean canMoveDown(FilterNode node) {
        return parentOf(node).map(p -> p.indexOf(node) < p.children().size() - 1).orElse(false);
    }

    public void moveUp(FilterNode node) {
        if (canMoveUp(node)) {
            FilterGroup p = parentOf(node).orElseThrow();
            int i = p.indexOf(node);
            p.move(i, i - 1);
        }
    }

    public void moveDown(FilterNode node) {
        if (canMoveDown(node)) {
            FilterGroup p = parentOf(node).orElseThrow();
            int i = p.indexOf(node);
            p.move(i, i + 1);
        }
    }

    /** True unless {@code target} is the node itself or inside it (a group cannot go into itself). */
    public boolean canMoveInto(FilterNode node, FilterGroup target) {
        if (node == root || node == target) {
            return false;
        }
        return !(node instanceof FilterGroup g) || !contains(g, target);
    }

    private static boolean contains(FilterGroup group, FilterNode node) {
        for (FilterNode child : group.children()) {
            if (child == node || child instanceof FilterGroup g && contains(g, node)) {
                return true;
            }
        }
        return false;
    }

    /** Moves a node to position {@code index} of {@code target} (what a drag and drop does). */
    public void move(FilterNode node, FilterGroup target, int index) {
        if (!canMoveInto(node, target)) {
            return;
        }
        FilterGroup from = parentOf(node).orElseThrow();
        int at = from.indexOf(node);
        int to = index;
        if (from == target) {
            from.move(at, Math.min(at < to ? to - 1 : to, from.children().size() - 1));
            return;
        }
        from.remove(at);
        target.add(Math.min(to, target.children().size()), node);
    }

    /**
     * Puts {@code node} alone in a new group where it stood, joined by the other word than its
     * parent's, ready for the alternatives or extra conditions a person wraps it to add.
     */
    public FilterGroup wrapInGroup(FilterNode node) {
        if (node == root) {
            FilterGroup wrapper = new FilterGroup(FilterGroup.Junction.AND);
            wrapper.add(root);
            root = wrapper;
            return wrapper;
        }
        FilterGroup parent = parentOf(node).orElseThrow();
        FilterGroup wrapper = new FilterGroup(other(parent.junction()));
        parent.set(parent.indexOf(node), wrapper);
        wrapper.add(node);
        return wrapper;
    }

    /**
     * Puts a group's nodes where the group stood. Alone in its parent, the parent takes the group's
     * word, so the filter means the same.
     */
    public void ungroup(FilterGroup group) {
        if (group == root) {
            if (root.children().size() == 1 && root.children().get(0) instanceof FilterGroup only) {
                root = only;
            }
            return;
        }
        FilterGroup parent = parentOf(group).orElseThrow();
        int at = parent.indexOf(group);
        if (parent.children().size() == 1) {
            parent.setJunction(group.junction());
        }
        parent.remove(at);
        List<FilterNode> children = List.copyOf(group.children());
        for (int i = 0; i < children.size(); i++) {
            parent.add(at + i, children.get(i));
        }
    }

    private static FilterGroup.Junction other(FilterGroup.Junction j) {
        return j == FilterGroup.Junction.AND ? FilterGroup.Junction.OR : FilterGroup.Junction.AND;
    }
}
