package dev.tablewright.core.base;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import org.modeshape.common.text.Inflector;

import java.util.Optional;
import java.util.regex.Pattern;

/** The naming rules of section 2 of the contract. */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    private static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");

    private Names() {
    }

    /** Refuses a name a new table or field cannot have, before any SQL runs. */
    public static void requireValidNew(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new TablewrightException(ErrorCode.INVALID_NAME, "'" + printable(name) + "' is not a valid " + kind
                    + " name: use letters, digits and _, start with a letter, at most 63 characters (camelCase, e.g. orderItems).");
        }
    }

    /** A warning for names that are valid but not camelCase. */
    public static Optional<String> styleWarning(String kind, String name) {
        return CAMEL.matcher(name).matches() ? Optional.empty()
                : Optional.of("The " + kind + " name '" + name + "' is not camelCase; the convention is e.g. 'firstName'.");
    }

    private static final Inflector INFLECTOR = Inflector.getInstance();

    /** The singular of a table name, by English rules: categories → category, people → person. */
    public static String singular(String table) {
        String s = INFLECTOR.singularize(table);
        return s == null || s.isEmpty() ? table : s;
    }

    /** The plural of a table name, by English rules: Track → Tracks, category → categories; a plural stays one. */
    public static String plural(String table) {
        String p = INFLECTOR.pluralize(table);
        return p == null || p.isEmpty() ? table : p;
    }

    /** The foreign-key field for a parent table, or a PascalCase role: categories → categoryId, Owner → ownerId. */
    public static String foreignKeyField(String parentTable, String role) {
        String base = role != null && !role.isEmpty() ? role : singular(parentTable);
        return Character.toLowerCase(base.charAt(0)) + base.substring(1) + "Id";
    }

    /** The role a foreign-key field stands for, when it is not the parent's default name. */
    public static Optional<String> roleOf(String field, String parentTable) {
        if (!field.endsWith("Id") || field.length() < 3 || field.equals(foreignKeyField(parentTable, null))) {
            return Optional.empty();
        }
        String base = field.substring(0, field.length() - 2);
        return Optional.of(Character.toUpperCase(base.charAt(0)) + base.substring(1));
    }

    /** A name shortened and with control characters shown, for messages. */
    public static String printable(String name) {
        if (name == null) {
            return "null";
        }
        String s = name.length() > 80 ? name.substring(0, 77) + "..." : name;
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
