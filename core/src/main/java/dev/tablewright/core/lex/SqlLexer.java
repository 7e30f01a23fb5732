package dev.tablewright.core.lex;

import dev.tablewright.core.lex.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads SQL text into tokens by the lexical rules of one {@link SqlFlavor}: the one lexer under the
 * script splitter (which statements a script holds) and the console's highlighter (what to colour),
 * so both agree on where a string, a quoted name or a comment ends.
 *
 * <p>The rules: in every flavor {@code '...'} strings ({@code ''} escapes the quote), {@code -- }
 * line comments and {@code /* *}{@code /} block comments; SQLite and PostgreSQL read {@code "..."} as
 * a name and MySQL as a string; {@code `name`} in MySQL and SQLite, {@code [name]} in SQLite;
 * PostgreSQL's nested block comments, {@code $$...$$} / {@code $tag$...$tag$} dollar quotes,
 * {@code $1} parameters and {@code E'...'} strings with backslash escapes (plain strings follow
 * {@code standard_conforming_strings = on}); MySQL's backslash escapes in {@code '...'} and
 * {@code "..."}, {@code #} comments, {@code --} comments only before whitespace ({@code 1--1} is
 * arithmetic), {@code @var} variables, executable comments and the client's {@code DELIMITER}.
 *
 * <p>One left-to-right pass, linear in the text, with no regular expressions and no backtracking.
 * Malformed text never throws: an unclosed string, name, dollar quote or comment runs to the end of
 * the text and its token says it is not {@link SqlToken#closed() closed}. Whitespace is not a token.
 */
public final class SqlLexer {
    private static final String OPERATOR_CHARS = "+-*/<>=!|&%^~";

    private final String s;
    private final int n;
    private final boolean sqlite;
    private final boolean pg;
    private final boolean mysql;
    private int pos;
    /** MySQL: the current terminator; {@code ;} unless changed by {@link #readDelimiterCommand}. */
    private String delimiter = ";";
    private boolean customDelimiter;

    public SqlLexer(String text, SqlFlavor flavor) {
        this.s = text == null ? "" : text;
        this.n = s.length();
        this.sqlite = flavor == SqlFlavor.SQLITE;
        this.pg = flavor == SqlFlavor.POSTGRES;
        this.mysql = flavor == SqlFlavor.MYSQL;
    }

    /** Every token of {@code text}, in order. */
    public static List<SqlToken> tokens(String text, SqlFlavor flavor) {
        SqlLexer lexer = new SqlLexer(text, flavor);
        List<SqlToken> out = new ArrayList<>();
        for (SqlToken t = lexer.next(); t != null; t = lexer.next()) {
            out.add(t);
        }
        return out;
    }

    /** The next token, or null at the end of the text. */
    public SqlToken next() {
        while (pos < n && isSpace(s.charAt(pos))) {
            pos++;
        }
        if (pos >= n) {
            return null;
        }
        int i = pos;
        if (s.charAt(i) == delimiter.charAt(0) && s.startsWith(delimiter, i)) {
            return emit(Kind.TERMINATOR, i, i + delimiter.length(), true);
        }
        return token(i, s.charAt(i));
    }

    /** Whether the text holds nothing but whitespace on the line before {@code i}. */
    public boolean lineBlankBefore(int i) {
        for (int k = i - 1; k >= 0; k--) {
            char c = s.charAt(k);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the rest of the mysql client's {@code DELIMITER xx} command after its word {@code word}:
     * sets the terminator and moves past the line. Returns false, reading nothing, when the word is
     * not followed by a space (so it is not the command). An empty argument leaves the terminator as
     * it was (mysql refuses it) but the line is consumed.
     */
    public boolean readDelimiterCommand(SqlToken word) {
        int j = word.end();
        if (j < n && s.charAt(j) != ' ' && s.charAt(j) != '\t' && s.charAt(j) != '\r' && s.charAt(j) != '\n') {
            return false;
        }
        int eol = lineEnd(j);
        int k = j;
        while (k < eol && s.charAt(k) <= ' ') {
            k++;
        }
        String arg;
        char q = k < eol ? s.charAt(k) : 0;
        int close = (q == '\'' || q == '"' || q == '`') ? s.indexOf(q, k + 1) : -1;
        if (close > k + 1 && close < eol) {
            arg = s.substring(k + 1, close);
        } else {
            int e = k;
            while (e < eol && s.charAt(e) > ' ') {
                e++;
            }
            arg = s.substring(k, e);
        }
        if (!arg.isEmpty()) {
            delimiter = arg;
            customDelimiter = !arg.equals(";");
        }
        pos = eol;
        return true;
    }

    /** Whether a MySQL {@code DELIMITER} other than {@code ;} is in force. */
    public boolean customDelimiter() {
        return customDelimiter;
    }

    private SqlToken emit(Kind kind, int start, int end, boolean closed) {
        pos = end;
        return new SqlToken(kind, start, end, closed);
    }

    private SqlToken token(int i, char c) {
        char d = i + 1 < n ? s.charAt(i + 1) : 0;
        switch (c) {
            case ';': // under a custom DELIMITER, an inner ';' of a routine body
                return emit(customDelimiter ? Kind.PUNCTUATION : Kind.TERMINATOR, i, i + 1, true);
            case '\'':
                return quoted(Kind.STRING, i, i, '\'', mysql);
            case '"':
                return mysql ? quoted(Kind.STRING, i, i, '"', true) : quoted(Kind.QUOTED_NAME, i, i, '"', false);
            case '`':
                if (mysql || sqlite) {
                    return quoted(Kind.QUOTED_NAME, i, i, '`', false);
                }
                break;
            case '[':
                if (sqlite) {
                    int close = s.indexOf(']', i + 1);
                    return emit(Kind.QUOTED_NAME, i, close < 0 ? n : close + 1, close >= 0);
                }
                return emit(Kind.OPEN, i, i + 1, true);
            case '-':
                if (d == '-' && (!mysql || i + 2 >= n || isSpace(s.charAt(i + 2)))) {
                    return emit(Kind.LINE_COMMENT, i, lineEnd(i), true);
                }
                break;
            case '#':
                if (mysql) {
                    return emit(Kind.LINE_COMMENT, i, lineEnd(i), true);
                }
                break;
            case '/':
                if (d == '*') {
                    return blockComment(i);
                }
                break;
            case '$':
                if (pg) {
                    SqlToken quote = dollarQuote(i);
                    if (quote != null) {
                        return quote;
                    }
                    if (Character.isDigit(d)) {
                        return emit(Kind.PARAMETER, i, digitsEnd(i + 1), true);
                    }
                }
                break;
            case '?':
                return emit(Kind.PARAMETER, i, i + 1, true);
            case ':':
                if (d == ':') {
                    return emit(Kind.OPERATOR, i, i + 2, true);
                }
                // MySQL has no :name of its own but the console binds it; a label (lbl:BEGIN) is not one.
                if (isWordStart(d) && !(mysql && i > 0 && isWordPart(s.charAt(i - 1)))) {
                    return emit(Kind.PARAMETER, i, wordEnd(i + 1), true);
                }
                break;
            case '@':
                if (mysql && (isWordStart(d) || d == '@')) {
                    return emit(Kind.PARAMETER, i, wordEnd(d == '@' ? i + 2 : i + 1), true);
                }
                break;
            case '(':
            case '{':
                return emit(Kind.OPEN, i, i + 1, true);
            case ')':
            case ']':
            case '}':
                return emit(Kind.CLOSE, i, i + 1, true);
            case ',':
                return emit(Kind.PUNCTUATION, i, i + 1, true);
            case '.':
                if (Character.isDigit(d)) {
                    return emit(Kind.NUMBER, i, number(i), true);
                }
                return emit(Kind.PUNCTUATION, i, i + 1, true);
            default:
                break;
        }
        if (Character.isDigit(c)) {
            return emit(Kind.NUMBER, i, number(i), true);
        }
        if (isWordStart(c)) {
            // Prefixed strings: E'..' (PostgreSQL, backslash escapes), X'..', B'..', N'..' everywhere.
            if (d == '\'' && "EeXxBbNn".indexOf(c) >= 0) {
                return quoted(Kind.STRING, i, i + 1, '\'', mysql || pg && (c == 'E' || c == 'e'));
            }
            return emit(Kind.WORD, i, wordEnd(i + 1), true);
        }
        return emit(Kind.OPERATOR, i, operatorEnd(i, c), true);
    }

    /** A token starting at {@code start} whose quote {@code q} opens at {@code open}; the quote doubled escapes itself. */
    private SqlToken quoted(Kind kind, int start, int open, char q, boolean backslashEscapes) {
        int j = open + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == q) {
                if (j + 1 < n && s.charAt(j + 1) == q) {
                    j += 2;
                    continue;
                }
                return emit(kind, start, j + 1, true);
            }
            j += c == '\\' && backslashEscapes ? 2 : 1;
        }
        return emit(kind, start, n, false);
    }

    private int lineEnd(int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? n : nl;
    }

    /** A block comment opened at {@code i}; nested in PostgreSQL. */
    private SqlToken blockComment(int i) {
        boolean executable = mysql && i + 2 < n
                && (s.charAt(i + 2) == '!' || (i + 3 < n && (s.charAt(i + 2) == 'M' || s.charAt(i + 2) == 'm') && s.charAt(i + 3) == '!'));
        Kind kind = executable ? Kind.EXECUTABLE_COMMENT : Kind.BLOCK_COMMENT;
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
                    return emit(kind, i, j, true);
                }
            } else {
                j++;
            }
        }
        return emit(kind, i, n, false);
    }

    /**
     * A PostgreSQL dollar quote opened at {@code i}, or null when the {@code $} does not open one
     * ({@code $1}, {@code $name} without a closing {@code $}).
     */
    private SqlToken dollarQuote(int i) {
        int j = i + 1;
        if (j < n && s.charAt(j) != '$') {
            char c = s.charAt(j);
            if (!(Character.isLetter(c) || c == '_' || c >= 0x80)) {
                return null;
            }
            j++;
            while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) >= 0x80)) {
                j++;
            }
        }
        if (j >= n || s.charAt(j) != '$') {
            return null;
        }
        String tag = s.substring(i, j + 1);
        int close = s.indexOf(tag, j + 1);
        return close < 0 ? emit(Kind.STRING, i, n, false) : emit(Kind.STRING, i, close + tag.length(), true);
    }

    private int number(int i) {
        int j;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            j = i + 2;
            while (j < n && Character.digit(s.charAt(j), 16) >= 0) {
                j++;
            }
            return j;
        }
        j = digitsEnd(i);
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

    /** A run of operator characters from {@code i}, stopping before a comment or the delimiter; else one character. */
    private int operatorEnd(int i, char c) {
        int end = i + 1;
        if (OPERATOR_CHARS.indexOf(c) < 0) {
            return end;
        }
        while (end < n && OPERATOR_CHARS.indexOf(s.charAt(end)) >= 0
                && !(s.charAt(end) == '-' && end + 1 < n && s.charAt(end + 1) == '-')
                && !(s.charAt(end) == '/' && end + 1 < n && s.charAt(end + 1) == '*')
                && !(s.charAt(end) == delimiter.charAt(0) && s.startsWith(delimiter, end))) {
            end++;
        }
        return end;
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || Character.isWhitespace(c);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80 && !Character.isWhitespace(c);
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80 && !Character.isWhitespace(c);
    }

    /** The end of a word whose rest starts at {@code j}; a custom delimiter ends it ({@code END$$}). */
    private int wordEnd(int j) {
        while (j < n) {
            char c = s.charAt(j);
            if (!isWordPart(c)) {
                break;
            }
            if (customDelimiter && c == delimiter.charAt(0) && s.startsWith(delimiter, j)) {
                break;
            }
            j++;
        }
        return j;
    }
}
