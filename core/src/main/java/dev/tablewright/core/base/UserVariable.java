package dev.tablewright.core.base;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code $USER}: a value that is exactly this, at any depth of maps and lists, is the current user (contract section 7). */
public final class UserVariable {
    public static final String NAME = "$USER";

    private UserVariable() {
    }

    /** Is there a value that is exactly {@code $USER} in the value, its maps or its lists? */
    public static boolean mentioned(Object value) {
        if (value instanceof String s) {
            return s.equals(NAME);
        }
        if (value instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                if (mentioned(v)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof List<?> l) {
            for (Object v : l) {
                if (mentioned(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy of the value with every value that is exactly {@code $USER} replaced by {@code user}. */
    public static Object replaced(Object value, String user) {
        if (NAME.equals(value)) {
            return user;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), replaced(v, user)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(replaced(v, user)));
            return out;
        }
        return value;
    }
}
