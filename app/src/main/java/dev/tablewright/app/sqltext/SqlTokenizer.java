package dev.tablewright.app.sqltext;

import dev.tablewright.core.lex.SqlFlavor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits SQL text into the tokens an editor colours: a pure function, one left-to-right pass that
 * never throws. It follows the lexical rules of each dialect as {@code ScriptSplitter} does:
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
        return new Lexer(text == null ? "" : text, flavor).run();
    }

    /** Whether {@code word} is a keyword the tokenizer colours (any case). */
    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    private static final class Lexer {
        private final String s;
        private final int n;
        private final boolean pg;
        private final boolean mysql;
        private final boolean sqlite;
        private final List<Token> out = new ArrayList<>();

        Lexer(String s, SqlFlavor flavor) {
            this.s = s;
            this.n = s.length();
            this.pg = flavor == SqlFlavor.POSTGRES;
            this.mysql = flavor == SqlFlavor.MYSQL;
            this.sqlite = flavor == SqlFlavor.SQLITE;
        }

        List<Token> run() {
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                i = next(i, c);
            }
            return out;
        }

        private int emit(Kind kind, int start, int end) {
            out.add(new Token(kind, start, end));
            return end;
        }

        private int next(int i, char c) {
            char d = i + 1 < n ? s.charAt(i + 1) : 0;
            switch (c) {
                case '\'':
                    return emit(Kind.STRING, i, quoted(i, '\'', mysql));
                case '"':
                    return mysql ? emit(Kind.STRING, i, quoted(i, '"', true)) : emit(Kind.QUOTED_IDENTIFIER, i, quoted(i, '"', false));
                case '`':
                    if (mysql || sqlite) {
                        return emit(Kind.QUOTED_IDENTIFIER, i, quoted(i, '`', false));
                    }
                    break;
                case '[':
                    if (sqlite) {
                        int close = s.indexOf(']', i + 1);
                        return emit(Kind.QUOTED_IDENTIFIER, i, close < 0 ? n : close + 1);
                    }
                    return emit(Kind.BRACKET, i, i + 1);
                case '-':
                    if (d == '-' && (!mysql || i + 2 >= n || Character.isWhitespace(s.charAt(i + 2)))) {
                        return emit(Kind.COMMENT, i, lineEnd(i));
                    }
                    break;
                case '#':
                    if (mysql) {
                        return emit(Kind.COMMENT, i, lineEnd(i));
                    }
                    break;
                case '/':
                    if (d == '*') {
                        return emit(Kind.COMMENT, i, blockComment(i));
                    }
                    break;
                case '$':
                    if (pg) {
                        int end = dollarQuote(i);
                        if (end > i) {
                            return emit(Kind.STRING, i, end);
                        }
                        if (Character.isDigit(d)) {
                            return emit(Kind.PARAMETER, i, digitsEnd(i + 1));
                        }
                    }
                    break;
                case '?':
                    return emit(Kind.PARAMETER, i, i + 1);
                case ':':
                    if (d == ':') {
                        return emit(Kind.OPERATOR, i, i + 2);
                    }
                    if (isWordStart(d)) {
                        return emit(Kind.PARAMETER, i, wordEnd(i + 1));
                    }
                    break;
                case '@':
                    if (mysql && (isWordStart(d) || d == '@')) {
                        return emit(Kind.PARAMETER, i, wordEnd(d == '@' ? i + 2 : i + 1));
                    }
                    break;
                case '(':
                case ')':
                case ']':
                case '{':
                case '}':
                    return emit(Kind.BRACKET, i, i + 1);
                case ',':
                case ';':
                case '.':
                    if (c == '.' && Character.isDigit(d)) {
                        return emit(Kind.NUMBER, i, number(i));
                    }
                    return emit(Kind.PUNCTUATION, i, i + 1);
                default:
                    break;
            }
            if (Character.isDigit(c)) {
                return emit(Kind.NUMBER, i, number(i));
            }
            if (isWordStart(c)) {
                // Prefixed strings: E'..' (PostgreSQL, backslash escapes), X'..' / B'..' / N'..' everywhere.
                if (d == '\'' && "EeXxBbNn".indexOf(c) >= 0) {
                    boolean backslashes = mysql || pg && (c == 'E' || c == 'e');
                    return emit(Kind.STRING, i, quoted(i + 1, '\'', backslashes));
                }
                int end = wordEnd(i + 1);
                boolean keyword = KEYWORDS.contains(s.substring(i, end).toUpperCase(Locale.ROOT))
                        && !(i > 0 && s.charAt(i - 1) == '.');
                return emit(keyword ? Kind.KEYWORD : Kind.IDENTIFIER, i, end);
            }
            int end = i + 1;
            while (end < n && "+-*/<>=!|&%^~".indexOf(s.charAt(end)) >= 0 && "+-*/<>=!|&%^~".indexOf(c) >= 0
                    && !(s.charAt(end) == '-' && end + 1 < n && s.charAt(end + 1) == '-')
                    && !(s.charAt(end) == '/' && end + 1 < n && s.charAt(end + 1) == '*')) {
                end++;
            }
            return emit(Kind.OPERATOR, i, end);
        }

        private int quoted(int i, char q, boolean backslashEscapes) {
            int j = i + 1;
            while (j < n) {
                char c = s.charAt(j);
                if (c == q) {
                    if (j + 1 < n && s.charAt(j + 1) == q) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j += c == '\\' && backslashEscapes ? 2 : 1;
            }
            return n;
        }

        private int lineEnd(int i) {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? n : nl;
        }

        private int blockComment(int i) {
            int level = 1;
            int j = i + 2;
            while (j < n - 1) {
                char c = s.charAt(j);
                if (pg && c == '/' && s.charAt(j + 1) == '*') {
                    level++;
                    j += 2;
                } else if (c == '*' && s.charAt(j + 1) == '/') {
                    j += 2;
                    if (--level == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            return n;
        }

        private int dollarQuote(int i) {
            int j = i + 1;
            while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                if (j == i + 1 && Character.isDigit(s.charAt(j))) {
                    return i;
                }
                j++;
            }
            if (j >= n || s.charAt(j) != '$') {
                return i;
            }
            String tag = s.substring(i, j + 1);
            int close = s.indexOf(tag, j + 1);
            return close < 0 ? n : close + tag.length();
        }

        private int number(int i) {
            int j = i;
            if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
                j = i + 2;
                while (j < n && Character.digit(s.charAt(j), 16) >= 0) {
                    j++;
                }
                return j;
            }
            j = digitsEnd(j);
            if (j < n && s.charAt(j) == '.') {
                j = digitsEnd(j + 1);
            }
            if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                int k = j + 1;
                if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                    k++;
                }
                if (k < n && Character.isDigit(s.charAt(k))) {
                    j = digitsEnd(k);
                }
            }
            return j;
        }

        private int digitsEnd(int j) {
            while (j < n && Character.isDigit(s.charAt(j))) {
                j++;
            }
            return j;
        }

        private static boolean isWordStart(char c) {
            return Character.isLetter(c) || c == '_' || c >= 0x80 && !Character.isWhitespace(c);
        }

        private int wordEnd(int j) {
            while (j < n) {
                char c = s.charAt(j);
                if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80 && !Character.isWhitespace(c))) {
                    break;
                }
                j++;
            }
            return j;
        }
    }
}
