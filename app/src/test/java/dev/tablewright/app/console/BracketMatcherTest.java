package dev.tablewright.app.console;

import org.junit.jupiter.api.Test;

import static dev.tablewright.core.lex.SqlFlavor.POSTGRES;
import static dev.tablewright.core.lex.SqlFlavor.SQLITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BracketMatcherTest {

    @Test
    void theBracketBeforeTheCaretFindsItsMatchAcrossNestedOnes() {
        String sql = "SELECT count((a + b)) FROM t";
        int open = sql.indexOf('(');
        int close = sql.lastIndexOf(')');
        assertEquals(new BracketMatcher.Pair(open, close), BracketMatcher.at(sql, close + 1, SQLITE));
        assertEquals(new BracketMatcher.Pair(open, close), BracketMatcher.at(sql, open, SQLITE));
    }

    @Test
    void bracketsInStringsAndCommentsAreNotCounted() {
        String sql = "f(')', /* ( */ x)";
        assertEquals(new BracketMatcher.Pair(1, sql.length() - 1), BracketMatcher.at(sql, 2, POSTGRES));
    }

    @Test
    void anUnmatchedBracketOrNoBracketMarksNothing() {
        assertNull(BracketMatcher.at("SELECT (1", 8, SQLITE));
        assertNull(BracketMatcher.at("SELECT 1", 3, SQLITE));
    }
}
