package dev.tablewright.app.designer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits SQL text into styled runs for the preview: keywords, quoted names, strings, numbers and
 * comments. A pure function of the text, so it is tested without a window. (The designer keeps
 * its own until the SQL console's highlighter is shared.)
 */
final class SqlHighlighter {
    private static final String KEYWORDS = String.join("|", List.of("ALTER", "TABLE", "CREATE", "DROP", "ADD", "COLUMN", "RENAME", "TO", "MODIFY",
            "INSERT", "INTO", "SELECT", "FROM", "WHERE", "UPDATE", "SET", "DELETE", "VALUES", "PRIMARY", "KEY", "UNIQUE", "NOT", "NULL",
            "DEFAULT", "CONSTRAINT", "FOREIGN", "REFERENCES", "ON", "CASCADE", "RESTRICT", "ACTION", "INDEX", "TRIGGER", "VIEW", "BEGIN",
            "COMMIT", "END", "PRAGMA", "TYPE", "USING", "CASE", "WHEN", "THEN", "ELSE", "AND", "OR", "IS", "IN", "AS", "IF", "EXISTS",
            "AFTER", "FOR", "EACH", "ROW", "STATEMENT", "EXECUTE", "FUNCTION", "RETURNS", "LANGUAGE", "REPLACE", "AUTOINCREMENT",
            "AUTO_INCREMENT", "GENERATED", "BY", "IDENTITY", "CAST", "COALESCE", "COUNT", "HAVING", "GROUP", "ORDER", "LIMIT"));
    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>--[^\n]*)"
                    + "|(?<STRING>'(?:[^']|'')*')"
                    + "|(?<NAME>\"(?:[^\"]|\"\")*\"|`(?:[^`]|``)*`)"
                    + "|(?<KEYWORD>\\b(?i:" + KEYWORDS + ")\\b)"
                    + "|(?<NUMBER>\\b\\d+(?:\\.\\d+)?\\b)");

    /** A run of text and its style class ("" for plain text). */
    record Run(String style, int length) {
    }

    private SqlHighlighter() {
    }

    /** Runs covering the whole text, in order. */
    static List<Run> runs(String text) {
        List<Run> out = new ArrayList<>();
        Matcher m = TOKENS.matcher(text);
        int last = 0;
        while (m.find()) {
            String style = m.group("COMMENT") != null ? "sql-comment"
                    : m.group("STRING") != null ? "sql-string"
                    : m.group("NAME") != null ? "sql-name"
                    : m.group("KEYWORD") != null ? "sql-keyword" : "sql-number";
            if (m.start() > last) {
                out.add(new Run("", m.start() - last));
            }
            out.add(new Run(style, m.end() - m.start()));
            last = m.end();
        }
        if (last < text.length()) {
            out.add(new Run("", text.length() - last));
        }
        return out;
    }
}
