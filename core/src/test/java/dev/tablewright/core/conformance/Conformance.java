package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shared pieces of the conformance suite: every test runs once per dialect on a fresh real database. */
final class Conformance {
    private Conformance() {
    }

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    static Connector open(String dialect) {
        TestDatabases.TestDb db = TestDatabases.fresh(dialect);
        Connector c = new Connector();
        c.create(db.options());
        return c;
    }

    static TestDatabases.TestDb fresh(String dialect) {
        return TestDatabases.fresh(dialect);
    }

    static TablewrightException assertCode(ErrorCode code, Executable call) {
        TablewrightException e = assertThrows(TablewrightException.class, call);
        assertEquals(code, e.code(), () -> "message was: " + e.getMessage());
        return e;
    }

    static List<Object> values(List<Map<String, Object>> rows, String field) {
        return rows.stream().map(r -> r.get(field)).toList();
    }

    @SafeVarargs
    static <T> List<T> list(T... items) {
        return List.of(items);
    }
}
