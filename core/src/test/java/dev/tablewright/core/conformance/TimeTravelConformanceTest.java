package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static dev.tablewright.core.conformance.Conformance.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Arrays;
import java.util.Set;

/** Time travel and restore (contract section 10.1) on every dialect. */
class TimeTravelConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    /** The moment of the table's latest change, as getHistoricalData gives it: a valid asOf. */
    private static String lastChange(Connector db, String table) {
        List<Map<String, Object>> all = db.getHistoricalData(table, Map.of());
        return all.get(all.size() - 1).get("changedAt").toString();
    }

    /** Changes made after this return are at a later millisecond than those made before it. */
    private static void nextMillisecond() throws InterruptedException {
        Thread.sleep(15);
    }

    private static Filter where(Object... condition) {
        return Filter.parse(List.of(condition));
    }

    private static ReadOptions asOf(String moment) {
        return ReadOptions.builder().asOf(moment).build();
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void asOfReadsTheTableAsItStoodWithFilterOrderAndPagesOnTheValuesOfThen(String dialect) throws Exception {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("staff", Map.of("name", "string", "age", "integer"), Map.of("trackHistory", true));
            Map<String, Object> ann = db.addRow("staff", Map.of("name", "Ann", "age", 30));
            Map<String, Object> bob = db.addRow("staff", Map.of("name", "Bob", "age", 40));
            db.addRow("staff", Map.of("name", "Cid", "age", 50));
            String then = lastChange(db, "staff");
            nextMillisecond();
            db.changeRow("staff", ann.get("id"), Map.of("age", 60, "name", "Anna"));
            db.deleteRow("staff", bob.get("id"));
            db.addRow("staff", Map.of("name", "Dee", "age", 20));

            List<Map<String, Object>> rows = db.getTableData("staff", ReadOptions.builder().asOf(then).order(List.of("age", "ASC")).build());
            assertEquals(List.of("Ann", "Bob", "Cid"), values(rows, "name"), "a row deleted since is there, one inserted since is not, values of then");
            assertEquals(List.of(30L, 40L, 50L), values(rows, "age"));
            assertEquals(ann.get("createdAt"), rows.get(0).get("createdAt"), "every field as it was");
            assertEquals(List.of("Bob"), values(db.getTableData("staff", ReadOptions.builder().asOf(then).filter(where("age", ">", 35))
                    .order(List.of("age", "ASC")).limit(1).build()), "name"), "the filter sees the ages of then (Ann was 30)");
            assertEquals(List.of("Cid"), values(db.getTableData("staff", ReadOptions.builder().asOf(then).order(List.of("name", "DESC"))
                    .limit(2).offset(0).build()).subList(0, 1), "name"));
            assertEquals(List.of("Bob"), values(db.getTableData("staff", ReadOptions.builder().asOf(then).order(List.of("age", "ASC"))
                    .limit(1).offset(1).build()), "name"));
            assertEquals(List.of(Map.of("name", "Ann")), db.getTableData("staff", ReadOptions.builder().asOf(then).fields(List.of("name"))
                    .filter(where("name", "=", "Ann")).build()));
            assertEquals(3, db.countRows("staff", asOf(then)));
            assertEquals(2, db.countRows("staff", ReadOptions.builder().asOf(then).filter(where("age", ">=", 40)).build()));
            assertEquals(0, db.countRows("staff", ReadOptions.builder().asOf(then).filter(where("name", "=", "Dee")).build()));
            assertEquals(List.of("Anna", "Cid", "Dee"), values(db.getTableData("staff", ReadOptions.builder().asOf("now").order(List.of("name", "ASC")).build()), "name"),
                    "now is the table as it is");
            assertEquals(3, db.countRows("staff", asOf("now")));
            assertEquals(0, db.countRows("staff", asOf("2000-01-01")), "tracked since it was created: nothing before");
            assertEquals(List.of(), db.getTableData("staff", asOf("-30d")));
            assertEquals("Bob", db.findRow("staff", ReadOptions.builder().asOf(then).filter(where("id", "=", bob.get("id"))).build()).get("name"));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getTableData("staff", asOf("yesterday")));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void asOfKeepsEveryTypeAndFiltersJsonPathsAndDatesOfThen(String dialect) throws Exception {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("things", Map.of("label", "text", "price", "number", "ok", "boolean", "due", "date", "spec", "json", "tags", "jsonb",
                    "blob", "file"), Map.of("trackHistory", true));
            Map<String, Object> row = db.addRow("things", Map.of("label", "it's \"quoted\"", "price", 2.5, "ok", true, "due", "2025-01-31T10:00:00Z",
                    "spec", Map.of("size", "L", "n", 3), "tags", List.of("a", "b"), "blob", new byte[]{0, 1, (byte) 255}));
            db.addRow("things", Map.of("label", "empty"));
            String then = lastChange(db, "things");
            nextMillisecond();
            db.changeRow("things", row.get("id"), Map.of("price", 9.0, "ok", false, "due", "2026-06-01", "spec", Map.of("size", "S"), "blob", new byte[]{7}));

            Map<String, Object> old = db.findRow("things", ReadOptions.builder().asOf(then).filter(where("id", "=", row.get("id"))).build());
            assertEquals("it's \"quoted\"", old.get("label"));
            assertEquals(2.5, old.get("price"));
            assertEquals(true, old.get("ok"));
            assertEquals(Instant.parse("2025-01-31T10:00:00Z"), old.get("due"));
            assertEquals(Map.of("size", "L", "n", 3L), old.get("spec"));
            assertEquals(List.of("a", "b"), old.get("tags"));
            assertArrayEquals(new byte[]{0, 1, (byte) 255}, (byte[]) old.get("blob"));
            Map<String, Object> empty = db.findRow("things", ReadOptions.builder().asOf(then).filter(where("label", "=", "empty")).build());
            assertNull(empty.get("spec"));
            assertNull(empty.get("blob"));
            assertNull(empty.get("ok"));
            assertEquals(1, db.countRows("things", ReadOptions.builder().asOf(then).filter(where("spec.size", "=", "L")).build()));
            assertEquals(1, db.countRows("things", ReadOptions.builder().asOf(then).filter(where("due", "<", "2025-02-01")).build()));
            assertEquals(1, db.countRows("things", ReadOptions.builder().asOf(then).filter(where("ok", "=", true)).build()));
            assertEquals(1, db.countRows("things", ReadOptions.builder().asOf(then).filter(Filter.parse(Arrays.asList("spec", "=", null))).build()));
            assertEquals(0, db.countRows("things", ReadOptions.builder().asOf(then).filter(where("spec.size", "=", "S")).build()));
            assertEquals(1, db.countRows("things", ReadOptions.builder().asOf("now").filter(where("spec.size", "=", "S")).build()));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aTableTrackedLaterAnswersSinceThenAndItsFirstChangeShowsOnlyWhatChanged(String dialect) throws Exception {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("invoices", Map.of("number", "string", "paid", "boolean"));
            Map<String, Object> first = db.addRow("invoices", Map.of("number", "INV-001", "paid", false));
            db.addRow("invoices", Map.of("number", "INV-002", "paid", false));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getTableData("invoices", asOf("now")));
            nextMillisecond();
            db.defineTable("invoices", Map.of(), Map.of("trackHistory", true));
            nextMillisecond();
            String tracked = Instant.now().toString();
            nextMillisecond();
            db.changeRow("invoices", first.get("id"), Map.of("paid", true));

            List<Map<String, Object>> log = db.getAuditLog("invoices", Map.of("id", first.get("id")));
            assertEquals(1, log.size(), "the rows the table had are no changes");
            Map<?, ?> diff = (Map<?, ?>) log.get(0).get("diff");
            assertEquals(Set.of("paid", "updatedAt"), diff.keySet(), "only what changed");
            assertEquals(Map.of("old", false, "new", true), diff.get("paid"));
            assertEquals(1, db.getAuditLog("invoices", Map.of("changedField", "paid")).size());
            assertEquals(0, db.getAuditLog("invoices", Map.of("changedField", "number")).size());
            assertEquals(List.of("update"), values(db.getHistoricalData("invoices", Map.of()), "operation"));

            List<Map<String, Object>> then = db.getTableData("invoices", ReadOptions.builder().asOf(tracked).order(List.of("number", "ASC")).build());
            assertEquals(List.of(false, false), values(then, "paid"), "rows the table had when tracking began");
            assertEquals(1, db.countRows("invoices", ReadOptions.builder().asOf("now").filter(where("paid", "=", true)).build()));
            TablewrightException before = assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getTableData("invoices", asOf("-1d")));
            assertTrue(before.getMessage().contains("since"), before.getMessage());
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.countRows("invoices", asOf("2000-01-01")));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void restoreRowPutsBackAllOrSomeFieldsAndIsItselfARecordedChange(String dialect) throws Exception {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("users", Map.of("name", "string", "email", "uniquestring", "age", "integer", "prefs", "json"), Map.of("trackHistory", true));
            Map<String, Object> ann = db.addRow("users", Map.of("name", "Ann", "email", "ann@example.com", "age", 30, "prefs", Map.of("theme", "dark")));
            String then = lastChange(db, "users");
            nextMillisecond();
            db.changeRow("users", ann.get("id"), Map.of("name", "Anna", "age", 31, "prefs", Map.of("lang", "en")));

            Map<String, Object> some = db.restoreRow("users", ann.get("id"), Map.of("asOf", then, "fields", List.of("age")));
            assertEquals("Anna", some.get("name"), "fields not named keep their values");
            assertEquals(30L, some.get("age"));
            Map<String, Object> all = db.restoreRow("users", ann.get("id"), Map.of("asOf", then));
            assertEquals("Ann", all.get("name"));
            assertEquals(Map.of("theme", "dark"), all.get("prefs"), "JSON is replaced, not merged");
            assertEquals(ann.get("createdAt"), all.get("createdAt"));
            assertTrue(((Instant) all.get("updatedAt")).isAfter((Instant) ann.get("updatedAt")), "updatedAt is now");
            assertEquals(all, db.findRow("users", ReadOptions.filter(List.of("id", "=", ann.get("id")))));

            List<Map<String, Object>> versions = db.getHistoricalData("users", Map.of("filter", List.of("id", "=", ann.get("id"))));
            assertEquals(List.of("insert", "update", "update", "update"), values(versions, "operation"), "each restore is a change");
            assertEquals(db.currentUser(), versions.get(3).get("changedBy"));
            Map<?, ?> diff = (Map<?, ?>) db.getAuditLog("users", Map.of("id", ann.get("id"), "limit", 1)).get(0).get("diff");
            assertEquals(Map.of("old", "Anna", "new", "Ann"), diff.get("name"));

            assertCode(ErrorCode.NOT_FOUND, () -> db.restoreRow("users", ann.get("id"), Map.of("asOf", "2000-01-01")));
            assertCode(ErrorCode.NOT_FOUND, () -> db.restoreRow("users", "no-such-id", Map.of("asOf", "now")));
            assertCode(ErrorCode.UNKNOWN_FIELD, () -> db.restoreRow("users", ann.get("id"), Map.of("asOf", then, "fields", List.of("nope"))));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.restoreRow("users", ann.get("id"), Map.of("fields", List.of("age"))));
            db.defineTable("plain", Map.of("name", "string"));
            Map<String, Object> p = db.addRow("plain", Map.of("name", "x"));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.restoreRow("plain", p.get("id"), Map.of("asOf", "now")));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aDeletedRowComesBackWithItsIdAndAConstraintFailureChangesNothing(String dialect) throws Exception {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("users", Map.of("name", "string", "email", "uniquestring"), Map.of("trackHistory", true));
            Map<String, Object> ann = db.addRow("users", Map.of("name", "Ann", "email", "ann@example.com"));
            Map<String, Object> bob = db.addRow("users", Map.of("name", "Bob", "email", "bob@example.com"));
            String then = lastChange(db, "users");
            nextMillisecond();
            db.deleteRow("users", ann.get("id"));
            db.changeRow("users", bob.get("id"), Map.of("email", "ann@example.com"));

            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.restoreRow("users", ann.get("id"), Map.of("asOf", then)));
            assertNull(db.findRow("users", ReadOptions.filter(List.of("id", "=", ann.get("id")))), "nothing changed");
            assertEquals(List.of("insert", "delete"), values(db.getHistoricalData("users", Map.of("filter", List.of("id", "=", ann.get("id")))), "operation"));

            db.changeRow("users", bob.get("id"), Map.of("email", "bob@example.com"));
            Map<String, Object> back = db.restoreRow("users", ann.get("id"), Map.of("asOf", then));
            assertEquals(ann.get("id"), back.get("id"));
            assertEquals("Ann", back.get("name"));
            assertEquals("ann@example.com", back.get("email"));
            assertEquals(ann.get("createdAt"), back.get("createdAt"), "createdAt keeps its original value");
            List<Map<String, Object>> versions = db.getHistoricalData("users", Map.of("filter", List.of("id", "=", ann.get("id"))));
            assertEquals(List.of("insert", "delete", "insert"), values(versions, "operation"));
            assertEquals(db.currentUser(), versions.get(2).get("changedBy"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aRestoreThatWouldBreakAForeignKeyFailsWithItsCode(String dialect) throws Exception {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("teams", Map.of("name", "string"));
            db.defineTable("players", Map.of("name", "string"), Map.of("trackHistory", true));
            db.optionallyHasOne("players", "teams", null);
            Map<String, Object> red = db.addRow("teams", Map.of("name", "red"));
            Map<String, Object> blue = db.addRow("teams", Map.of("name", "blue"));
            Map<String, Object> pia = db.addRow("players", Map.of("name", "Pia", "teamId", red.get("id")));
            String then = lastChange(db, "players");
            nextMillisecond();
            db.changeRow("players", pia.get("id"), Map.of("teamId", blue.get("id"), "name", "Pia B"));
            db.query("DELETE FROM " + db.dialect().quoteIdentifier("teams") + " WHERE " + db.dialect().quoteIdentifier("id") + " = ?", List.of(red.get("id")));

            assertCode(ErrorCode.FOREIGN_KEY_VIOLATION, () -> db.restoreRow("players", pia.get("id"), Map.of("asOf", then)));
            Map<String, Object> now = db.findRow("players", ReadOptions.filter(List.of("id", "=", pia.get("id"))));
            assertEquals("Pia B", now.get("name"), "nothing changed");
            assertEquals(blue.get("id"), now.get("teamId"));
            assertEquals("Pia", db.restoreRow("players", pia.get("id"), Map.of("asOf", then, "fields", List.of("name"))).get("name"));
        }
    }
}
