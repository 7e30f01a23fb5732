package dev.tablewright.core.filter;

import dev.tablewright.core.base.Names;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.Filter.Group;
import dev.tablewright.core.filter.Filter.Junction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one reader of filter arrays (section 5). Everything about the array's shape is checked
 * here, with the position of the wrong part; what needs the tables (field names, value types)
 * is left to the compiler.
 */
final class FilterParser {
    private static final String OPERATORS = "= eq is, <> ne isnot, > gt, >= gte, < lt, <= lte, "
            + "contains, notcontains, startswith, endswith, between, notbetween, in, notin";

    private FilterParser() {
    }

    static Filter parse(Object array) {
        if (array == null) {
            return Filter.none();
        }
        if (array instanceof Filter f) {
            return f;
        }
        if (!(array instanceof List<?> list)) {
            throw FilterException.invalid("filter", "a filter is an array: [field, operator, value] or conditions joined by 'and'/'or'");
        }
        if (list.isEmpty()) {
            return Filter.none();
        }
        return isCondition(list, "filter") ? condition(list, "filter") : group(list, "filter");
    }

    private static Group group(List<?> list, String at) {
        List<Filter> items = new ArrayList<>();
        List<String> words = new ArrayList<>();
        String word = null;
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String here = at + "[" + i + "]";
            if (item instanceof String w) {
                if (Junction.of(w).isEmpty()) {
                    throw FilterException.invalid(here, "expected 'and', 'or' or a condition, got '" + Names.printable(w) + "'");
                }
                if (items.isEmpty() || word != null) {
                    throw FilterException.invalid(here, "'" + Names.printable(w.trim()) + "' must stand between two conditions");
                }
                word = w;
            } else if (item instanceof List<?> sub) {
                if (!items.isEmpty() && word == null) {
                    // Issue 11 overrides decision 0003: the contract joins conditions with a word.
                    throw FilterException.invalid(here, "conditions are joined by 'and' or 'or'; put one before this one");
                }
                if (sub.isEmpty()) {
                    throw FilterException.invalid(here, "an empty condition");
                }
                if (word != null) {
                    words.add(word);
                }
                items.add(isCondition(sub, here) ? condition(sub, here) : group(sub, here));
                word = null;
            } else {
                throw FilterException.invalid(here, "expected a condition [field, operator, value], got " + Names.printable(String.valueOf(item)));
            }
        }
        if (word != null) {
            throw FilterException.invalid(at + "[" + (list.size() - 1) + "]", "the filter ends with 'and'/'or'");
        }
        if (words.stream().noneMatch(w -> Junction.of(w).orElseThrow() == Junction.OR)) {
            return new Group(Junction.AND, items, words, false);
        }
        // AND binds tighter than OR: each run of ANDed items is one item of the OR group.
        List<Filter> ors = new ArrayList<>();
        List<String> orWords = new ArrayList<>();
        List<Filter> run = new ArrayList<>(List.of(items.get(0)));
        List<String> runWords = new ArrayList<>();
        for (int i = 1; i < items.size(); i++) {
            String w = words.get(i - 1);
            if (Junction.of(w).orElseThrow() == Junction.OR) {
                ors.add(run(run, runWords));
                orWords.add(w);
                run = new ArrayList<>();
                runWords = new ArrayList<>();
            } else {
                runWords.add(w);
            }
            run.add(items.get(i));
        }
        ors.add(run(run, runWords));
        return new Group(Junction.OR, ors, orWords, false);
    }

    /** A run of one item is that item; of several, an AND group written without brackets. */
    private static Filter run(List<Filter> items, List<String> words) {
        return items.size() == 1 ? items.get(0) : new Group(Junction.AND, items, words, true);
    }

    private static boolean isCondition(List<?> list, String at) {
        if (!(list.get(0) instanceof String first) || Junction.of(first).isPresent()) {
            return false;
        }
        if (list.size() != 3) {
            throw FilterException.invalid(at, "a condition has three parts [field, operator, value], this one has " + list.size());
        }
        if (!(list.get(1) instanceof String op)) {
            throw FilterException.invalid(at + "[1]", "the operator must be text such as '=' or 'contains'");
        }
        if (Operator.parse(op).isEmpty()) {
            throw FilterException.invalid(at + "[1]", "unknown operator '" + Names.printable(op) + "'. Known: " + OPERATORS);
        }
        return true;
    }

    private static Condition condition(List<?> c, String at) {
        String spelling = (String) c.get(1);
        Operator op = Operator.parse(spelling).orElseThrow();
        Object value = c.get(2);
        String valueAt = at + "[2]";
        if (op.takesList()) {
            if (!(value instanceof List<?> values)) {
                throw FilterException.invalid(valueAt, "'" + op.symbol() + "' takes an array of values");
            }
            if (op == Operator.BETWEEN || op == Operator.NOT_BETWEEN) {
                if (values.size() != 2) {
                    throw FilterException.invalid(valueAt, "'" + op.symbol() + "' takes two values [low, high]");
                }
                if (values.stream().anyMatch(Objects::isNull)) {
                    throw FilterException.invalid(valueAt, "'" + op.symbol() + "' needs two non-null values");
                }
            }
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v != null && !FilterValue.isScalar(v)) {
                    throw FilterException.invalid(valueAt + "[" + i + "]", "a value of '" + op.symbol() + "' is text, a number, true/false or null");
                }
            }
            return new Condition((String) c.get(0), op, spelling, new FilterValue.Items(values.stream().map(v -> (Object) v).toList()));
        }
        if (value instanceof List<?> || value instanceof Map<?, ?> || value != null && !FilterValue.isScalar(value)) {
            throw FilterException.invalid(valueAt, "'" + op.symbol() + "' compares with one value, not an array or object");
        }
        return new Condition((String) c.get(0), op, spelling, FilterValue.of(value));
    }
}
