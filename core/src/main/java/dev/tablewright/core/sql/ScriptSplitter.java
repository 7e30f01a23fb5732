package dev.tablewright.core.sql;

import dev.tablewright.core.lex.SqlFlavor;
import dev.tablewright.core.lex.SqlLexer;
import dev.tablewright.core.lex.SqlToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Splits a multi-statement SQL script into its statements, so that {@code exec(script)} can run
 * them one at a time.
 *
 * <p>The splitter reads the tokens of {@link SqlLexer} (the lexer the console's highlighter uses too)
 * in one left-to-right pass (linear time, no regular expressions, no backtracking). A statement ends at the terminator ({@code ;}, or the current MySQL
 * {@code DELIMITER}) only when the terminator is outside of every quoted construct and comment
 * of the flavor:
 *
 * <ul>
 *   <li>all flavors: {@code '...'} strings ({@code ''} escape), {@code "..."} ({@code ""} escape),
 *       {@code -- line} comments and {@code /* block *}{@code /} comments;
 *   <li>{@link SqlFlavor#SQLITE}: also {@code `...`} and {@code [...]} identifiers;
 *   <li>{@link SqlFlavor#POSTGRES}: block comments nest; dollar quotes {@code $$...$$} and
 *       {@code $tag$...$tag$} ({@code $1} is a parameter); {@code E'...'} strings with backslash
 *       escapes (plain {@code '...'} strings follow {@code standard_conforming_strings = on}); and,
 *       like psql, a {@code ;} inside parentheses does not end a statement ({@code CREATE RULE ...
 *       DO (a; b)});
 *   <li>{@link SqlFlavor#MYSQL}: backslash escapes inside {@code '...'} and {@code "..."},
 *       {@code `...`} identifiers, {@code #} comments, {@code -- } comments only when the dashes
 *       are followed by whitespace (as the server requires; {@code 1--1} is arithmetic), and the
 *       client command {@code DELIMITER xx}.
 * </ul>
 *
 * <p><b>Compound bodies.</b> Inside {@code CREATE [TEMP|TEMPORARY] TRIGGER} (SQLite), {@code CREATE
 * [OR REPLACE] [DEFINER=...] TRIGGER|PROCEDURE|FUNCTION|EVENT} (MySQL; also MariaDB's top-level
 * {@code BEGIN NOT ATOMIC}) and {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE} (PostgreSQL's SQL
 * standard {@code BEGIN ATOMIC} bodies, the same rule psql uses), {@code BEGIN ... END} blocks
 * keep their inner semicolons. {@code CASE ... END} is counted too so it cannot close a block early,
 * and in MySQL so are {@code IF ... END IF}, {@code LOOP}, {@code WHILE} and {@code REPEAT}; the
 * {@code IF(a, b, c)} and {@code REPEAT(s, n)} functions and the {@code IF [NOT] EXISTS} clause are
 * told apart from the statements. A {@code BEGIN} anywhere else ({@code BEGIN;}, {@code BEGIN
 * TRANSACTION;}) is an ordinary statement. Keywords are matched case-insensitively as whole words
 * outside strings and comments; a word after {@code .} (or before one) is a name, and because
 * {@code BEGIN}/{@code END} are not reserved words, they are taken as names after {@code ,},
 * {@code (}, an operator or words such as {@code SELECT}, {@code WHERE}, {@code BY}, {@code AS}.
 * When a MySQL custom delimiter is active, only the delimiter ends a statement (as in the mysql
 * client) and the block tracking is not consulted.
 *
 * <p><b>Output.</b> Each statement is returned trimmed and without its terminator. Its text runs
 * from its first token to its last: comments between tokens are kept, comments before the first
 * or after the last token are dropped, so a statement made only of comments (or an empty one, such
 * as {@code ;;}) is dropped altogether. MySQL/MariaDB executable comments ({@code /*!...*}{@code
 * /}, {@code /*M!...*}{@code /}) count as statement text. {@code DELIMITER} lines are consumed and
 * never returned.
 *
 * <p><b>Malformed input never throws.</b> An unterminated string, quoted identifier, dollar quote
 * or block comment runs to the end of the script and is returned as (part of) the last statement,
 * so that the database reports the error; likewise an unclosed {@code BEGIN} block.
 *
 * <p>Known limits: client-side commands other than MySQL's {@code DELIMITER} (psql's
 * {@code \c}, {@code \set}, ..., mysql's {@code \g}, {@code source}) are not interpreted and come
 * back as ordinary statement text; PostgreSQL strings are lexed as with
 * {@code standard_conforming_strings = on} and MySQL ones as without {@code NO_BACKSLASH_ESCAPES};
 * a {@code DELIMITER} command is recognised only at the start of a line at the start of a
 * statement; Oracle-mode MariaDB packages are not tracked.
 */
public final class ScriptSplitter {

    private ScriptSplitter() {
    }

    /**
     * Splits a script into statements, each trimmed, without the terminating {@code ;} (or MySQL
     * delimiter); empty statements (only whitespace/comments) are dropped.
     *
     * @param script the script text, not null
     * @param flavor the dialect, not null
     * @return the statements in script order; an unmodifiable list, empty for an empty script
     */
    public static List<String> split(String script, SqlFlavor flavor) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(flavor, "flavor");
        List<String> statements = new ArrayList<>();
        for (Span span : new Reader(script, flavor).run()) {
            statements.add(span.sql());
        }
        return Collections.unmodifiableList(statements);
    }

    /**
     * Where each statement of {@link #split} sits in the script: an editor uses it to find the
     * statement at the caret and to map a position the database reports back to the script.
     *
     * @param start index of the statement's first character in the script
     * @param end   index just past its last character (before the terminator)
     * @param sql   the statement, exactly {@code script.substring(start, end)}
     */
    public record Span(int start, int end, String sql) {
    }

    /** The statements of {@link #split} with their places in the script, in script order. */
    public static List<Span> spans(String script, SqlFlavor flavor) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(flavor, "flavor");
        return Collections.unmodifiableList(new Reader(script, flavor).run());
    }

    // ------------------------------------------------------------------------------------------

    /** How the statement being read is classified, from its first words. */
    private enum Mode {
        /** Still reading the first words (CREATE [OR REPLACE] ...). */
        HEADER,
        /** A statement whose body may hold BEGIN ... END blocks with inner semicolons. */
        BLOCK,
        /** Any other statement: only the terminator matters. */
        PLAIN
    }

    private static final int PREV_NONE = 0;
    private static final int PREV_WORD = 1;
    private static final int PREV_PUNCT = 2;
    private static final int PREV_LITERAL = 3;

    private static final String[] SQLITE_MODIFIERS = {"TEMP", "TEMPORARY"};
    private static final String[] SQLITE_KINDS = {"TRIGGER"};
    private static final String[] PG_MODIFIERS = {"OR", "REPLACE"};
    private static final String[] PG_KINDS = {"FUNCTION", "PROCEDURE"};
    private static final String[] MYSQL_MODIFIERS = {"OR", "REPLACE", "DEFINER", "CURRENT_USER", "AGGREGATE"};
    private static final String[] MYSQL_KINDS = {"TRIGGER", "PROCEDURE", "FUNCTION", "EVENT"};

    /** Words that may follow MySQL's END and belong to it: END IF, END CASE, END LOOP, ... */
    private static final String[] END_SUFFIXES = {"IF", "CASE", "LOOP", "WHILE", "REPEAT"};

    /** After these words, IF is the IF [NOT] EXISTS clause, not the IF statement. */
    private static final String[] IF_CLAUSE_AFTER = {
        "TABLE", "TABLES", "VIEW", "DATABASE", "SCHEMA", "INDEX", "TRIGGER", "PROCEDURE",
        "FUNCTION", "EVENT", "USER", "ROLE", "SEQUENCE", "SERVER", "TABLESPACE", "COLUMN", "KEY",
        "CONSTRAINT", "PARTITION", "PACKAGE", "BODY", "GROUP", "ADD", "DROP", "CHANGE", "MODIFY",
        "TEMPORARY"};

    /** After these words BEGIN / END are names (columns, tables, variables), not block keywords. */
    private static final String[] NAME_CONTEXT_WORDS = {
        "SELECT", "BY", "WHERE", "AND", "OR", "SET", "AS", "FROM", "JOIN", "INTO", "UPDATE",
        "TABLE", "IN", "IS", "LIKE", "DISTINCT", "HAVING", "WHEN", "RETURN", "ON", "VALUES"};

    /** Additionally for END: after THEN / ELSE it is a name (END cannot close an empty branch). */
    private static final String[] END_NAME_CONTEXT_WORDS = {"THEN", "ELSE"};

    /** After these punctuation characters BEGIN / END are names. */
    private static final String NAME_CONTEXT_PUNCT = ".,(=<>+-*/%@|&^~!";

    /** Follows the statements of one script over the tokens of the shared {@link SqlLexer}. */
    private static final class Reader {
        private final String s;
        private final int n;
        private final SqlLexer lexer;
        private final boolean pg;
        private final boolean mysql;
        private final String[] modifiers;
        private final String[] kinds;
        private final List<Span> out = new ArrayList<>();

        // --- state of the statement being read -------------------------------------------------
        private int contentStart = -1;
        private int contentEnd = -1;
        private Mode mode = Mode.HEADER;
        private int wordCount;
        private boolean beginFirst;
        private boolean definerSeen;
        private int definerWords;
        private int depth;
        private int parenDepth;
        private boolean afterEnd;
        private int prevKind = PREV_NONE;
        private char prevPunct;
        private int prevStart;
        private int prevEnd;
        /** MySQL IF( / REPEAT( awaiting its ')' to tell function (has top-level ',') from statement. */
        private int[] pendingLevel = new int[8];
        private boolean[] pendingComma = new boolean[8];
        private int pendingSize;

        Reader(String script, SqlFlavor flavor) {
            this.s = script;
            this.n = script.length();
            this.lexer = new SqlLexer(script, flavor);
            this.pg = flavor == SqlFlavor.POSTGRES;
            this.mysql = flavor == SqlFlavor.MYSQL;
            switch (flavor) {
                case SQLITE:
                    modifiers = SQLITE_MODIFIERS;
                    kinds = SQLITE_KINDS;
                    break;
                case POSTGRES:
                    modifiers = PG_MODIFIERS;
                    kinds = PG_KINDS;
                    break;
                default:
                    modifiers = MYSQL_MODIFIERS;
                    kinds = MYSQL_KINDS;
                    break;
            }
        }

        List<Span> run() {
            for (SqlToken t = lexer.next(); t != null; t = lexer.next()) {
                int a = t.start();
                int b = t.end();
                switch (t.kind()) {
                    case TERMINATOR -> terminator(a, b);
                    case LINE_COMMENT -> {
                        // dropped between statements, kept inside one by the span from first to last token
                    }
                    case BLOCK_COMMENT -> {
                        if (!t.closed()) {
                            literal(a, b); // runs to the end: the database reports it
                        }
                    }
                    case EXECUTABLE_COMMENT, STRING, QUOTED_NAME, PARAMETER -> literal(a, b);
                    case WORD -> {
                        if (!(mysql && contentStart < 0 && isKeyword(a, b, "DELIMITER")
                                && lexer.lineBlankBefore(a) && lexer.readDelimiterCommand(t))) {
                            word(a, b);
                        }
                    }
                    case NUMBER -> word(a, b);
                    default -> punct(a, b, s.charAt(b - 1));
                }
            }
            finish();
            return out;
        }

        private void terminator(int a, int b) {
            boolean ends = mysql ? lexer.customDelimiter() || depth == 0 : depth == 0 && (!pg || parenDepth == 0);
            if (ends) {
                finish();
            } else {
                punct(a, b, ';');
            }
        }

        // --- tokens -------------------------------------------------------------------------------

        private void mark(int start, int end) {
            if (contentStart < 0) {
                contentStart = start;
            }
            contentEnd = end;
        }

        private void literal(int start, int end) {
            mark(start, end);
            if (mode != Mode.PLAIN) {
                prevKind = PREV_LITERAL;
                afterEnd = false;
            }
        }

        private void punct(int start, int end, char c) {
            mark(start, end);
            if (c == '(') {
                parenDepth++;
            } else if (c == ')') {
                if (parenDepth > 0) {
                    parenDepth--;
                    if (pendingSize > 0 && pendingLevel[pendingSize - 1] == parenDepth) {
                        pendingSize--;
                        if (!pendingComma[pendingSize]) {
                            depth++; // IF (cond) THEN / REPEAT (...) : a statement, not a function
                        }
                    }
                }
            } else if (c == ',') {
                if (pendingSize > 0 && pendingLevel[pendingSize - 1] + 1 == parenDepth) {
                    pendingComma[pendingSize - 1] = true;
                }
            } else if (c == ';') {
                pendingSize = 0;
            }
            if (mode != Mode.PLAIN) {
                prevKind = PREV_PUNCT;
                prevPunct = c;
                afterEnd = false;
            }
        }

        private void word(int a, int b) {
            mark(a, b);
            if (mode == Mode.PLAIN) {
                return;
            }
            if (mode == Mode.HEADER) {
                header(a, b);
            } else {
                blockWord(a, b);
            }
            prevKind = PREV_WORD;
            prevStart = a;
            prevEnd = b;
        }

        /** Classifies the statement from its first words. */
        private void header(int a, int b) {
            int k = wordCount++;
            if (k == 0) {
                if (isKeyword(a, b, "CREATE")) {
                    return;
                }
                if (mysql && isKeyword(a, b, "BEGIN")) {
                    beginFirst = true; // BEGIN [WORK] is a transaction; BEGIN NOT ATOMIC a block
                    return;
                }
                mode = Mode.PLAIN;
                return;
            }
            if (beginFirst) {
                if (k == 1 && isKeyword(a, b, "NOT")) {
                    mode = Mode.BLOCK;
                    depth = 1;
                } else {
                    mode = Mode.PLAIN;
                }
                return;
            }
            if (isAnyKeyword(a, b, kinds)) {
                mode = Mode.BLOCK;
                return;
            }
            if (isAnyKeyword(a, b, modifiers)) {
                if (mysql && isKeyword(a, b, "DEFINER")) {
                    definerSeen = true;
                }
                return;
            }
            if (definerSeen && definerWords < 2) { // DEFINER = user@host, unquoted
                definerWords++;
                return;
            }
            mode = Mode.PLAIN;
        }

        /** Tracks block openers and closers inside a BLOCK statement. */
        private void blockWord(int a, int b) {
            boolean qualified = (prevKind == PREV_PUNCT && prevPunct == '.') || (b < n && s.charAt(b) == '.');
            if (afterEnd) {
                afterEnd = false;
                if (!qualified && isAnyKeyword(a, b, END_SUFFIXES)) {
                    return; // END IF, END CASE, END LOOP, ...: part of the END just counted
                }
            }
            if (qualified) {
                return;
            }
            if (isKeyword(a, b, "BEGIN")) {
                if (parenDepth == 0 && !nameContext(false)) {
                    depth++;
                }
            } else if (isKeyword(a, b, "CASE")) {
                if (mysql || depth > 0) {
                    depth++;
                }
            } else if (isKeyword(a, b, "END")) {
                if (!nameContext(true)) {
                    if (depth > 0) {
                        depth--;
                    }
                    afterEnd = mysql;
                }
            } else if (mysql) {
                if (isKeyword(a, b, "LOOP") || isKeyword(a, b, "WHILE")) {
                    depth++;
                } else {
                    boolean isIf = isKeyword(a, b, "IF");
                    if (isIf || isKeyword(a, b, "REPEAT")) {
                        int k = b;
                        while (k < n && s.charAt(k) <= ' ') {
                            k++;
                        }
                        if (k < n && s.charAt(k) == '(') {
                            pushPending();
                        } else if (!(isIf && prevKind == PREV_WORD && isAnyKeyword(prevStart, prevEnd, IF_CLAUSE_AFTER))) {
                            depth++;
                        }
                    }
                }
            }
        }

        private void pushPending() {
            if (pendingSize == pendingLevel.length) {
                pendingLevel = Arrays.copyOf(pendingLevel, pendingSize * 2);
                pendingComma = Arrays.copyOf(pendingComma, pendingSize * 2);
            }
            pendingLevel[pendingSize] = parenDepth;
            pendingComma[pendingSize] = false;
            pendingSize++;
        }

        /** Whether the previous token makes a following BEGIN / END a name rather than a keyword. */
        private boolean nameContext(boolean forEnd) {
            if (prevKind == PREV_PUNCT) {
                return NAME_CONTEXT_PUNCT.indexOf(prevPunct) >= 0;
            }
            if (prevKind == PREV_WORD) {
                return isAnyKeyword(prevStart, prevEnd, NAME_CONTEXT_WORDS)
                        || (forEnd && isAnyKeyword(prevStart, prevEnd, END_NAME_CONTEXT_WORDS));
            }
            return false;
        }

        private boolean isKeyword(int a, int b, String keyword) {
            return b - a == keyword.length() && s.regionMatches(true, a, keyword, 0, keyword.length());
        }

        private boolean isAnyKeyword(int a, int b, String[] keywords) {
            for (String k : keywords) {
                if (isKeyword(a, b, k)) {
                    return true;
                }
            }
            return false;
        }

        /** Ends the current statement (at a terminator or the end of the script). */
        private void finish() {
            if (contentStart >= 0) {
                int a = contentStart;
                int b = contentEnd;
                while (a < b && s.charAt(a) <= ' ') {
                    a++;
                }
                while (b > a && s.charAt(b - 1) <= ' ') {
                    b--;
                }
                if (a < b) {
                    out.add(new Span(a, b, s.substring(a, b)));
                }
            }
            contentStart = -1;
            contentEnd = -1;
            mode = Mode.HEADER;
            wordCount = 0;
            beginFirst = false;
            definerSeen = false;
            definerWords = 0;
            depth = 0;
            parenDepth = 0;
            afterEnd = false;
            prevKind = PREV_NONE;
            pendingSize = 0;
        }
    }
}
