package dev.tablewright.app.console;

import dev.tablewright.app.sqltext.SqlTokenizer;
import dev.tablewright.core.lex.SqlFlavor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Table and column names to offer at the caret: a pure function of the text, the caret and the
 * connection's schema. After {@code name.} it offers that table's columns, where {@code name} is
 * a table or an alias given in the statement ({@code FROM orders o}); elsewhere tables first, then
 * the columns of the tables the statement names, then every other column.
 */
public final class SqlCompletion {

    /** One suggestion: {@code insert} replaces the text from {@code replaceFrom} to {@code replaceTo}. */
    public record Suggestion(String label, String insert, Kind kind, int replaceFrom, int replaceTo) {
    }

    /** What a suggestion names. */
    public enum Kind { TABLE, COLUMN }

    private SqlCompletion() {
    }

    /**
     * @param schema table name to its column names, in order
     * @param quote  quotes a name the way the dialect does, for names that need it
     */
    public static List<Suggestion> at(String text, int caret, SqlFlavor flavor, Map<String, List<String>> schema,
                                      UnaryOperator<String> quote) {
        int start = caret;
        while (start > 0 && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        String prefix = text.substring(start, caret).toLowerCase(Locale.ROOT);
        List<Suggestion> out = new ArrayList<>();
        if (start > 0 && text.charAt(start - 1) == '.') {
            String qualifier = unquote(qualifierBefore(text, start - 1));
            String table = resolve(qualifier, text, flavor, schema);
            if (table != null) {
                for (String column : schema.get(table)) {
                    if (column.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                        out.add(new Suggestion(column, name(column, quote), Kind.COLUMN, start, caret));
                    }
                }
            }
            return out;
        }
        for (String table : schema.keySet()) {
            if (table.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                out.add(new Suggestion(table, name(table, quote), Kind.TABLE, start, caret));
            }
        }
        Set<String> mentioned = mentionedTables(text, flavor, schema);
        Set<String> columns = new LinkedHashSet<>();
        for (String table : mentioned) {
            columns.addAll(schema.get(table));
        }
        for (List<String> cs : schema.values()) {
            columns.addAll(cs);
        }
        for (String column : columns) {
            if (!prefix.isEmpty() && column.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                out.add(new Suggestion(column, name(column, quote), Kind.COLUMN, start, caret));
            }
        }
        return out;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The word or quoted name just before the dot at {@code dot}. */
    private static String qualifierBefore(String text, int dot) {
        int end = dot;
        if (end > 0 && "\"`]".indexOf(text.charAt(end - 1)) >= 0) {
            char close = text.charAt(end - 1);
            char open = close == ']' ? '[' : close;
            int begin = text.lastIndexOf(open, end - 2);
            return begin < 0 ? "" : text.substring(begin, end);
        }
        int begin = end;
        while (begin > 0 && isNameChar(text.charAt(begin - 1))) {
            begin--;
        }
        return text.substring(begin, end);
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && "\"`[".indexOf(name.charAt(0)) >= 0) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    /** A table by its name (any case) or by an alias the text gives it. */
    private static String resolve(String qualifier, String text, SqlFlavor flavor, Map<String, List<String>> schema) {
        String table = tableNamed(qualifier, schema);
        if (table != null) {
            return table;
        }
        List<SqlTokenizer.Token> tokens = SqlTokenizer.tokenize(text, flavor);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String candidate = tableNamed(unquote(tokens.get(i).text(text)), schema);
            if (candidate == null) {
                continue;
            }
            int j = i + 1;
            if (tokens.get(j).kind() == SqlTokenizer.Kind.KEYWORD && tokens.get(j).text(text).equalsIgnoreCase("AS") && j + 1 < tokens.size()) {
                j++;
            }
            SqlTokenizer.Token alias = tokens.get(j);
            if ((alias.kind() == SqlTokenizer.Kind.IDENTIFIER || alias.kind() == SqlTokenizer.Kind.QUOTED_IDENTIFIER)
                    && unquote(alias.text(text)).equalsIgnoreCase(qualifier)) {
                return candidate;
            }
        }
        return null;
    }

    private static String tableNamed(String name, Map<String, List<String>> schema) {
        if (schema.containsKey(name)) {
            return name;
        }
        for (String table : schema.keySet()) {
            if (table.equalsIgnoreCase(name)) {
                return table;
            }
        }
        return null;
    }

    private static Set<String> mentionedTables(String text, SqlFlavor flavor, Map<String, List<String>> schema) {
        Set<String> out = new LinkedHashSet<>();
        for (SqlTokenizer.Token t : SqlTokenizer.tokenize(text, flavor)) {
            if (t.kind() == SqlTokenizer.Kind.IDENTIFIER || t.kind() == SqlTokenizer.Kind.QUOTED_IDENTIFIER) {
                String table = tableNamed(unquote(t.text(text)), schema);
                if (table != null) {
                    out.add(table);
                }
            }
        }
        return out;
    }

    /** Plain lower-case names go in as they are; any other name is quoted, so case and odd characters survive. */
    private static String name(String name, UnaryOperator<String> quote) {
        boolean plain = name.matches("[a-z_][a-z0-9_]*") && !SqlTokenizer.isKeyword(name);
        return plain ? name : quote.apply(name);
    }
}
