package dev.tablewright.app.history;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValueDiffTest {

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static ValueDiff field(List<ValueDiff> diff, String name) {
        return diff.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + diff));
    }

    @Test
    void flatRowsShowWhichFieldsChangedAndKeepTheRest() {
        List<ValueDiff> diff = ValueDiff.compare(row("id", 1, "name", "Tea", "price", 3), row("id", 1L, "name", "Green tea", "price", 3.0));

        assertEquals(List.of("id", "name", "price"), diff.stream().map(ValueDiff::name).toList());
        assertEquals(ValueDiff.Kind.SAME, field(diff, "id").kind(), "1 and 1L are the same value from two drivers");
        assertEquals(ValueDiff.Kind.CHANGED, field(diff, "name").kind());
        assertEquals("Tea", field(diff, "name").left());
        assertEquals("Green tea", field(diff, "name").right());
        assertEquals(ValueDiff.Kind.SAME, field(diff, "price").kind());
        assertEquals(List.of("name"), ValueDiff.changedFields(row("id", 1, "name", "Tea"), row("id", 1, "name", "Green tea")));
    }

    @Test
    void aFieldOnlyOneSideHasIsAddedOrRemoved() {
        List<ValueDiff> diff = ValueDiff.compare(row("id", 1, "old", "x"), row("id", 1, "added", null));

        assertEquals(ValueDiff.Kind.REMOVED, field(diff, "old").kind());
        assertEquals(ValueDiff.Kind.ADDED, field(diff, "added").kind(), "a field added with null is still added");
    }

    @Test
    void aRecordThatDidNotExistOnOneSideHasEveryFieldAddedOrRemoved() {
        assertEquals(List.of(ValueDiff.Kind.ADDED, ValueDiff.Kind.ADDED),
                ValueDiff.compare(null, row("id", 1, "name", "Tea")).stream().map(ValueDiff::kind).toList());
        assertEquals(List.of(ValueDiff.Kind.REMOVED, ValueDiff.Kind.REMOVED),
                ValueDiff.compare(row("id", 1, "name", "Tea"), null).stream().map(ValueDiff::kind).toList());
    }

    @Test
    void nestedJsonIsComparedMemberByMemberDownToWhatChanged() {
        Map<String, Object> before = row("id", 1, "details", row("origin", row("country", "China", "region", "Fujian"), "tags", List.of("green", "loose")));
        Map<String, Object> after = row("id", 1, "details", row("origin", row("country", "Japan", "region", "Fujian"), "tags", List.of("green", "loose", "organic"),
                "grade", "A"));

        ValueDiff details = field(ValueDiff.compare(before, after), "details");

        assertEquals(ValueDiff.Kind.CHANGED, details.kind());
        ValueDiff origin = field(details.children(), "origin");
        assertEquals(ValueDiff.Kind.CHANGED, origin.kind());
        assertEquals(ValueDiff.Kind.CHANGED, field(origin.children(), "country").kind());
        assertEquals("details.origin.country", field(origin.children(), "country").path());
        assertEquals(ValueDiff.Kind.SAME, field(origin.children(), "region").kind());
        ValueDiff tags = field(details.children(), "tags");
        assertEquals(List.of(ValueDiff.Kind.SAME, ValueDiff.Kind.SAME, ValueDiff.Kind.ADDED), tags.children().stream().map(ValueDiff::kind).toList());
        assertEquals("details.tags[2]", tags.children().get(2).path());
        assertEquals(ValueDiff.Kind.ADDED, field(details.children(), "grade").kind());
    }

    @Test
    void equalJsonDocumentsAreTheSame() {
        Map<String, Object> doc = row("details", row("a", List.of(1, row("b", 2))));
        Map<String, Object> copy = row("details", row("a", List.of(1L, row("b", 2L))));

        assertEquals(ValueDiff.Kind.SAME, field(ValueDiff.compare(doc, copy), "details").kind());
    }
}
