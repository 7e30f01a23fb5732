package dev.tablewright.core.filter;

import java.util.Locale;
import java.util.Optional;

/** The filter operators of section 5, with their aliases. */
public enum Operator {
    EQ("=", "eq", "is"),
    NE("<>", "ne", "isnot", "!="),
    GT(">", "gt"),
    GTE(">=", "gte"),
    LT("<", "lt"),
    LTE("<=", "lte"),
    CONTAINS("contains"),
    NOT_CONTAINS("notcontains"),
    STARTS_WITH("startswith"),
    ENDS_WITH("endswith"),
    BETWEEN("between"),
    NOT_BETWEEN("notbetween"),
    IN("in"),
    NOT_IN("notin");

    private final String[] aliases;

    Operator(String... aliases) {
        this.aliases = aliases;
    }

    /** The first alias: what the filter builder shows. */
    public String symbol() {
        return aliases[0];
    }

    public static Optional<Operator> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Operator op : values()) {
            for (String a : op.aliases) {
                if (a.equals(t)) {
                    return Optional.of(op);
                }
            }
        }
        return Optional.empty();
    }

    public boolean isTextMatch() {
        return this == CONTAINS || this == NOT_CONTAINS || this == STARTS_WITH || this == ENDS_WITH;
    }

    public boolean takesList() {
        return this == BETWEEN || this == NOT_BETWEEN || this == IN || this == NOT_IN;
    }
}
