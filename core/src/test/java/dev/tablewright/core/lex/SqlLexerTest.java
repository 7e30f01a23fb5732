package dev.tablewright.core.lex;

import dev.tablewright.core.lex.SqlToken.Kind;
import dev.tablewright.core.sql.ScriptSplitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one lexer under the script splitter and the console's highlighter. */
class SqlLexerTest {

    private static List<String> kinds(String sql, SqlFlavor flavor) {
        return SqlLexer.tokens(sql, flavor).stream().map(t -> t.kind() + ":" + t.text(sql)).toList();
    }

    @Test
    void quotesMeanWhatEachFlavorSays() {
        assertEquals(List.of("QUOTED_NAME:\"a;b\"", "STRING:'c''d'"), kinds("\"a;b\" 'c''d'", SqlFlavor.SQLITE));
        assertEquals(List.of("STRING:\"a;b\"", "STRING:'c\\'d'"), kinds("\"a;b\" 'c\\'d'", SqlFlavor.MYSQL));
        assertEquals(List.of("STRING:$x$ it's; $x$", "TERMINATOR:;"), kinds("$x$ it's; $x$;", SqlFlavor.POSTGRES));
        assertEquals(List.of("QUOTED_NAME:[a b]"), kinds("[a b]", SqlFlavor.SQLITE));
    }

    @Test
    void commentsFollowTheFlavorsRules() {
        assertEquals(List.of("NUMBER:1", "OPERATOR:--", "NUMBER:1"), kinds("1--1", SqlFlavor.MYSQL));
        assertEquals(List.of("NUMBER:1", "LINE_COMMENT:--1"), kinds("1--1", SqlFlavor.SQLITE));
        assertEquals(List.of("BLOCK_COMMENT:/* a /* b */ c */"), kinds("/* a /* b */ c */", SqlFlavor.POSTGRES));
        assertEquals(List.of("EXECUTABLE_COMMENT:/*!40101 SET x=1 */"), kinds("/*!40101 SET x=1 */", SqlFlavor.MYSQL));
    }

    @Test
    void anUnclosedConstructRunsToTheEndAndSaysSo() {
        SqlToken string = SqlLexer.tokens("SELECT 'abc", SqlFlavor.SQLITE).get(1);
        assertEquals(Kind.STRING, string.kind());
        assertFalse(string.closed());
        SqlToken comment = SqlLexer.tokens("/* /* */", SqlFlavor.POSTGRES).get(0);
        assertFalse(comment.closed());
        assertTrue(SqlLexer.tokens("/* /* */", SqlFlavor.SQLITE).get(0).closed());
    }

    @Test
    void aMysqlLabelIsNotAParameter() {
        assertEquals(List.of("WORD:lbl", "OPERATOR::", "WORD:BEGIN"), kinds("lbl:BEGIN", SqlFlavor.MYSQL));
        assertEquals(List.of("OPERATOR:=", "PARAMETER::name"), kinds("= :name", SqlFlavor.MYSQL));
        String proc = "CREATE PROCEDURE p() BEGIN lbl:BEGIN SELECT 1; END lbl; SELECT 2; END; SELECT 3";
        assertEquals(2, ScriptSplitter.split(proc, SqlFlavor.MYSQL).size());
    }

    @Test
    void aCustomDelimiterEndsWordsAndOperators() {
        SqlLexer lexer = new SqlLexer("DELIMITER $$\nSELECT a$$ SELECT 1+$$", SqlFlavor.MYSQL);
        assertTrue(lexer.readDelimiterCommand(lexer.next()));
        List<String> rest = new ArrayList<>();
        for (SqlToken t = lexer.next(); t != null; t = lexer.next()) {
            rest.add(t.kind().name());
        }
        assertEquals(List.of("WORD", "WORD", "TERMINATOR", "WORD", "NUMBER", "OPERATOR", "TERMINATOR"), rest);
    }
}
