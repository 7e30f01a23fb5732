package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbench's own tables (metadata, history, junctions) are "internal" as the contract says:
 * the table functions refuse them before any SQL runs, so nobody empties or deletes them by
 * accident, and logical types, history and links survive. Raw SQL can still read them.
 */
class InternalTablesConformanceTest {

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void theTableFunctionsRefuseTheWorkbenchsOwnTables(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("notes", Map.of("title", "string", "specs", "jsonb"), Map.of("trackHistory", true));
            db.defineTable("tags", Map.of("label", "string"));
            String junction = db.optionallyHasMany("notes", "tags");
            Map<String, Object> note = db.addRow("notes", Map.of("title", "a", "specs", Map.of("k", 1)));
            Map<String, Object> tag = db.addRow("tags", Map.of("label", "x"));
            db.associateRow("notes", note.get("id"), "tags", tag.get("id"));

            for (String internal : List.of("__tw_schema", "__history_notes", junction)) {
                String why = internal + " on " + dialect;
                assertCode(ErrorCode.INVALID_NAME, () -> db.clearTable(internal));
                assertCode(ErrorCode.INVALID_NAME, () -> db.deleteTable(internal));
                assertCode(ErrorCode.INVALID_NAME, () -> db.getTableData(internal));
                assertCode(ErrorCode.INVALID_NAME, () -> db.getTableSchema(internal));
                assertCode(ErrorCode.INVALID_NAME, () -> db.countRows(internal, ReadOptions.none()));
                assertCode(ErrorCode.INVALID_NAME, () -> db.addRow(internal, Map.of("x", 1)));
                assertCode(ErrorCode.INVALID_NAME, () -> db.renameTable(internal, "stolen"));
                assertCode(ErrorCode.INVALID_NAME, () -> db.getTableData(List.of("notes", internal), ReadOptions.none()));
                assertTrue(assertCode(ErrorCode.INVALID_NAME, () -> db.clearTable(internal)).getMessage().contains("workbench's own"), why);
            }

            assertEquals(LogicalType.JSONB, db.getTableSchema("notes").fields().get("specs").type(), "the logical type survived");
            assertEquals(1, db.getAuditLog("notes", Map.of()).size(), "the history survived");
            assertEquals(1, db.getTableData("notes").size());
            String q = db.dialect().quoteIdentifier(junction);
            assertEquals(1L, ((Number) db.queryOne("SELECT COUNT(*) AS n FROM " + q, List.of()).get("n")).longValue(),
                    "raw SQL still reads an internal table");
            assertFalse(db.getAllTables().contains(junction));
        }
    }
}
