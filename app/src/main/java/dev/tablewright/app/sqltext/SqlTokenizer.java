package dev.tablewright.app.sqltext;

import dev.tablewright.core.lex.SqlFlavor;
import dev.tablewright.core.lex.SqlLexer;
import dev.tablewright.core.lex.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits SQL text into the tokens an editor colours: a pure function that never throws. The tokens
 * are the core's {@link SqlLexer} ones (the lexer under the script splitter), named for colouring:
 * {@code ''} doubles a quote everywhere; MySQL strings also take backslash escapes and its
 * {@code "..."} is a string (no ANSI_QUOTES), while SQLite and PostgreSQL read {@code "..."} as a
 * name; {@code `name`} in MySQL and SQLite, {@code [name]} in SQLite; PostgreSQL's
 * {@code E'...'} (backslash escapes), {@code $$...$$} / {@code $tag$...$tag$} and nested block
 * comments; MySQL's {@code #} comments and {@code --} only before whitespace. Whitespace is not a
 * token; an unterminated string or comment runs to the end of the text.
 */
public final class SqlTokenizer {

    /** What a token is, which decides its colour. */
    public enum Kind {
        KEYWORD("sql-keyword"),
        IDENTIFIER("sql-identifier"),
        QUOTED_IDENTIFIER("sql-quoted-identifier"),
        STRING("sql-string"),
        NUMBER("sql-number"),
        COMMENT("sql-comment"),
        PARAMETER("sql-parameter"),
        BRACKET("sql-bracket"),
        OPERATOR("sql-operator"),
        PUNCTUATION("sql-punctuation");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        /** The CSS class {@code sql-highlighting.css} colours. */
        public String styleClass() {
            return styleClass;
        }
    }

    /** A token: {@code text.substring(start, end)} is of kind {@code kind}. */
    public record Token(Kind kind, int start, int end) {
        public String text(String source) {
            return source.substring(start, end);
        }
    }

    /** Reserved and common words of the three dialects, types included; function names stay identifiers. */
    static final Set<String> KEYWORDS = Set.of(
            "ADD", "ALL", "ALTER", "ANALYZE", "AND", "ANY", "AS", "ASC", "AUTOINCREMENT", "AUTO_INCREMENT", "BEGIN",
            "BETWEEN", "BIGINT", "BINARY", "BLOB", "BOOLEAN", "BOTH", "BY", "CASCADE", "CASE", "CAST", "CHAR", "CHECK",
            "COLLATE", "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "DATABASE", "DATE", "DATETIME", "DECIMAL", "DEFAULT", "DEFERRABLE", "DELETE", "DESC",
            "DESCRIBE", "DISTINCT", "DO", "DOUBLE", "DROP", "EACH", "ELSE", "END", "ESCAPE", "EXCEPT", "EXISTS", "EXPLAIN",
            "FALSE", "FETCH", "FILTER", "FIRST", "FLOAT", "FOR", "FOREIGN", "FROM", "FULL", "FUNCTION", "GLOB", "GRANT",
            "GROUP", "HAVING", "IF", "IGNORE", "ILIKE", "IN", "INDEX", "INNER", "INSERT", "INT", "INTEGER", "INTERSECT",
            "INTERVAL", "INTO", "IS", "ISNULL", "JOIN", "JSON", "JSONB", "KEY", "LAST", "LATERAL", "LEADING", "LEFT",
            "LIKE", "LIMIT", "LONGTEXT", "MATERIALIZED", "MERGE", "NATURAL", "NOT", "NOTNULL", "NULL", "NULLS", "NUMERIC",
            "OF", "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION", "PRAGMA", "PRIMARY", "PROCEDURE", "REAL",
            "RECURSIVE", "REFERENCES", "REGEXP", "RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RETURNS",
            "REVOKE", "RIGHT", "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SCHEMA", "SELECT", "SEQUENCE", "SET", "SHOW",
            "SMALLINT", "SOME", "START", "TABLE", "TEMP", "TEMPORARY", "TEXT", "THEN", "TIME", "TIMESTAMP",
            "TIMESTAMPTZ", "TO", "TRAILING", "TRANSACTION", "TRIGGER", "TRUE", "TRUNCATE", "UNION", "UNIQUE", "UNSIGNED",
            "UPDATE", "USING", "VACUUM", "VALUES", "VARCHAR", "VIEW", "WHEN", "WHERE", "WINDOW", "WITH", "WITHOUT");

    private SqlTokenizer() {
    }

    /** The tokens of {@code text} in order; never null, never throws. */
    public static List<Token> tokenize(String text, SqlFlavor flavor) {
        String source = text == null ? "" : text;
        List<Token> out = new ArrayList<>();
        for (SqlToken t : SqlLexer.tokens(source, flavor)) {
            out.add(new Token(kindOf(t, source), t.start(), t.end()));
        }
        return out;
    }

    /** Whether {@code word} is a keyword the tokenizer colours (any case). */
    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    private static Kind kindOf(SqlToken t, String source) {
        return switch (t.kind()) {
            case WORD -> isKeyword(t.text(source)) && !(t.start() > 0 && source.charAt(t.start() - 1) == '.')
                    ? Kind.KEYWORD : Kind.IDENTIFIER;
            case QUOTED_NAME -> Kind.QUOTED_IDENTIFIER;
            case STRING -> Kind.STRING;
            case NUMBER -> Kind.NUMBER;
            case LINE_COMMENT, BLOCK_COMMENT, EXECUTABLE_COMMENT -> Kind.COMMENT;
            case PARAMETER -> Kind.PARAMETER;
            case OPEN, CLOSE -> Kind.BRACKET;
            case PUNCTUATION, TERMINATOR -> Kind.PUNCTUATION;
            case OPERATOR -> Kind.OPERATOR;
        };
    }
}
