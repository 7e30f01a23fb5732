package dev.tablewright.app.designer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlHighlighterTest {

    private static List<String> styled(String sql) {
        List<String> out = new java.util.ArrayList<>();
        int at = 0;
        for (SqlHighlighter.Run run : SqlHighlighter.runs(sql)) {
            if (!run.style().isEmpty()) {
                out.add(run.style() + ":" + sql.substring(at, at + run.length()));
            }
            at += run.length();
        }
        assertEquals(sql.length(), at, "the runs cover the whole text");
        return out;
    }

    @Test
    void keywordsNamesStringsNumbersAndCommentsGetTheirOwnStyles() {
        assertEquals(List.of("sql-keyword:UPDATE", "sql-name:\"t\"", "sql-keyword:SET", "sql-name:`a`", "sql-string:'x'", "sql-keyword:WHERE",
                        "sql-name:\"n\"", "sql-number:12", "sql-comment:-- [v]"),
                styled("UPDATE \"t\" SET `a` = 'x' WHERE \"n\" > 12; -- [v]"));
    }

    @Test
    void aKeywordInsideAQuotedNameOrStringStaysPartOfIt() {
        assertEquals(List.of("sql-keyword:drop", "sql-keyword:table", "sql-name:\"select \"\"from\"\"\"", "sql-string:'it''s -- not a comment'"),
                styled("drop table \"select \"\"from\"\"\" 'it''s -- not a comment'"));
    }

    @Test
    void wordsThatOnlyContainAKeywordAreNotHighlighted() {
        assertEquals(List.of(), styled("updated setting intotal"));
    }
}
