package dev.tablewright.app.filter;

import dev.tablewright.core.filter.Operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Between the portable filter array (CONNECTOR.md section 5) and the builder's tree. Reading and
 * writing back gives the same array: operators and words keep their spelling, adjacent items
 * stay adjacent, an AND run inside an OR array stays unbracketed, and a bare condition stays bare.
 */
public final class FilterArrays {
    private FilterArrays() {
    }

    /** The tree of a filter array; null and {@code []} give an empty group (every row). */
    public static FilterGroup toTree(Object filter) {
        if (filter == null) {
            return new FilterGroup(FilterGroup.Junction.AND);
        }
        if (!(filter instanceof List<?> list)) {
            throw new InvalidFilterException("filter", "a filter is an array: [field, operator, value] or conditions joined by 'and'/'or'");
        }
        if (list.isEmpty()) {
            return new FilterGroup(FilterGroup.Junction.AND);
        }
        if (isCondition(list, "filter")) {
            FilterGroup root = new FilterGroup(FilterGroup.Junction.AND);
            root.addRead(null, condition(list, "filter"));
            root.markBare();
            return root;
        }
        return group(list, "filter");
    }

    /** The filter array of a tree; empty groups and conditions without a field are left out. */
    public static List<Object> toArray(FilterGroup root) {
        if (root.isBare() && root.children().size() == 1 && root.children().get(0) instanceof FilterCondition c && c.isComplete()) {
            return c.toArray();
        }
        return items(root);
    }

    private static List<Object> items(FilterGroup group) {
        List<Object> out = new ArrayList<>();
        List<FilterNode> children = group.children();
        for (int i = 0; i < children.size(); i++) {
            List<Object> emitted = emit(children.get(i), group);
            if (emitted.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                String word = group.wordBefore(i);
                if (word != null) {
                    out.add(word);
                }
            }
            out.addAll(emitted);
        }
        return out;
    }

    private static List<Object> emit(FilterNode node, FilterGroup parent) {
        if (node instanceof FilterCondition c) {
            return c.isComplete() ? List.of(c.toArray()) : List.of();
        }
        FilterGroup g = (FilterGroup) node;
        List<Object> inner = items(g);
        if (inner.isEmpty()) {
            return List.of();
        }
        if (g.isImplicit() && g.junction() == FilterGroup.Junction.AND && parent.junction() == FilterGroup.Junction.OR) {
            return inner;
        }
        List<Object> bracketed = new ArrayList<>(1);
        bracketed.add(inner);
        return bracketed;
    }

    private static FilterGroup group(List<?> list, String at) {
        List<FilterNode> items = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        String pendingWord = null;
        boolean expectItem = true;
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String here = at + "[" + i + "]";
            if (item instanceof String word) {
                String w = word.trim().toLowerCase(Locale.ROOT);
                if (!w.equals("and") && !w.equals("or")) {
                    throw new InvalidFilterException(here, "expected 'and', 'or' or a condition, got '" + word + "'");
                }
                if (expectItem) {
                    throw new InvalidFilterException(here, "'" + w + "' must stand between two conditions");
                }
                pendingWord = word;
                expectItem = true;
            } else if (item instanceof List<?> sub) {
                if (sub.isEmpty()) {
                    throw new InvalidFilterException(here, "an empty condition");
                }
                if (!items.isEmpty()) {
                    gaps.add(pendingWord);
                }
                items.add(isCondition(sub, here) ? condition(sub, here) : group(sub, here));
                pendingWord = null;
                expectItem = false;
            } else {
                throw new InvalidFilterException(here, "expected a condition [field, operator, value], got " + item);
            }
        }
        if (expectItem) {
            throw new InvalidFilterException(at + "[" + (list.size() - 1) + "]", "the filter ends with 'and'/'or'");
        }
        boolean hasOr = gaps.stream().anyMatch(w -> FilterGroup.Junction.of(w) == FilterGroup.Junction.OR);
        if (!hasOr) {
            FilterGroup g = new FilterGroup(FilterGroup.Junction.AND);
            for (int i = 0; i < items.size(); i++) {
                g.addRead(i == 0 ? null : gaps.get(i - 1), items.get(i));
            }
            return g;
        }
        FilterGroup or = new FilterGroup(FilterGroup.Junction.OR);
        FilterGroup run = new FilterGroup(FilterGroup.Junction.AND);
        run.markImplicit();
        String orWord = null;
        for (int i = 0; i < items.size(); i++) {
            String gap = i == 0 ? null : gaps.get(i - 1);
            if (i > 0 && FilterGroup.Junction.of(gap) == FilterGroup.Junction.OR) {
                or.addRead(orWord, single(run));
                orWord = gap;
                run = new FilterGroup(FilterGroup.Junction.AND);
                run.markImplicit();
                gap = null;
            }
            run.addRead(gap, items.get(i));
        }
        or.addRead(orWord, single(run));
        return or;
    }

    /** A run of one item is that item; the tree needs no group around it. */
    private static FilterNode single(FilterGroup run) {
        return run.children().size() == 1 ? run.children().get(0) : run;
    }

    private static boolean isCondition(List<?> list, String at) {
        if (!(list.get(0) instanceof String first)) {
            return false;
        }
        String w = first.trim().toLowerCase(Locale.ROOT);
        if (w.equals("and") || w.equals("or")) {
            return false;
        }
        if (list.size() != 3) {
            throw new InvalidFilterException(at, "a condition has three parts [field, operator, value], this one has " + list.size());
        }
        if (!(list.get(1) instanceof String op)) {
            throw new InvalidFilterException(at + "[1]", "the operator must be text such as '=' or 'contains'");
        }
        if (Operator.parse(op).isEmpty()) {
            throw new InvalidFilterException(at + "[1]", "unknown operator '" + op + "'. Known: = eq is, <> ne isnot, > gt, >= gte, < lt, <= lte, "
                    + "contains, notcontains, startswith, endswith, between, notbetween, in, notin");
        }
        return true;
    }

    private static FilterCondition condition(List<?> c, String at) {
        Operator op = Operator.parse((String) c.get(1)).orElseThrow();
        Object value = c.get(2);
        if (op.takesList() && !(value instanceof List<?>)) {
            throw new InvalidFilterException(at + "[2]", "'" + op.symbol() + "' takes an array of values");
        }
        if (!op.takesList() && (value instanceof List<?> || value instanceof Map<?, ?>)) {
            throw new InvalidFilterException(at + "[2]", "'" + op.symbol() + "' compares with one value, not an array or object");
        }
        if ((op == Operator.BETWEEN || op == Operator.NOT_BETWEEN) && ((List<?>) value).size() != 2) {
            throw new InvalidFilterException(at + "[2]", "'" + op.symbol() + "' takes two values [low, high]");
        }
        return new FilterCondition((String) c.get(0), (String) c.get(1), value instanceof List<?> l ? new ArrayList<>(l) : value);
    }
}
