package dev.tablewright.app.console;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tablewright.core.lex.SqlFlavor.POSTGRES;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlCompletionTest {
    private static final Map<String, List<String>> SCHEMA = new LinkedHashMap<>();

    static {
        SCHEMA.put("orders", List.of("id", "customerId", "total"));
        SCHEMA.put("customers", List.of("id", "name", "city"));
    }

    private static List<String> labels(String textWithCaret) {
        int caret = textWithCaret.indexOf('|');
        String text = textWithCaret.replace("|", "");
        return SqlCompletion.at(text, caret, POSTGRES, SCHEMA, n -> "\"" + n + "\"").stream().map(SqlCompletion.Suggestion::label).toList();
    }

    @Test
    void afterATableAndADotItsColumnsAreOffered() {
        assertEquals(List.of("id", "customerId", "total"), labels("SELECT orders.| FROM orders"));
        assertEquals(List.of("city"), labels("SELECT customers.c| FROM customers"));
    }

    @Test
    void anAliasLeadsToItsTable() {
        assertEquals(List.of("name"), labels("SELECT c.na| FROM customers AS c"));
        assertEquals(List.of("total"), labels("SELECT o.t| FROM orders o"));
    }

    @Test
    void aPrefixOffersTablesThenColumns() {
        assertEquals(List.of("customers", "customerId", "city"), labels("SELECT * FROM c|"));
    }

    @Test
    void namesThatNeedQuotesAreInsertedQuoted() {
        SqlCompletion.Suggestion s = SqlCompletion.at("SELECT orders.cu", 16, POSTGRES, SCHEMA, n -> "\"" + n + "\"").get(0);
        assertEquals("\"customerId\"", s.insert());
        assertEquals(14, s.replaceFrom());
        assertEquals(16, s.replaceTo());
    }
}
