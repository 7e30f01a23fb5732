package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.tablewright.core.testing.TestDatabases;
import java.util.HashSet;
import java.util.UUID;

/** Writing and reading rows, the same on every dialect (contract sections 3, 4, 6, 7). */
class CrudConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    private static Connector users(String dialect) {
        Connector db = Conformance.open(dialect);
        db.defineTable("users", Map.of("name", "string", "email", "uniquestring", "age", "integer", "status", "string"));
        return db;
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void addRowReturnsTheRowWithItsGeneratedValues(String dialect) {
        try (Connector db = users(dialect)) {
            Instant before = Instant.now().minusSeconds(1);
            Map<String, Object> jane = db.addRow("users", Map.of("name", "Jane Doe", "email", "jane@example.com", "age", 34));
            assertInstanceOf(String.class, jane.get("id"));
            assertEquals(7, UUID.fromString((String) jane.get("id")).version(), "time-ordered UUIDv7");
            assertEquals("Jane Doe", jane.get("name"));
            assertEquals(34L, jane.get("age"));
            assertNull(jane.get("status"));
            Instant created = (Instant) jane.get("createdAt");
            assertTrue(created.isAfter(before) && created.isBefore(Instant.now().plusSeconds(1)));
            assertEquals(created, jane.get("updatedAt"));
            assertEquals(jane, db.findRow("users", ReadOptions.filter(List.of("email", "=", "jane@example.com"))));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void everyLogicalTypeComesBackAsItself(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("things", Map.of("s", "string", "t", "text", "i", "integer", "n", "number", "b", "boolean",
                    "d", "date", "j", "json", "jb", "jsonb", "f", "file"));
            byte[] bytes = {0, 1, 2, (byte) 255, 39, 34, 92};
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("s", "plain");
            in.put("t", "x".repeat(5000));
            in.put("i", 9007199254740993L);
            in.put("n", 3.25);
            in.put("b", true);
            in.put("d", "2025-01-31T10:15:30.123Z");
            in.put("j", Map.of("a", List.of(1, 2, Map.of("b", "c")), "n", 1.5));
            in.put("jb", List.of("x", 1, true));
            in.put("f", Base64.getEncoder().encodeToString(bytes));
            Map<String, Object> row = db.addRow("things", in);
            assertEquals("plain", row.get("s"));
            assertEquals(5000, ((String) row.get("t")).length());
            assertEquals(9007199254740993L, row.get("i"));
            assertEquals(3.25, row.get("n"));
            assertEquals(true, row.get("b"));
            assertEquals(Instant.parse("2025-01-31T10:15:30.123Z"), row.get("d"));
            assertEquals(Map.of("a", List.of(1L, 2L, Map.of("b", "c")), "n", 1.5), row.get("j"));
            assertEquals(List.of("x", 1L, true), row.get("jb"));
            assertArrayEquals(bytes, (byte[]) row.get("f"));
            Map<String, Object> nulls = db.addRow("things", Map.of());
            for (String f : List.of("s", "t", "i", "n", "b", "d", "j", "jb", "f")) {
                assertNull(nulls.get(f), f);
            }
            assertEquals(false, db.changeRow("things", row.get("id"), Map.of("b", false)).get("b"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void datesAreUtcInstantsWhateverTheJvmTimeZone(String dialect) {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("events", Map.of("at", "date"));
            Map<String, Object> day = db.addRow("events", Map.of("at", "2025-01-31"));
            assertEquals(Instant.parse("2025-01-31T00:00:00Z"), day.get("at"));
            Map<String, Object> offset = db.addRow("events", Map.of("at", "2025-06-01T02:00:00+02:00"));
            assertEquals(Instant.parse("2025-06-01T00:00:00Z"), offset.get("at"));
            assertEquals(1, db.countRows("events", ReadOptions.filter(List.of("at", "=", "2025-06-01T00:00:00Z"))));
            Map<String, Object> raw = db.queryOne("SELECT COUNT(*) AS n FROM " + db.dialect().quoteIdentifier("events"), List.of());
            assertEquals(2L, raw.get("n"));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    /** The mysql dialect (Connector/J) against the MariaDB server: Connector/J would cut milliseconds. */
    @org.junit.jupiter.api.Test
    void theMysqlDialectKeepsMillisecondsAndTypesToo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabases.dialects().contains("mariadb"));
        Map<String, Object> options = new HashMap<>(TestDatabases.fresh("mariadb").options());
        options.put("dialect", "mysql");
        try (Connector db = new Connector()) {
            db.create(options);
            db.defineTable("events", Map.of("at", "date", "ok", "boolean", "specs", "json"));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                rows.add(Map.of("at", Instant.parse("2025-01-31T10:15:30.123Z").plusMillis(i), "ok", i % 2 == 0, "specs", Map.of("i", i)));
            }
            db.addRows("events", rows);
            Map<String, Object> one = db.addRow("events", Map.of("at", "2025-01-31T10:15:30.999Z", "ok", true));
            assertEquals(Instant.parse("2025-01-31T10:15:30.999Z"), one.get("at"));
            assertEquals(1, db.countRows("events", ReadOptions.filter(List.of("at", "=", "2025-01-31T10:15:30.125Z"))));
            assertEquals(Map.of("i", 2L), db.findRow("events", ReadOptions.filter(List.of("at", "=", "2025-01-31T10:15:30.125Z"))).get("specs"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void valuesThatDoNotFitTheirTypeAreRefusedAndNothingIsWritten(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("typed", Map.of("i", "integer", "b", "boolean", "d", "date", "n", "number", "s", "string", "j", "jsonb"));
            List<Map<String, Object>> bad = List.of(Map.of("i", 1.5), Map.of("i", "abc"), Map.of("b", "maybe"), Map.of("d", "tomorrow"),
                    Map.of("n", "lots"), Map.of("s", "x".repeat(256)), Map.of("s", "nul\u0000char"), Map.of("s", Map.of("a", 1)),
                    Map.of("i", List.of(1)));
            for (Map<String, Object> row : bad) {
                var e = assertCode(ErrorCode.INVALID_VALUE, () -> db.addRow("typed", row));
                assertTrue(e.getMessage().contains("Field '" + row.keySet().iterator().next() + "'"), e.getMessage());
            }
            assertEquals(0, db.countRows("typed", ReadOptions.none()));
            Map<String, Object> ok = db.addRow("typed", Map.of("i", "42", "b", "true", "n", 2, "s", "x".repeat(255)));
            assertEquals(42L, ok.get("i"));
            assertEquals(true, ok.get("b"));
            assertEquals(2.0, ok.get("n"));
            assertCode(ErrorCode.UNKNOWN_FIELD, () -> db.addRow("typed", Map.of("ghost", 1)));
            assertCode(ErrorCode.UNKNOWN_TABLE, () -> db.addRow("nothere", Map.of("i", 1)));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void addRowsInsertsAllOrNone(String dialect) {
        try (Connector db = users(dialect)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                rows.add(Map.of("name", "user " + i, "email", "u" + i + "@example.com", "age", i % 90));
            }
            assertEquals(2500, db.addRows("users", rows));
            assertEquals(2500, db.countRows("users", ReadOptions.none()));

            List<Map<String, Object>> badType = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                badType.add(Map.of("name", "v" + i, "email", "v" + i + "@example.com", "age", i == 1499 ? "old" : i));
            }
            var e = assertCode(ErrorCode.INVALID_VALUE, () -> db.addRows("users", badType));
            assertTrue(e.getMessage().startsWith("Row 1499"), e.getMessage());

            List<Map<String, Object>> duplicate = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                duplicate.add(Map.of("name", "w" + i, "email", i == 1400 ? "u7@example.com" : "w" + i + "@example.com"));
            }
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRows("users", duplicate));
            assertEquals(2500, db.countRows("users", ReadOptions.none()), "nothing of a failed addRows is kept");

            List<Map<String, Object>> mixed = List.of(Map.of("name", "only name"), Map.of("email", "only@example.com", "age", 5));
            assertEquals(2, db.addRows("users", mixed));
            assertEquals(0, db.addRows("users", List.of()));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void addRowsPutsEveryValueInItsOwnColumnWhateverTheKeyOrder(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("people", Map.of("name", "string", "email", "string",
                    "status", Map.of("type", "string", "defaultValue", "open"), "quantity", "integer"));
            Map<String, Object> ada = new LinkedHashMap<>();
            ada.put("name", "Ada");
            ada.put("email", "ada@example.com");
            Map<String, Object> grace = new LinkedHashMap<>();
            grace.put("email", "grace@example.com");
            grace.put("name", "Grace");
            Map<String, Object> linus = new LinkedHashMap<>();
            linus.put("quantity", 1);
            linus.put("status", "shipped");
            linus.put("name", "Linus");
            assertEquals(3, db.addRows("people", List.of(ada, grace, linus)));
            List<Map<String, Object>> rows = db.getTableData("people", ReadOptions.fromMap(Map.of(
                    "fields", List.of("name", "email", "status", "quantity"), "order", List.of("name", "ASC"))));
            Map<String, Object> adaRow = new LinkedHashMap<>(Map.of("name", "Ada", "email", "ada@example.com", "status", "open"));
            adaRow.put("quantity", null);
            Map<String, Object> graceRow = new LinkedHashMap<>(Map.of("name", "Grace", "email", "grace@example.com", "status", "open"));
            graceRow.put("quantity", null);
            Map<String, Object> linusRow = new LinkedHashMap<>(Map.of("name", "Linus", "status", "shipped", "quantity", 1L));
            linusRow.put("email", null);
            assertEquals(List.of(adaRow, graceRow, linusRow), rows);
        }
    }

    /**
     * Rows that leave out different fields, mixed (PostgreSQL streams one COPY at a time and
     * switches between them): every row arrives whole, and a bad row at the end keeps nothing.
     */
    @ParameterizedTest
    @MethodSource(DIALECTS)
    void addRowsWithFieldsLeftOutHereAndThereKeepsEveryRowWhole(String dialect) {
        try (Connector db = users(dialect)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 24_000; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", "user " + i);
                if (i % 2 == 0) {
                    row.put("age", i % 90);
                }
                if (i % 1000 == 999) {
                    row.put("status", "vip");
                }
                rows.add(row);
            }
            assertEquals(rows.size(), db.addRows("users", rows));
            assertEquals(24_000, db.countRows("users", ReadOptions.none()));
            assertEquals(12_000, db.countRows("users", ReadOptions.filter(Arrays.asList("age", "<>", null))));
            assertEquals(24, db.countRows("users", ReadOptions.filter(List.of("status", "=", "vip"))));
            for (int i : new int[]{0, 1, 998, 999, 12_345, 23_999}) {
                Map<String, Object> got = db.findRow("users", ReadOptions.filter(List.of("name", "=", "user " + i)));
                assertEquals(i % 2 == 0 ? (long) (i % 90) : null, got.get("age"), "age of user " + i);
                assertEquals(i % 1000 == 999 ? "vip" : null, got.get("status"), "status of user " + i);
            }

            List<Map<String, Object>> bad = new ArrayList<>(rows.subList(0, 15_000));
            bad.replaceAll(r -> {
                Map<String, Object> copy = new LinkedHashMap<>(r);
                copy.put("name", "again " + r.get("name"));
                return copy;
            });
            bad.add(Map.of("name", "last", "age", "old"));
            var e = assertCode(ErrorCode.INVALID_VALUE, () -> db.addRows("users", bad));
            assertTrue(e.getMessage().startsWith("Row 15000"), e.getMessage());
            assertEquals(24_000, db.countRows("users", ReadOptions.none()), "nothing of a failed addRows is kept");
        }
    }

    /** 3 rows go as batched INSERTs, 300 as PostgreSQL's COPY: both replace $USER the same way. */
    @ParameterizedTest
    @MethodSource(DIALECTS)
    void addRowsReplacesUserValuesAtAnyDepthAndNothingElse(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("tasks", Map.of("owner", "string", "note", "text", "n", "integer", "specs", "json", "tags", "jsonb"));
            String user = db.currentUser();
            for (int count : new int[]{3, 300}) {
                db.clearTable("tasks");
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("owner", i % 2 == 0 ? "$USER" : "someone");
                    row.put("note", "$USER is " + i);
                    row.put("n", i);
                    row.put("specs", Map.of("by", Map.of("who", "$USER", "$USER", "key stays"), "i", i));
                    row.put("tags", i % 3 == 0 ? List.of("$USER", "$user", List.of("$USER")) : List.of("plain"));
                    rows.add(row);
                }
                assertEquals(count, db.addRows("tasks", rows));
                List<Map<String, Object>> back = db.getTableData("tasks", ReadOptions.fromMap(Map.of("order", List.of("n", "ASC"))));
                assertEquals(count, back.size());
                for (int i = 0; i < count; i++) {
                    Map<String, Object> got = back.get(i);
                    assertEquals(i % 2 == 0 ? user : "someone", got.get("owner"), "owner of row " + i);
                    assertEquals("$USER is " + i, got.get("note"), "only a value that is exactly $USER is replaced");
                    assertEquals(Map.of("by", Map.of("who", user, "$USER", "key stays"), "i", (long) i), got.get("specs"));
                    assertEquals(i % 3 == 0 ? List.of(user, "$user", List.of(user)) : List.of("plain"), got.get("tags"));
                }
                assertEquals("$USER", rows.get(0).get("owner"), "the caller's rows are not changed");
            }
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void upsertRowInsertsThenUpdatesByIdOrUniqueKey(String dialect) {
        try (Connector db = users(dialect)) {
            String id = "a1b2c3d4-e5f6-4a3b-8c2d-1f2e3d4c5b6a";
            Map<String, Object> first = db.upsertRow("users", Map.of("id", id, "name", "Jane Smith", "age", 36), null);
            assertEquals(id, first.get("id"));
            Map<String, Object> second = db.upsertRow("users", Map.of("id", id, "name", "Jane Smith", "age", 37), null);
            assertEquals(37L, second.get("age"));
            assertEquals(first.get("createdAt"), second.get("createdAt"));
            assertEquals(1, db.countRows("users", ReadOptions.none()));

            Map<String, Object> byEmail = db.upsertRow("users", Map.of("name", "Jane Doe", "age", 35), Map.of("email", "jane@example.com"));
            assertEquals("jane@example.com", byEmail.get("email"));
            assertNotEquals(id, byEmail.get("id"));
            Map<String, Object> again = db.upsertRow("users", Map.of("age", 40), Map.of("email", "jane@example.com"));
            assertEquals(byEmail.get("id"), again.get("id"));
            assertEquals(40L, again.get("age"));
            assertEquals("Jane Doe", again.get("name"), "fields not given are kept");
            assertEquals(2, db.countRows("users", ReadOptions.none()));

            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.upsertRow("users", Map.of("age", 1), Map.of("name", "Jane Doe")));
            assertCode(ErrorCode.INVALID_VALUE, () -> db.upsertRow("users", Map.of("age", "x"), Map.of("email", "jane@example.com")));
            assertEquals(40L, db.findRow("users", ReadOptions.filter(List.of("email", "=", "jane@example.com"))).get("age"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void changeRowUpdatesTheRowAndItsUpdatedAt(String dialect) throws InterruptedException {
        try (Connector db = users(dialect)) {
            Map<String, Object> jane = db.addRow("users", Map.of("name", "Jane", "email", "jane@example.com", "age", 36));
            Thread.sleep(5);
            Map<String, Object> changed = db.changeRow("users", jane.get("id"), Map.of("age", 37, "status", "active"));
            assertEquals(37L, changed.get("age"));
            assertEquals("active", changed.get("status"));
            assertEquals("Jane", changed.get("name"));
            assertEquals(jane.get("createdAt"), changed.get("createdAt"));
            assertTrue(((Instant) changed.get("updatedAt")).isAfter((Instant) jane.get("updatedAt")));
            assertCode(ErrorCode.NOT_FOUND, () -> db.changeRow("users", "no-such-id", Map.of("age", 1)));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.changeRow("users", jane.get("id"), Map.of("id", "other")));
            Map<String, Object> other = db.addRow("users", Map.of("name", "Joe", "email", "joe@example.com"));
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.changeRow("users", other.get("id"), Map.of("email", "jane@example.com")));
            assertEquals("joe@example.com", db.findRow("users", ReadOptions.filter(List.of("name", "=", "Joe"))).get("email"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void updateRowReplacesJsonAndPatchRowMergesIt(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("settings", Map.of("id", Map.of("type", "integer", "primaryKey", true), "name", "string", "settings", "jsonb"));
            db.addRow("settings", Map.of("id", 1, "name", "Config A", "settings", Map.of("theme", "dark", "notifications", true)));
            db.addRow("settings", Map.of("id", 2, "name", "Config B", "settings", Map.of("theme", "dark", "notifications", true,
                    "nested", Map.of("a", 1, "list", List.of(1, 2)))));
            Map<String, Object> updated = db.updateRow("settings", Map.of("id", 1, "settings", Map.of("notifications", false, "timezone", "UTC")));
            assertEquals(Map.of("id", 1L, "name", "Config A", "settings", Map.of("notifications", false, "timezone", "UTC")), updated);
            Map<String, Object> patched = db.patchRow("settings", Map.of("id", 2, "settings", Map.of("notifications", false, "timezone", "UTC",
                    "nested", Map.of("b", 2, "list", List.of(3)))));
            assertEquals(Map.of("theme", "dark", "notifications", false, "timezone", "UTC", "nested", Map.of("a", 1L, "b", 2L, "list", List.of(3L))),
                    patched.get("settings"));
            Map<String, Object> viaChange = db.changeRow("settings", 1, Map.of("settings", Map.of("theme", "light")), true);
            assertEquals(Map.of("notifications", false, "timezone", "UTC", "theme", "light"), viaChange.get("settings"));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.updateRow("settings", Map.of("name", "no id")));
            assertCode(ErrorCode.NOT_FOUND, () -> db.patchRow("settings", Map.of("id", 99, "settings", Map.of("a", 1))));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void deleteRowClearTableAndCountRows(String dialect) {
        try (Connector db = users(dialect)) {
            Map<String, Object> a = db.addRow("users", Map.of("name", "A", "age", 10));
            db.addRow("users", Map.of("name", "B", "age", 20));
            db.addRow("users", Map.of("name", "C", "age", 30));
            assertEquals(2, db.countRows("users", ReadOptions.filter(List.of("age", ">", 15))));
            assertTrue(db.deleteRow("users", a.get("id")));
            assertCode(ErrorCode.NOT_FOUND, () -> db.deleteRow("users", a.get("id")));
            assertNull(db.findRow("users", ReadOptions.filter(List.of("name", "=", "A"))));
            assertEquals(2, db.clearTable("users"));
            assertEquals(0, db.countRows("users", ReadOptions.none()));
            assertEquals(List.of("users"), db.getAllTables());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void readingOrdersLimitsOffsetsAndSelectsFields(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("tickets", Map.of("title", "string", "priority", "string", "rank", "integer"));
            String[] priorities = {"low", "high", "critical", "medium"};
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Map<String, Object> r = new HashMap<>();
                r.put("title", "T" + i);
                r.put("priority", priorities[i % 4]);
                r.put("rank", i % 3 == 0 ? null : i);
                rows.add(r);
            }
            db.addRows("tickets", rows);
            List<Map<String, Object>> top = db.getTableData("tickets", ReadOptions.fromMap(Map.of(
                    "filter", List.of("priority", "in", List.of("high", "critical")), "order", List.of("rank", "DESC"), "limit", 5,
                    "fields", List.of("title", "rank"))));
            assertEquals(List.of("T17", "T14", "T13", "T10", "T5"), Conformance.values(top, "title"), "nulls last when descending");
            assertEquals(List.of("title", "rank"), new ArrayList<>(top.get(0).keySet()));
            List<Map<String, Object>> ascending = db.getTableData("tickets", ReadOptions.fromMap(Map.of("order", List.of("rank", "ASC"), "fields", List.of("rank"))));
            assertNull(ascending.get(0).get("rank"), "nulls first when ascending, on every dialect");
            assertNull(ascending.get(19 - 13).get("rank"));
            assertEquals(1L, ascending.get(7).get("rank"));
            List<Map<String, Object>> twoKeys = db.getTableData("tickets", ReadOptions.fromMap(Map.of(
                    "order", List.of(List.of("priority", "ASC"), List.of("title", "DESC")), "limit", 3, "offset", 1, "fields", List.of("title"))));
            assertEquals(List.of("T2", "T18", "T14"), Conformance.values(twoKeys, "title"));
            List<Map<String, Object>> page1 = db.getTableData("tickets", ReadOptions.fromMap(Map.of("limit", 7)));
            List<Map<String, Object>> page2 = db.getTableData("tickets", ReadOptions.fromMap(Map.of("limit", 7, "offset", 7)));
            List<Map<String, Object>> page3 = db.getTableData("tickets", ReadOptions.fromMap(Map.of("offset", 14)));
            List<Object> all = new ArrayList<>(Conformance.values(page1, "id"));
            all.addAll(Conformance.values(page2, "id"));
            all.addAll(Conformance.values(page3, "id"));
            assertEquals(20, new HashSet<>(all).size(), "pages without order are stable (primary key order)");
            assertCode(ErrorCode.UNKNOWN_FIELD, () -> db.getTableData("tickets", ReadOptions.fromMap(Map.of("fields", List.of("nope")))));
            assertCode(ErrorCode.UNKNOWN_FIELD, () -> db.getTableData("tickets", ReadOptions.fromMap(Map.of("order", List.of("nope", "ASC")))));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getTableData("tickets", ReadOptions.fromMap(Map.of("order", List.of("rank", "SIDEWAYS")))));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getTableData("tickets", ReadOptions.fromMap(Map.of("limit", -1))));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getTableData("tickets", ReadOptions.fromMap(Map.of("colour", "red"))));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void localeFormatsDatesForPeople(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("events", Map.of("title", "string", "at", "date"));
            db.addRow("events", Map.of("title", "launch", "at", "2025-01-31T15:30:00Z"));
            Map<String, Object> us = db.getTableData("events", ReadOptions.fromMap(Map.of("locale", "en-US", "dateStyle", "long",
                    "timeStyle", "hidden", "fields", List.of("at")))).get(0);
            assertEquals("January 31, 2025", us.get("at"));
            Map<String, Object> de = db.getTableData("events", ReadOptions.fromMap(Map.of("locale", "de-DE", "dateStyle", "medium",
                    "timeStyle", "short", "fields", List.of("at")))).get(0);
            assertEquals("31.01.2025, 15:30", de.get("at"));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getTableData("events", ReadOptions.fromMap(Map.of("locale", "en-US", "dateStyle", "huge"))));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void userVariableIsTheConnectionsUserEverywhere(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("profiles", Map.of("username", "uniquestring", "visits", "integer"));
            String me = db.currentUser();
            assertNotNull(me);
            Map<String, Object> row = db.upsertRow("profiles", Map.of("visits", 1), Map.of("username", "$USER"));
            assertEquals(me, row.get("username"));
            db.upsertRow("profiles", Map.of("visits", 2), Map.of("username", "$USER"));
            assertEquals(2L, db.findRow("profiles", ReadOptions.filter(List.of("username", "=", "$USER"))).get("visits"));
            assertEquals(1, db.countRows("profiles", ReadOptions.none()));
            db.addRow("profiles", Map.of("username", "someone else"));
            assertEquals(1, db.countRows("profiles", ReadOptions.filter(List.of("username", "=", "$USER"))));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void constraintViolationsHaveTheirCodes(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("employees", Map.of(
                    "employeeId", Map.of("type", "integer", "primaryKey", true, "autoIncrement", true),
                    "email", Map.of("type", "string", "allowNull", false, "unique", true),
                    "status", Map.of("type", "string", "defaultValue", "active"),
                    "hireDate", Map.of("type", "date", "defaultValue", "NOW")));
            Map<String, Object> ada = db.addRow("employees", Map.of("email", "ada@example.com"));
            assertEquals(1L, ada.get("employeeId"));
            assertEquals("active", ada.get("status"));
            assertTrue(Math.abs(((Instant) ada.get("hireDate")).toEpochMilli() - System.currentTimeMillis()) < 60_000);
            assertFalse(ada.containsKey("id"), "an explicit primary key means no automatic fields");
            assertEquals(2L, db.addRow("employees", Map.of("email", "bob@example.com", "status", "on leave")).get("employeeId"));
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("employees", Map.of("email", "ada@example.com")));
            assertCode(ErrorCode.NOT_NULL_VIOLATION, () -> db.addRow("employees", Map.of("status", "x")));
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("employees", Map.of("employeeId", 1, "email", "c@example.com")));
            assertEquals(2, db.countRows("employees", ReadOptions.none()));
            assertEquals(ada, db.findRow("employees", ReadOptions.filter(List.of("employeeId", "=", 1))));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void countRowsWithALimitStopsCountingThere(String dialect) {
        try (Connector db = users(dialect)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                rows.add(Map.of("name", "u" + i, "email", "u" + i + "@example.com", "age", i));
            }
            db.addRows("users", rows);
            assertEquals(5, db.countRows("users", ReadOptions.none().withLimit(5)));
            assertEquals(7, db.countRows("users", ReadOptions.none().withLimit(100)));
            assertEquals(3, db.countRows("users", ReadOptions.filter(List.of("age", ">=", 4)).withLimit(5)));
            assertEquals(2, db.countRows("users", ReadOptions.filter(List.of("age", ">=", 4)).withLimit(2)));
        }
    }

    /** One limit on JSON nesting for every dialect, with history on or off: 30 levels are stored, 31 refused as INVALID_VALUE. */
    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void jsonNestsThirtyLevelsDeepOnEveryDialectAndDeeperIsInvalidValue(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            for (boolean history : List.of(false, true)) {
                String table = history ? "tracked" : "plain";
                db.defineTable(table, Map.of("doc", "json", "docb", "jsonb"), Map.of("trackHistory", history));
                Object deepest = nested(30);
                Map<String, Object> row = db.addRow(table, Map.of("doc", deepest, "docb", deepest));
                Map<String, Object> read = db.findRow(table, ReadOptions.filter(List.of("id", "=", row.get("id"))));
                assertEquals(deepest, read.get("doc"), table);
                assertEquals(deepest, read.get("docb"), table);
                Object tooDeep = nested(31);
                String message = assertCode(ErrorCode.INVALID_VALUE, () -> db.addRow(table, Map.of("doc", tooDeep))).getMessage();
                assertTrue(message.contains("30") && message.contains("doc"), message);
                assertCode(ErrorCode.INVALID_VALUE, () -> db.changeRow(table, row.get("id"), Map.of("docb", tooDeep)));
                assertEquals(1, db.countRows(table, ReadOptions.none()), "a refused value changes nothing");
            }
        }
    }

    /** {@code {"a": [{"a": [...]}]}}: objects and arrays alternating, {@code levels} deep. */
    private static Object nested(int levels) {
        Object value = "bottom";
        for (int i = 0; i < levels; i++) {
            value = i % 2 == 0 ? List.of(value) : Map.of("a", value);
        }
        return value;
    }

    /** A refused bulk load names the rule and the field, never the statement, the bound values or the driver's advice. */
    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void aRefusedBulkLoadSaysWhichRuleWithoutTheValuesOrInternalSql(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("people", Map.of("email", "uniquestring", "name", "string"));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                rows.add(Map.of("email", "secret" + i + "@mail.example", "name", "Person " + i));
            }
            rows.add(Map.of("email", "secret7@mail.example", "name", "Twin"));
            var e = assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRows("people", rows));
            String message = e.getMessage();
            assertTrue(message.contains("email"), message);
            for (String leak : List.of("secret3@", "Person 4", "INSERT", "COPY", "getNextException", "Exception")) {
                assertFalse(message.contains(leak), "'" + leak + "' in: " + message);
            }
            assertEquals(0, db.countRows("people", ReadOptions.none()));
        }
    }
}
