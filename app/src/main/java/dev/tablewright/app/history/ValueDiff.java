package dev.tablewright.app.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two versions of a record compared field by field; a JSON object or array is compared member by
 * member, so a change deep inside a document shows as a tree down to the member that changed.
 */
public record ValueDiff(String name, String path, Kind kind, Object left, Object right, List<ValueDiff> children) {

    /** How a field (or JSON member) differs between the left and the right version. */
    public enum Kind {
        SAME, CHANGED, ADDED, REMOVED;

        public boolean differs() {
            return this != SAME;
        }
    }

    public ValueDiff {
        children = List.copyOf(children);
    }

    /** {@code left} and {@code right} are whole rows (null: the record did not exist there); fields keep the left row's order. */
    public static List<ValueDiff> compare(Map<String, ?> left, Map<String, ?> right) {
        return members("", left == null ? Map.of() : left, right == null ? Map.of() : right, left != null, right != null);
    }

    /** The top-level fields that differ, in order. */
    public static List<String> changedFields(Map<String, ?> left, Map<String, ?> right) {
        return compare(left, right).stream().filter(d -> d.kind().differs()).map(ValueDiff::name).toList();
    }

    private static List<ValueDiff> members(String prefix, Map<String, ?> left, Map<String, ?> right, boolean leftExists, boolean rightExists) {
        Set<String> names = new LinkedHashSet<>(left.keySet());
        names.addAll(right.keySet());
        List<ValueDiff> out = new ArrayList<>();
        for (String name : names) {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            boolean inLeft = leftExists && left.containsKey(name);
            boolean inRight = rightExists && right.containsKey(name);
            out.add(of(name, path, left.get(name), right.get(name), inLeft, inRight));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static ValueDiff of(String name, String path, Object left, Object right, boolean inLeft, boolean inRight) {
        if (!inLeft) {
            return new ValueDiff(name, path, Kind.ADDED, null, right, List.of());
        }
        if (!inRight) {
            return new ValueDiff(name, path, Kind.REMOVED, left, null, List.of());
        }
        if (left instanceof Map<?, ?> l && right instanceof Map<?, ?> r) {
            List<ValueDiff> children = members(path, (Map<String, ?>) l, (Map<String, ?>) r, true, true);
            return new ValueDiff(name, path, anyDiffers(children) ? Kind.CHANGED : Kind.SAME, left, right, children);
        }
        if (left instanceof List<?> l && right instanceof List<?> r) {
            List<ValueDiff> children = new ArrayList<>();
            for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
                children.add(of("[" + i + "]", path + "[" + i + "]", i < l.size() ? l.get(i) : null, i < r.size() ? r.get(i) : null,
                        i < l.size(), i < r.size()));
            }
            return new ValueDiff(name, path, anyDiffers(children) ? Kind.CHANGED : Kind.SAME, left, right, children);
        }
        return new ValueDiff(name, path, same(left, right) ? Kind.SAME : Kind.CHANGED, left, right, List.of());
    }

    private static boolean anyDiffers(List<ValueDiff> children) {
        return children.stream().anyMatch(c -> c.kind().differs());
    }

    /** Equal as values: drivers hand back the same number as Integer, Long or BigDecimal, and files as byte arrays. */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            try {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            } catch (NumberFormatException notFinite) {
                return x.doubleValue() == y.doubleValue() || Double.isNaN(x.doubleValue()) && Double.isNaN(y.doubleValue());
            }
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return a.equals(b);
    }
}
