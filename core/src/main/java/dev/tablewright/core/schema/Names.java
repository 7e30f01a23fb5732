package dev.tablewright.core.schema;

import dev.tablewright.core.ErrorCode;
import dev.tablewright.core.TablewrightException;

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

    public static boolean isInternal(String name) {
        return name.startsWith("__");
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
