package dev.tablewright.core.dialect;

import dev.tablewright.core.base.Dates;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.lex.SqlFlavor;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** One facet of {@link Dialect}: SQL text that differs by dialect: quoting, placeholders, literals, expressions and statement shapes. Names are passed plain and quoted here; parameters called {@code column} or {@code expression} are SQL expressions already made by this facet. */
public sealed interface SqlSyntax permits Dialect, ValueCodec, DdlWriter, BulkWrites, HistoryCapture, CatalogReader, ErrorMapping {

    /** sqlite, postgres, mysql or mariadb. */
    String name();

    char identifierQuote();

    /** Quotes a name, doubling the quote character inside it. The only way a name enters SQL text. */
    default String quoteIdentifier(String identifier) {
        String q = String.valueOf(identifierQuote());
        return q + identifier.replace(q, q + q) + q;
    }

    /** The placeholder for a value of this type ({@code ?}, or a cast around it). */
    default String placeholder(LogicalType type) {
        return "?";
    }

    /**
     * A value of a logical type as SQL literal text, for scripts a person copies (the grid's "copy as
     * INSERT"); never used for statements the workbench runs, which bind every value. Text has its
     * quote character doubled; dates are UTC.
     */
    default String literal(LogicalType type, Object value) {
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case INTEGER, NUMBER -> value instanceof Number ? value.toString() : quoteText(String.valueOf(value));
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "TRUE" : "FALSE";
            case DATE -> quoteText(value instanceof Instant i ? Dates.store(i) : String.valueOf(value));
            case JSON, JSONB -> quoteText(value instanceof String s ? s : Json.write(value));
            case FILE -> "X'" + HexFormat.of().formatHex((byte[]) value) + "'";
            case STRING, TEXT -> quoteText(String.valueOf(value));
        };
    }

    /** A text literal: the value between single quotes, each quote doubled. */
    default String quoteText(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** How the comparison of an instant works: the bound representation of a date. */
    default Object dateParam(Instant instant) {
        return instant;
    }

    /**
     * Whether '=' on text ignores trailing spaces (PAD SPACE collations: MariaDB and MySQL take
     * {@code 'x '} as equal to {@code 'x'}, on every table another tool made with their default
     * collations). Filters then compare the {@link #unpadded} forms too, so the same call finds
     * the same rows on every dialect.
     */
    default boolean padsTrailingSpaces() {
        return false;
    }

    /** A text expression with one character after it, so that its trailing spaces are no longer trailing; bound values get {@link #unpaddedValue}. */
    default String unpadded(String expression) {
        return expression;
    }

    /** A value as {@link #unpadded} makes the text equal to it. */
    default String unpaddedValue(String value) {
        return value;
    }

    /**
     * A date column as a comparable expression. Columns the workbench wrote hold one fixed format;
     * columns of other tools may not (SQLite: '2009-01-01 00:00:00'), so those are normalized.
     */
    default String comparableDate(String column, boolean writtenByWorkbench) {
        return column;
    }

    /** SQL of a lower-cased text expression, for case-insensitive matching. */
    default String lower(String expression) {
        return "LOWER(" + expression + ")";
    }

    /**
     * An expression reading a JSON path of a json/jsonb column, typed by the kind of value it is
     * compared with; yields NULL when the path is missing or holds another kind.
     */
    SqlStatement jsonValue(String column, LogicalType columnType, List<String> path, JsonKind kind);

    /** Can a JSON path address this key? (MariaDB's path parser cannot read keys beginning with '-'.) */
    default boolean supportsJsonKey(String key) {
        return true;
    }

    /** A condition true when the JSON path is missing or holds JSON null. */
    SqlStatement jsonIsNull(String column, LogicalType columnType, List<String> path);

    enum JsonKind { NUMBER, STRING, BOOLEAN }

    /**
     * INSERT … ON CONFLICT / ON DUPLICATE KEY: inserts {@code columns}, and on a conflict on
     * {@code keyColumns} updates {@code updateColumns} from the inserted values.
     */
    String upsert(String table, List<String> columns, List<String> placeholders, List<String> keyColumns, List<String> updateColumns);

    /** What LIMIT takes to mean "no limit" when only an OFFSET is given. */
    String noLimit();

    /** Can INSERT … RETURNING give back a generated key? */
    boolean supportsReturning();

    /** An INSERT of a row with every column at its default. */
    default String insertDefaultValues(String table) {
        return "INSERT INTO " + quoteIdentifier(table) + " DEFAULT VALUES";
    }

    /** Row lock clause for a read that is followed by a write in the same transaction. */
    default String forUpdate() {
        return " FOR UPDATE";
    }

    SqlFlavor scriptFlavor();
}
