package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.TableSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** autoAddRows and autoUpsertRow on every dialect. */
class AutoSchemaConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void autoAddRowsCreatesTheTableWithTypesFromTheValues(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            assertEquals(2, db.autoAddRows("readings", List.of(
                    Map.of("sensor", "s1", "count", 3, "value", 1.5, "ok", true, "at", "2025-03-01T10:00:00Z", "meta", Map.of("unit", "C"),
                            "note", "x".repeat(300)),
                    Map.of("sensor", "s2", "count", 4, "value", 2, "ok", false, "at", "2025-03-02"))));
            TableSchema s = db.getTableSchema("readings");
            assertEquals(LogicalType.STRING, s.fields().get("sensor").type());
            assertEquals(LogicalType.INTEGER, s.fields().get("count").type());
            assertEquals(LogicalType.NUMBER, s.fields().get("value").type());
            assertEquals(LogicalType.BOOLEAN, s.fields().get("ok").type());
            assertEquals(LogicalType.DATE, s.fields().get("at").type());
            assertEquals(LogicalType.JSONB, s.fields().get("meta").type());
            assertEquals(LogicalType.TEXT, s.fields().get("note").type());
            assertTrue(s.fields().get("id").auto(), "a table made this way has the automatic fields");
            Map<String, Object> second = db.findRow("readings", ReadOptions.filter(List.of("sensor", "=", "s2")));
            assertEquals(2.0, second.get("value"));
            assertEquals(Instant.parse("2025-03-02T00:00:00Z"), second.get("at"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void autoAddRowsAddsMissingColumnsAndNeverNarrowsOne(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("readings", Map.of("sensor", "string", "count", "integer"));
            db.addRow("readings", Map.of("sensor", "s0", "count", 1));
            assertEquals(1, db.autoAddRows("readings", List.of(Map.of("sensor", "s1", "count", 2, "humidity", 0.4))));
            assertEquals(LogicalType.NUMBER, db.getTableSchema("readings").fields().get("humidity").type());
            var e = assertCode(ErrorCode.INVALID_VALUE, () -> db.autoAddRows("readings", List.of(
                    Map.of("sensor", "s2", "count", 3, "pressure", 1013), Map.of("sensor", "s3", "count", "many", "pressure", 1000))));
            assertTrue(e.getMessage().startsWith("Row 1"), e.getMessage());
            assertFalse(db.getTableSchema("readings").fields().containsKey("pressure"), "nothing was added");
            assertEquals(2, db.countRows("readings", ReadOptions.none()));
            assertCode(ErrorCode.INVALID_VALUE, () -> db.autoAddRows("readings", List.of(Map.of("count", 1.5))));
            assertEquals(LogicalType.INTEGER, db.getTableSchema("readings").fields().get("count").type());
            assertCode(ErrorCode.INVALID_NAME, () -> db.autoAddRows("readings", List.of(Map.of("bad name", 1))));
            assertCode(ErrorCode.INVALID_NAME, () -> db.autoAddRows("bad-table", List.of(Map.of("a", 1))));
            assertFalse(db.getAllTables().contains("bad-table"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void autoUpsertRowMakesTheUniqueKeyAndUpdatesByIt(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            Map<String, Object> first = db.autoUpsertRow("profiles", Map.of("visits", 1), Map.of("username", "$USER"));
            assertEquals(db.currentUser(), first.get("username"));
            assertTrue(db.getTableSchema("profiles").fields().get("username").unique());
            Map<String, Object> again = db.autoUpsertRow("profiles", Map.of("visits", 2, "lastPage", "/home"), Map.of("username", "$USER"));
            assertEquals(first.get("id"), again.get("id"));
            assertEquals(2L, again.get("visits"));
            assertEquals("/home", again.get("lastPage"));
            assertEquals(1, db.countRows("profiles", ReadOptions.none()));
        }
    }
}
