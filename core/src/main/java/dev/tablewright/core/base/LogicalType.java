package dev.tablewright.core.base;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

import java.util.Locale;

/** The logical field types of the contract (section 3); {@code uniquestring}/{@code uniqueinteger} are {@link #STRING}/{@link #INTEGER} plus unique. */
public enum LogicalType {
    STRING, TEXT, INTEGER, NUMBER, BOOLEAN, DATE, JSON, JSONB, FILE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isJson() {
        return this == JSON || this == JSONB;
    }

    public boolean isTextual() {
        return this == STRING || this == TEXT;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == NUMBER;
    }

    /** Parses a type name; returns the type and whether the name implied UNIQUE. */
    public static Parsed parse(String name) {
        if (name == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "A field needs a type: one of " + names() + ".");
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "uniquestring" -> new Parsed(STRING, true);
            case "uniqueinteger" -> new Parsed(INTEGER, true);
            default -> {
                for (LogicalType t : values()) {
                    if (t.id().equals(n)) {
                        yield new Parsed(t, false);
                    }
                }
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT,
                        "Unknown field type '" + name + "'. Known types: " + names() + ".");
            }
        };
    }

    private static String names() {
        return "string, text, integer, number, boolean, date, json, jsonb, file, uniquestring, uniqueinteger";
    }

    public record Parsed(LogicalType type, boolean unique) {
    }
}
