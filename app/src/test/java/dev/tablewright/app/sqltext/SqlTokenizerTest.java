package dev.tablewright.app.sqltext;

import dev.tablewright.app.sqltext.SqlTokenizer.Kind;
import dev.tablewright.core.lex.SqlFlavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.tablewright.core.lex.SqlFlavor.MYSQL;
import static dev.tablewright.core.lex.SqlFlavor.POSTGRES;
import static dev.tablewright.core.lex.SqlFlavor.SQLITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;

/** The tokens the editor colours, per dialect, with the escaping cases of every dialect. */
class SqlTokenizerTest {

    /** The tokens as "KIND:text" strings, easy to read in a table. */
    private static List<String> tokens(String sql, SqlFlavor flavor) {
        return SqlTokenizer.tokenize(sql, flavor).stream().map(t -> t.kind() + ":" + t.text(sql)).toList();
    }

    private static Arguments row(SqlFlavor flavor, String sql, String... expected) {
        return Arguments.of(flavor, sql, List.of(expected));
    }

    static Stream<Arguments> escapingCases() {
        return Stream.of(
                // '' doubles a quote everywhere; a ; or -- inside a string is text
                row(SQLITE, "'it''s; -- not a comment'", "STRING:'it''s; -- not a comment'"),
                row(POSTGRES, "'it''s'", "STRING:'it''s'"),
                row(MYSQL, "'it''s'", "STRING:'it''s'"),
                // backslash: an escape in MySQL strings and PostgreSQL E'' strings only
                row(MYSQL, "'a\\'b' x", "STRING:'a\\'b'", "IDENTIFIER:x"),
                row(POSTGRES, "'a\\' x", "STRING:'a\\'", "IDENTIFIER:x"),
                row(POSTGRES, "E'a\\'b' x", "STRING:E'a\\'b'", "IDENTIFIER:x"),
                row(SQLITE, "'a\\' x", "STRING:'a\\'", "IDENTIFIER:x"),
                // "..." is a name in SQLite and PostgreSQL, a string in MySQL
                row(SQLITE, "\"my \"\"col\"\"\"", "QUOTED_IDENTIFIER:\"my \"\"col\"\"\""),
                row(POSTGRES, "\"Order\"", "QUOTED_IDENTIFIER:\"Order\""),
                row(MYSQL, "\"a\\\"b\"", "STRING:\"a\\\"b\""),
                // `name` in MySQL and SQLite; [name] in SQLite
                row(MYSQL, "`select`", "QUOTED_IDENTIFIER:`select`"),
                row(SQLITE, "[a;b]", "QUOTED_IDENTIFIER:[a;b]"),
                row(POSTGRES, "a[1]", "IDENTIFIER:a", "BRACKET:[", "NUMBER:1", "BRACKET:]"),
                // % and _ are only characters in a LIKE pattern string
                row(SQLITE, "name LIKE '%a_b%'", "IDENTIFIER:name", "KEYWORD:LIKE", "STRING:'%a_b%'"),
                row(SQLITE, "10 % 3", "NUMBER:10", "OPERATOR:%", "NUMBER:3"),
                // comments: -- everywhere, but MySQL wants whitespace after it; # in MySQL
                row(SQLITE, "1--x\n2", "NUMBER:1", "COMMENT:--x", "NUMBER:2"),
                row(MYSQL, "1--1", "NUMBER:1", "OPERATOR:--", "NUMBER:1"),
                row(MYSQL, "1 -- x", "NUMBER:1", "COMMENT:-- x"),
                row(MYSQL, "# note\nSELECT", "COMMENT:# note", "KEYWORD:SELECT"),
                row(POSTGRES, "/* a /* b */ c */ 1", "COMMENT:/* a /* b */ c */", "NUMBER:1"),
                row(SQLITE, "/* a /* b */ c", "COMMENT:/* a /* b */", "IDENTIFIER:c"),
                // dollar quotes and parameters in PostgreSQL
                row(POSTGRES, "$$ it's; $$", "STRING:$$ it's; $$"),
                row(POSTGRES, "$fn$ a $$ b $fn$", "STRING:$fn$ a $$ b $fn$"),
                row(POSTGRES, "$1 + ?", "PARAMETER:$1", "OPERATOR:+", "PARAMETER:?"),
                // ; ends statements and is punctuation
                row(SQLITE, "SELECT 1;", "KEYWORD:SELECT", "NUMBER:1", "PUNCTUATION:;"),
                // unterminated constructs run to the end and never throw
                row(SQLITE, "'open", "STRING:'open"),
                row(POSTGRES, "\"open", "QUOTED_IDENTIFIER:\"open"),
                row(POSTGRES, "$$ open", "STRING:$$ open"),
                row(MYSQL, "/* open", "COMMENT:/* open"));
    }

    @ParameterizedTest
    @MethodSource("escapingCases")
    void tokensFollowEachDialectsQuotingAndComments(SqlFlavor flavor, String sql, List<String> expected) {
        assertEquals(expected, tokens(sql, flavor));
    }

    static Stream<Arguments> everyKind() {
        return Stream.of(
                row(SQLITE, "select Name, 3.5e2 from \"T\" where x >= 0x1F -- c",
                        "KEYWORD:select", "IDENTIFIER:Name", "PUNCTUATION:,", "NUMBER:3.5e2", "KEYWORD:from",
                        "QUOTED_IDENTIFIER:\"T\"", "KEYWORD:where", "IDENTIFIER:x", "OPERATOR:>=", "NUMBER:0x1F", "COMMENT:-- c"),
                row(POSTGRES, "SELECT t.id::text FROM t", "KEYWORD:SELECT", "IDENTIFIER:t", "PUNCTUATION:.", "IDENTIFIER:id",
                        "OPERATOR:::", "KEYWORD:text", "KEYWORD:FROM", "IDENTIFIER:t"),
                row(MYSQL, "SET @n = :name", "KEYWORD:SET", "PARAMETER:@n", "OPERATOR:=", "PARAMETER::name"));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void wordsNumbersAndOperatorsGetTheirKinds(SqlFlavor flavor, String sql, List<String> expected) {
        assertEquals(expected, tokens(sql, flavor));
    }

    @Test
    void aKeywordAfterADotIsAName() {
        assertEquals(List.of("IDENTIFIER:t", "PUNCTUATION:.", "IDENTIFIER:order"), tokens("t.order", POSTGRES));
    }

    @ParameterizedTest
    @EnumSource(SqlFlavor.class)
    void tokensNeverOverlapAndStayInsideTheText(SqlFlavor flavor) {
        String sql = "SELECT 'a''b', \"c\"\"d\", `e`, [f], $$g$$, E'h\\'i', -- j\n /* k */ 1.5 + ? FROM t; #l\n";
        int last = 0;
        for (SqlTokenizer.Token t : SqlTokenizer.tokenize(sql, flavor)) {
            assertTrue(t.start() >= last && t.end() > t.start() && t.end() <= sql.length(), t.toString());
            last = t.end();
        }
    }

    @Test
    void stylesCoverTheWholeTextWithTheKindsClasses() {
        String sql = "SELECT 'x' -- y";
        var spans = SqlHighlighter.styles(sql, SQLITE);
        assertEquals(sql.length(), spans.length());
        List<String> classes = new ArrayList<>();
        spans.forEach(s -> classes.add(s.getStyle().isEmpty() ? "" : s.getStyle().iterator().next()));
        assertEquals(List.of("sql-keyword", "", "sql-string", "", "sql-comment"), classes);
        assertEquals(Kind.KEYWORD.styleClass(), "sql-keyword");
    }
}
