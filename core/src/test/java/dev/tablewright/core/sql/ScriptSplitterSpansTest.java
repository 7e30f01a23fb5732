package dev.tablewright.core.sql;

import dev.tablewright.core.lex.SqlFlavor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** spans: where each statement of a script sits, so an editor can find the one at the caret. */
class ScriptSplitterSpansTest {

    @ParameterizedTest
    @EnumSource(SqlFlavor.class)
    void eachSpanIsItsStatementsPlaceInTheScript(SqlFlavor flavor) {
        String script = "  -- lead\nSELECT 'a;b' ;\n\n/* c */ UPDATE t SET x = 1;;\nSELECT 3  ";

        List<ScriptSplitter.Span> spans = ScriptSplitter.spans(script, flavor);

        assertEquals(ScriptSplitter.split(script, flavor), spans.stream().map(ScriptSplitter.Span::sql).toList());
        for (ScriptSplitter.Span s : spans) {
            assertEquals(s.sql(), script.substring(s.start(), s.end()));
        }
        assertEquals(script.indexOf("SELECT 'a"), spans.get(0).start());
        assertEquals(script.indexOf("UPDATE"), spans.get(1).start());
        assertEquals(script.length() - 2, spans.get(2).end());
    }
}
