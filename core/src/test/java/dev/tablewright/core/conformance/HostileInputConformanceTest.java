package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Hostile names and values through every function that takes them, on every dialect: values are
 * stored and found exactly, names are refused before any SQL runs, and a canary table stays intact.
 */
class HostileInputConformanceTest {
    static final List<String> HOSTILE = List.of(
            "'", "''", "\"", "`", "\\", "\\'", "'; DROP TABLE canary; --", "\"; DROP TABLE canary; --",
            "`; DROP TABLE canary; --", "--", "/*", "*/", "/* x */ OR 1=1", "%", "_", "%_%", "!", "!%", "a\\%b",
            "1' OR '1'='1", "$1", "$$", "$tag$", "?", ":name", "${x}", "\u0000", "x\u0000y", "\n\r\t", "ä ö ü ß", "日本語", "🙂👍🏽",
            "\u202Eevil", "Ω≈ç√", "x".repeat(255), "y".repeat(10_000), "canary", "CANARY", " leading", "trailing ", "");

    private static final Set<ErrorCode> NAME_ERRORS = Set.of(ErrorCode.INVALID_NAME, ErrorCode.UNKNOWN_TABLE, ErrorCode.UNKNOWN_FIELD,
            ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_FILTER);

    private static Connector prepared(String dialect) {
        Connector db = Conformance.open(dialect);
        db.defineTable("canary", Map.of("alive", "string"));
        db.addRow("canary", Map.of("alive", "yes"));
        db.defineTable("notes", Map.of("title", "string", "body", "text", "tag", "uniquestring", "specs", "jsonb"));
        return db;
    }

    private static void assertCanaryAlive(Connector db) {
        assertTrue(db.getAllTables().containsAll(List.of("canary", "notes")), db.getAllTables().toString());
        assertEquals("yes", db.getTableData("canary").get(0).get("alive"));
        assertEquals(1, db.countRows("canary", ReadOptions.none()));
    }

    private static void assertRefused(Executable call, String what) {
        TablewrightException e = assertThrows(TablewrightException.class, call, what);
        assertTrue(NAME_ERRORS.contains(e.code()), what + " gave " + e.code() + ": " + e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void hostileValuesAreStoredAndFoundExactly(String dialect) {
        try (Connector db = prepared(dialect)) {
            int stored = 0;
            for (int i = 0; i < HOSTILE.size(); i++) {
                String v = HOSTILE.get(i);
                Map<String, Object> data = new HashMap<>();
                data.put("body", v);
                data.put("tag", "t" + i);
                data.put("specs", Map.of("k", v, v.isEmpty() ? "empty" : v.substring(0, Math.min(v.length(), 20)), 1));
                if (v.length() <= 255) {
                    data.put("title", v);
                }
                if (v.indexOf('\0') >= 0) {
                    TablewrightException e = assertThrows(TablewrightException.class, () -> db.addRow("notes", data));
                    assertEquals(ErrorCode.INVALID_VALUE, e.code(), "NUL is refused the same way on every dialect");
                    continue;
                }
                Map<String, Object> row = db.addRow("notes", data);
                stored++;
                assertEquals(v, row.get("body"), "body " + i);
                List<Map<String, Object>> found = db.getTableData("notes", ReadOptions.filter(List.of("body", "=", v)));
                assertEquals(1, found.size(), "exactly one row has body #" + i);
                assertEquals(row.get("id"), found.get(0).get("id"));
                if (!v.isEmpty() && v.length() <= 255) {
                    assertTrue(db.countRows("notes", ReadOptions.filter(List.of("title", "contains", v))) >= 1, "contains #" + i);
                    assertTrue(db.countRows("notes", ReadOptions.filter(List.of("title", "startswith", v))) >= 1, "startswith #" + i);
                    assertEquals(1, db.countRows("notes", ReadOptions.filter(List.of("specs.k", "=", v))), "json path #" + i);
                }
                assertEquals(v, db.changeRow("notes", row.get("id"), Map.of("body", v)).get("body"));
                Map<String, Object> upserted = db.upsertRow("notes", Map.of("body", v), Map.of("tag", "t" + i));
                assertEquals(row.get("id"), upserted.get("id"));
                assertEquals(1, db.query("SELECT COUNT(*) AS n FROM " + db.dialect().quoteIdentifier("notes") + " WHERE "
                        + db.dialect().quoteIdentifier("body") + " = ?", List.of(v)).results().get(0).get("n") instanceof Long n ? n.intValue() : -1);
                assertEquals(0, db.countRows("notes", ReadOptions.filter(List.of("tag", "=", v))), "no tag equals #" + i);
            }
            assertEquals(stored, db.countRows("notes", ReadOptions.none()));
            assertEquals(0, db.countRows("notes", ReadOptions.filter(List.of("title", "contains", "%_%"))) - 1,
                    "'%_%' is matched literally: only the row holding it");
            assertCanaryAlive(db);
        }
    }

    /** addRows takes the bulk path (PostgreSQL's COPY): the same values must arrive unchanged. */
    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void hostileValuesSurviveABulkLoad(String dialect) {
        try (Connector db = prepared(dialect)) {
            db.defineTable("bulk", Map.of("body", "text", "n", "integer", "x", "number", "ok", "boolean", "at", "date", "blob", "file", "specs", "json"));
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> values = HOSTILE.stream().filter(v -> v.indexOf('\0') < 0).toList();
            for (int i = 0; i < values.size() * 3; i++) {
                String v = values.get(i % values.size());
                Map<String, Object> r = new HashMap<>();
                r.put("body", v);
                r.put("n", (long) i - 50);
                r.put("x", i / 7.0);
                r.put("ok", i % 2 == 0);
                r.put("at", Instant.parse("2025-01-01T00:00:00Z").plusMillis(i * 1001L));
                r.put("blob", v.getBytes(StandardCharsets.UTF_8));
                r.put("specs", Map.of("k", v, "list", List.of(v, i)));
                if (i % 5 == 0) {
                    r.put("body", null);
                }
                rows.add(r);
            }
            assertEquals(rows.size(), db.addRows("bulk", rows));
            List<Map<String, Object>> back = db.getTableData("bulk", ReadOptions.fromMap(Map.of("order", List.of("n", "ASC"))));
            assertEquals(rows.size(), back.size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> want = rows.get(i);
                Map<String, Object> got = back.get(i);
                assertEquals(want.get("body"), got.get("body"), "body of row " + i);
                assertEquals(want.get("n"), got.get("n"));
                assertEquals(want.get("x"), got.get("x"));
                assertEquals(want.get("ok"), got.get("ok"));
                assertEquals(want.get("at"), got.get("at"));
                org.junit.jupiter.api.Assertions.assertArrayEquals((byte[]) want.get("blob"), (byte[]) got.get("blob"), "blob of row " + i);
                assertEquals(Map.of("k", values.get(i % values.size()), "list", List.of(values.get(i % values.size()), (long) i)), got.get("specs"));
            }
            assertCanaryAlive(db);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void hostileNamesAreRefusedEverywhereAndInjectNothing(String dialect) {
        try (Connector db = prepared(dialect)) {
            Map<String, Object> row = db.addRow("notes", Map.of("title", "t", "tag", "x"));
            for (String name : HOSTILE) {
                if (name.matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
                    continue; // a valid name, used elsewhere
                }
                assertRefused(() -> db.defineTable(name, Map.of("a", "string")), "defineTable " + name);
                assertRefused(() -> db.defineTable("notes", Map.of(name, "string")), "defineTable field " + name);
                assertRefused(() -> db.getTableData(name), "getTableData " + name);
                assertRefused(() -> db.getTableSchema(name), "getTableSchema " + name);
                assertRefused(() -> db.deleteTable(name), "deleteTable " + name);
                assertRefused(() -> db.clearTable(name), "clearTable " + name);
                assertRefused(() -> db.addRow(name, Map.of("a", 1)), "addRow " + name);
                assertRefused(() -> db.addRow("notes", Map.of(name, 1)), "addRow field " + name);
                assertRefused(() -> db.getTableData("notes", ReadOptions.filter(List.of(name, "=", 1))), "filter field " + name);
                assertRefused(() -> db.getTableData("notes", ReadOptions.filter(List.of("title", name, 1))), "operator " + name);
                try {
                    assertEquals(0, db.getTableData("notes", ReadOptions.filter(List.of("specs." + name, "=", 1))).size(), "json path " + name);
                } catch (TablewrightException e) {
                    assertEquals(ErrorCode.INVALID_FILTER, e.code(), "json path " + name + ": " + e.getMessage());
                }
                assertRefused(() -> db.getTableData("notes", ReadOptions.fromMap(Map.of("fields", List.of(name)))), "fields " + name);
                assertRefused(() -> db.getTableData("notes", ReadOptions.fromMap(Map.of("order", List.of(name, "ASC")))), "order " + name);
                assertRefused(() -> db.upsertRow("notes", Map.of("title", "x"), Map.of(name, "x")), "uniqueKey " + name);
                assertRefused(() -> db.changeRow("notes", row.get("id"), Map.of(name, "x")), "changeRow field " + name);
            }
            assertCode(ErrorCode.INVALID_NAME, () -> db.defineTable("CANARY", Map.of("a", "string")));
            assertCode(ErrorCode.INVALID_NAME, () -> db.defineTable("notes", Map.of("TITLE", "string")));
            assertCanaryAlive(db);
            assertEquals(1, db.countRows("notes", ReadOptions.none()));
        }
    }

    /** Where a JSON key is a legal path, hostile keys are just keys. */
    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void hostileJsonKeysAreBoundAsPathValues(String dialect) {
        try (Connector db = prepared(dialect)) {
            List<String> keys = new ArrayList<>();
            for (String k : HOSTILE) {
                if (!k.isEmpty() && k.indexOf('.') < 0 && k.indexOf('"') < 0 && k.indexOf('\\') < 0 && k.indexOf('\0') < 0 && k.length() < 100) {
                    keys.add(k);
                }
            }
            for (int i = 0; i < keys.size(); i++) {
                db.addRow("notes", Map.of("tag", "k" + i, "specs", Map.of(keys.get(i), i)));
            }
            for (int i = 0; i < keys.size(); i++) {
                if (!db.dialect().supportsJsonKey(keys.get(i))) {
                    int index = i;
                    Conformance.assertCode(ErrorCode.INVALID_FILTER,
                            () -> db.getTableData("notes", ReadOptions.filter(List.of("specs." + keys.get(index), "=", index))));
                    continue;
                }
                List<Map<String, Object>> rows = db.getTableData("notes", ReadOptions.filter(List.of("specs." + keys.get(i), "=", i)));
                if (rows.size() != 1) {
                    fail("key " + keys.get(i) + " found " + rows.size());
                }
                assertEquals("k" + i, rows.get(0).get("tag"));
            }
            assertCanaryAlive(db);
        }
    }

    /** A NUL character in an option or a filter value is refused with a code of the contract and no driver text, on every dialect. */
    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void aNulCharacterInAnOptionIsRefusedInTheContractsWords(String dialect) {
        try (Connector db = prepared(dialect)) {
            db.defineTable("logged", Map.of("title", "string", "n", "integer"), Map.of("trackHistory", true));
            Map<String, Object> row = db.addRow("logged", Map.of("title", "a", "n", 1));
            List<Executable> calls = List.of(
                    () -> db.getTableData("logged", ReadOptions.filter(List.of("title", "=", "a\u0000b"))),
                    () -> db.countRows("logged", ReadOptions.filter(List.of("title", "like", "%\u0000%"))),
                    () -> db.getTableData("logged", ReadOptions.filter(List.of("title", "in", List.of("a", "\u0000")))),
                    () -> db.getAuditLog("logged", Map.of("actorId", "x\u0000")),
                    () -> db.getAuditLog("logged", Map.of("changedField", "title\u0000")),
                    () -> db.getAuditLog("logged", Map.of("action", "update\u0000")),
                    () -> db.getHistoricalData("logged", Map.of("filter", List.of("title", "=", "\u0000"))),
                    () -> db.getTableData("logged", ReadOptions.fromMap(Map.of("locale", "en\u0000"))),
                    () -> db.findRow("logged", ReadOptions.filter(List.of("id", "=", "\u0000"))));
            for (int i = 0; i < calls.size(); i++) {
                try {
                    calls.get(i).execute();
                } catch (TablewrightException e) {
                    assertTrue(e.code() != ErrorCode.SQL_ERROR && e.code() != ErrorCode.CONNECTION_FAILED, "call " + i + ": " + e.code() + " " + e.getMessage());
                    assertFalse(e.getMessage().contains("invalid byte sequence") || e.getMessage().contains("0x00"), "call " + i + ": " + e.getMessage());
                } catch (Throwable t) {
                    fail("call " + i + " threw " + t);
                }
            }
            assertEquals("a", db.findRow("logged", ReadOptions.filter(List.of("id", "=", row.get("id")))).get("title"));
            assertCanaryAlive(db);
        }
    }
}
