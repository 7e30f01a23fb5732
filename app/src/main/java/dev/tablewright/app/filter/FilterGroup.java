package dev.tablewright.app.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Nodes joined by one word, AND or OR. Within one array AND binds tighter than OR, so
 * {@code [a, 'or', b, 'and', c]} reads as a group OR of {@code a} and an <em>implicit</em> AND
 * group of {@code b, c}: the tree shows that grouping, and the array keeps it unbracketed.
 */
public final class FilterGroup implements FilterNode {

    /** The word that joins a group's nodes. */
    public enum Junction {
        AND, OR;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Junction of(String word) {
            return word != null && word.trim().equalsIgnoreCase("or") ? OR : AND;
        }
    }

    private Junction junction;
    private final List<FilterNode> children = new ArrayList<>();
    /** The word as written between child i and i+1; null where the array had none (adjacent items are ANDed). */
    private final List<String> words = new ArrayList<>();
    private boolean implicit;
    private boolean bare;

    public FilterGroup(Junction junction) {
        this.junction = junction;
    }

    public Junction junction() {
        return junction;
    }

    /** Joins the nodes with the other word; each gap is then spelled the plain way. */
    public void setJunction(Junction junction) {
        if (this.junction != junction) {
            this.junction = junction;
            Collections.fill(words, junction.word());
            implicit = false;
        }
    }

    public List<FilterNode> children() {
        return Collections.unmodifiableList(children);
    }

    public boolean isEmpty() {
        return children.isEmpty();
    }

    /**
     * True for an AND run inside an OR array, which the array writes without brackets: the
     * grouping comes from AND binding tighter.
     */
    public boolean isImplicit() {
        return implicit;
    }

    void markImplicit() {
        implicit = true;
    }

    /** True for a filter written as one bare condition {@code [f, op, v]} rather than a list of them. */
    boolean isBare() {
        return bare;
    }

    void markBare() {
        bare = true;
    }

    public void add(FilterNode node) {
        add(children.size(), node);
    }

    public void add(int index, FilterNode node) {
        if (!children.isEmpty()) {
            words.add(Math.min(index, words.size()), junction.word());
        }
        children.add(index, node);
    }

    /** Adds a child with the word written before it (null: none). Used while reading an array. */
    void addRead(String wordBefore, FilterNode node) {
        if (!children.isEmpty()) {
            words.add(wordBefore);
        }
        children.add(node);
    }

    public FilterNode remove(int index) {
        if (!words.isEmpty()) {
            words.remove(index == 0 ? 0 : index - 1);
        }
        return children.remove(index);
    }

    public int indexOf(FilterNode node) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) == node) {
                return i;
            }
        }
        return -1;
    }

    /** Moves the child at {@code from} to {@code to}; the words between stay where they are. */
    public void move(int from, int to) {
        FilterNode node = children.remove(from);
        children.add(to, node);
    }

    public void set(int index, FilterNode node) {
        children.set(index, node);
    }

    /** The word to write before child {@code index}: as written when it fits the junction, else the plain one. */
    String wordBefore(int index) {
        String w = words.get(index - 1);
        if (w == null) {
            return junction == Junction.AND ? null : junction.word();
        }
        return Junction.of(w) == junction ? w : junction.word();
    }

    @Override
    public FilterGroup copy() {
        FilterGroup g = new FilterGroup(junction);
        for (FilterNode child : children) {
            g.children.add(child.copy());
        }
        g.words.addAll(words);
        g.implicit = implicit;
        g.bare = bare;
        return g;
    }

    @Override
    public String toString() {
        return (implicit ? "implicit " : "") + junction + children;
    }
}
