package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.tablewright.core.query.ReadOptions;
import java.sql.Statement;
import java.util.ArrayList;

/** Record history on every dialect, including changes made by other clients (contract sections 8 and 10). */
class HistoryConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    private static Map<String, Object> idFilter(Object id) {
        return Map.of("filter", List.of("id", "=", id));
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void everyVersionIsKeptOldestFirstWithWhoMadeIt(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("accounts", Map.of("owner", "string", "balance", "number", "active", "boolean", "opened", "date",
                    "prefs", "jsonb", "scan", "file"), Map.of("trackHistory", true));
            assertTrue(db.getTableSchema("accounts").options().trackHistory());
            assertEquals(List.of("accounts"), db.getAllTables(), "the history table is hidden");
            Map<String, Object> acc = db.addRow("accounts", Map.of("owner", "Ann", "balance", 10, "active", true, "opened", "2025-01-31",
                    "prefs", Map.of("theme", "dark"), "scan", new byte[]{1, 2, (byte) 250}));
            for (int i = 1; i <= 5; i++) {
                db.changeRow("accounts", acc.get("id"), Map.of("balance", 10 + i));
            }
            db.deleteRow("accounts", acc.get("id"));
            List<Map<String, Object>> versions = db.getHistoricalData("accounts", idFilter(acc.get("id")));
            assertEquals(7, versions.size());
            assertEquals(List.of("insert", "update", "update", "update", "update", "update", "delete"),
                    versions.stream().map(v -> v.get("operation")).toList());
            for (int i = 1; i <= 5; i++) {
                assertEquals(10.0 + i, ((Map<?, ?>) versions.get(i).get("data")).get("balance"), "versions keep the order the changes were made in");
            }
            Map<?, ?> first = (Map<?, ?>) versions.get(0).get("data");
            assertEquals("Ann", first.get("owner"));
            assertEquals(true, first.get("active"));
            assertEquals(Instant.parse("2025-01-31T00:00:00Z"), first.get("opened"));
            assertEquals(Map.of("theme", "dark"), first.get("prefs"));
            assertArrayEquals(new byte[]{1, 2, (byte) 250}, (byte[]) first.get("scan"));
            assertEquals(acc.get("id"), first.get("id"));
            for (Map<String, Object> v : versions) {
                assertEquals(db.currentUser(), v.get("changedBy"));
                assertTrue(v.get("changedAt") instanceof Instant);
            }
            assertEquals("Ann", ((Map<?, ?>) versions.get(6).get("data")).get("owner"), "a delete keeps the row as it was");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void changesByOtherClientsAreRecordedWithTheDatabaseUserWhereItKnowsOne(String dialect) throws Exception {
        TestDatabases.TestDb target = Conformance.fresh(dialect);
        try (Connector db = new Connector()) {
            db.create(target.options());
            db.defineTable("notes", Map.of("body", "string"), Map.of("trackHistory", true));
            Map<String, Object> note = db.addRow("notes", Map.of("body", "mine"));
            String table = db.dialect().quoteIdentifier("notes");
            String body = db.dialect().quoteIdentifier("body");
            String id = db.dialect().quoteIdentifier("id");
            // Who the other client is: on PostgreSQL a role of its own, on MariaDB the server's user, on SQLite nobody.
            String outsider = switch (dialect) {
                case "postgres" -> "clerk_" + Long.toHexString(System.nanoTime());
                case "sqlite" -> null;
                default -> target.username();
            };
            try (Connection plain = target.openJdbc()) {
                plain.setAutoCommit(true);
                if (dialect.equals("postgres")) {
                    try (Statement st = plain.createStatement()) {
                        st.execute("CREATE ROLE " + outsider);
                        st.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO " + outsider);
                        st.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO " + outsider);
                        st.execute("SET ROLE " + outsider);
                    }
                }
                try (PreparedStatement ps = plain.prepareStatement("UPDATE " + table + " SET " + body + " = ? WHERE " + id + " = ?")) {
                    ps.setString(1, "theirs");
                    ps.setString(2, (String) note.get("id"));
                    assertEquals(1, ps.executeUpdate());
                }
                try (PreparedStatement ps = plain.prepareStatement("INSERT INTO " + table + " (" + id + ", " + body + ") VALUES (?, ?)")) {
                    ps.setString(1, "outside-1");
                    ps.setString(2, "from psql");
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = plain.prepareStatement("DELETE FROM " + table + " WHERE " + id + " = ?")) {
                    ps.setString(1, "outside-1");
                    ps.executeUpdate();
                }
            }
            List<Map<String, Object>> versions = db.getHistoricalData("notes", idFilter(note.get("id")));
            assertEquals(2, versions.size());
            assertEquals("theirs", ((Map<?, ?>) versions.get(1).get("data")).get("body"));
            assertEquals(db.currentUser(), versions.get(0).get("changedBy"));
            assertEquals(outsider, versions.get(1).get("changedBy"), "the database's user for another client (none on SQLite)");
            List<Map<String, Object>> deleted = db.getHistoricalData("notes", idFilter("outside-1"));
            assertEquals(List.of("insert", "delete"), deleted.stream().map(v -> v.get("operation")).toList(), "a deleted row's history stays");
            assertEquals(outsider, deleted.get(1).get("changedBy"));
            assertEquals(1, db.getAuditLog("notes", outsider == null ? Map.of("id", "outside-1", "action", "DELETE") : Map.of("actorId", outsider, "action", "DELETE")).size());
            db.addRow("notes", Map.of("body", "mine again"));
            List<Map<String, Object>> all = db.getHistoricalData("notes", Map.of());
            assertEquals(5, all.size());
            assertEquals(db.currentUser(), all.get(4).get("changedBy"), "the workbench's next write is its own again");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void bulkInsertsAreRecordedLikeSingleOnes(String dialect) throws Exception {
        TestDatabases.TestDb target = Conformance.fresh(dialect);
        try (Connector db = new Connector()) {
            db.create(target.options());
            db.defineTable("events", Map.of("n", "integer", "specs", "jsonb", "blob", "file"), Map.of("trackHistory", true));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                rows.add(Map.of("n", i, "specs", Map.of("i", i, "tag", "t\"" + i), "blob", new byte[]{(byte) i, 0, 7}));
            }
            assertEquals(120, db.addRows("events", rows));
            assertEquals(120, db.countRows("events", ReadOptions.none()), "every row is stored (MariaDB's bulk protocol kept one)");
            List<Map<String, Object>> all = db.getHistoricalData("events", Map.of());
            assertEquals(120, all.size());
            for (int i = 0; i < 120; i++) {
                Map<String, Object> v = all.get(i);
                assertEquals("insert", v.get("operation"));
                assertEquals(db.currentUser(), v.get("changedBy"));
                Map<?, ?> data = (Map<?, ?>) v.get("data");
                assertEquals((long) i, data.get("n"), "versions in insert order");
                assertEquals(Map.of("i", (long) i, "tag", "t\"" + i), data.get("specs"));
                assertArrayEquals(new byte[]{(byte) i, 0, 7}, (byte[]) data.get("blob"));
            }
            String id = db.dialect().quoteIdentifier("id");
            try (Connection plain = target.openJdbc(); PreparedStatement ps = plain.prepareStatement(
                    "INSERT INTO " + db.dialect().quoteIdentifier("events") + " (" + id + ") VALUES (?)")) {
                ps.setString(1, "outside");
                ps.executeUpdate();
            }
            List<Map<String, Object>> outside = db.getHistoricalData("events", idFilter("outside"));
            assertEquals(1, outside.size(), "another client's insert after a bulk insert is still recorded");
            assertEquals(dialect.equals("sqlite") ? null : target.username(), outside.get(0).get("changedBy"),
                    "another client's insert has the database's user, not the workbench's");
            assertCode(ErrorCode.INVALID_VALUE, () -> db.addRows("events", List.of(Map.of("n", 1), Map.of("n", "x"))));
            assertEquals(121, db.getHistoricalData("events", Map.of()).size(), "a failed bulk insert records nothing");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void startAndStopBoundTheVersions(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("notes", Map.of("body", "string"), Map.of("trackHistory", true));
            Map<String, Object> note = db.addRow("notes", Map.of("body", "a"));
            db.changeRow("notes", note.get("id"), Map.of("body", "b"));
            assertEquals(2, db.getHistoricalData("notes", Map.of("filter", List.of("id", "=", note.get("id")), "start", "-1h", "stop", "now")).size());
            assertEquals(2, db.getHistoricalData("notes", Map.of("filter", List.of("body", "=", "b"), "start", "-2w")).size());
            assertEquals(0, db.getHistoricalData("notes", Map.of("filter", List.of("id", "=", note.get("id")), "start", "2999-01-01")).size());
            assertEquals(0, db.getHistoricalData("notes", Map.of("filter", List.of("id", "=", note.get("id")), "stop", "-1d")).size());
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getHistoricalData("notes", Map.of("start", "yesterday")));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getHistoricalData("notes", Map.of("since", "-1h")));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void historyKeepsWorkingWhenFieldsAreAddedAndCanBeSwitchedOnLater(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("items", Map.of("name", "string"));
            Map<String, Object> before = db.addRow("items", Map.of("name", "untracked"));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getHistoricalData("items", Map.of()));
            db.defineTable("items", Map.of("name", "string"), Map.of("trackHistory", true));
            db.changeRow("items", before.get("id"), Map.of("name", "tracked now"));
            db.defineTable("items", Map.of("sku", "uniquestring", "qty", Map.of("type", "integer", "allowNull", false, "defaultValue", 0)));
            db.changeRow("items", before.get("id"), Map.of("sku", "A-1", "qty", 3));
            List<Map<String, Object>> versions = db.getHistoricalData("items", idFilter(before.get("id")));
            assertEquals(2, versions.size());
            Map<?, ?> last = (Map<?, ?>) versions.get(1).get("data");
            assertEquals("A-1", last.get("sku"));
            assertEquals(3L, last.get("qty"));
            db.defineTable("items", Map.of(), Map.of("trackHistory", false));
            db.changeRow("items", before.get("id"), Map.of("qty", 4));
            assertEquals(2, db.getHistoricalData("items", idFilter(before.get("id"))).size(), "switched off: nothing more is recorded");
            assertTrue(db.deleteTable("items"));
            db.defineTable("items", Map.of("name", "string"));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getHistoricalData("items", Map.of())); // the history went with the table
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void theAuditLogShowsTheSameHistoryAsChangesNewestFirst(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("users", Map.of("name", "string", "age", "integer"), Map.of("trackHistory", true));
            Map<String, Object> ann = db.addRow("users", Map.of("name", "Ann", "age", 30));
            db.changeRow("users", ann.get("id"), Map.of("age", 31));
            db.changeRow("users", ann.get("id"), Map.of("name", "Anna"));
            db.deleteRow("users", ann.get("id"));
            List<Map<String, Object>> log = db.getAuditLog("users", Map.of("id", ann.get("id")));
            assertEquals(List.of("DELETE", "UPDATE", "UPDATE", "CREATE"), log.stream().map(e -> e.get("action")).toList());
            Map<?, ?> ageChange = (Map<?, ?>) log.get(2).get("diff");
            assertEquals(Map.of("old", 30L, "new", 31L), ageChange.get("age"));
            assertFalse(ageChange.containsKey("name"));
            assertNull(((Map<?, ?>) log.get(3).get("diff")).get("old"));
            assertNull(((Map<?, ?>) log.get(0).get("diff")).get("new"));
            assertEquals(db.currentUser(), log.get(0).get("actorId"));
            assertEquals(1, db.getAuditLog("users", Map.of("changedField", "name")).size());
            assertEquals(2, db.getAuditLog("users", Map.of("action", "UPDATE")).size());
            assertEquals(0, db.getAuditLog("users", Map.of("actorId", "somebody else")).size());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void anUpdateOfARowOlderThanItsHistoryShowsOnlyWhatChanged(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("invoices", Map.of("number", "string", "paid", "boolean"));
            Map<String, Object> invoice = db.addRow("invoices", Map.of("number", "INV-001", "paid", false));
            db.defineTable("invoices", Map.of(), Map.of("trackHistory", true));
            db.changeRow("invoices", invoice.get("id"), Map.of("paid", true));
            Map<?, ?> diff = (Map<?, ?>) db.getAuditLog("invoices", Map.of("id", invoice.get("id"))).get(0).get("diff");
            assertEquals(Map.of("old", false, "new", true), diff.get("paid"), "the row as it was when tracking began is known");
            assertFalse(diff.containsKey("number"));
            assertEquals(0, db.getAuditLog("invoices", Map.of("changedField", "number")).size());
            assertEquals(1, db.getAuditLog("invoices", Map.of("changedField", "paid")).size());
        }
    }
}
