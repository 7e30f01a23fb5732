package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference's multi-table query examples 5, 6 and 7, on every dialect. */
class JoinConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    private static Connector blog(String dialect) {
        Connector db = Conformance.open(dialect);
        db.defineTable("users", Map.of("name", "string"));
        db.defineTable("posts", Map.of("title", "string"));
        db.defineTable("shipments", Map.of("trackingNumber", "string", "details", "jsonb"));
        db.defineTable("orders", Map.of("product", "string"));
        db.optionallyHasOne("posts", "users", null);
        db.optionallyHasOne("orders", "users", null);
        db.optionallyHasOne("orders", "shipments", null);
        Map<String, Object> alice = db.addRow("users", Map.of("name", "Alice"));
        Map<String, Object> bob = db.addRow("users", Map.of("name", "Bob"));
        db.addRow("users", Map.of("name", "Carol"));
        db.addRow("posts", Map.of("title", "Hello", "userId", alice.get("id")));
        db.addRow("posts", Map.of("title", "Again", "userId", alice.get("id")));
        db.addRow("posts", Map.of("title", "Bob's", "userId", bob.get("id")));
        db.addRow("posts", Map.of("title", "Orphan"));
        Map<String, Object> fast = db.addRow("shipments", Map.of("trackingNumber", "TRK-1", "details", Map.of("priority", true, "carrier", "DHL")));
        Map<String, Object> slow = db.addRow("shipments", Map.of("trackingNumber", "TRK-2", "details", Map.of("priority", false)));
        db.addRow("orders", Map.of("product", "Lamp", "userId", alice.get("id"), "shipmentId", fast.get("id")));
        db.addRow("orders", Map.of("product", "Desk", "userId", alice.get("id"), "shipmentId", slow.get("id")));
        db.addRow("orders", Map.of("product", "Chair", "userId", bob.get("id"), "shipmentId", fast.get("id")));
        return db;
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void usersAndTheTitlesOfTheirPosts(String dialect) {
        try (Connector db = blog(dialect)) {
            List<Map<String, Object>> rows = db.getTableData(List.of("users", "posts"), ReadOptions.fromMap(Map.of(
                    "filter", List.of(List.of("users.id", "=", "posts.userId")), "fields", List.of("users.name", "posts.title"),
                    "order", List.of(List.of("users.name", "ASC"), List.of("posts.title", "ASC")))));
            assertEquals(List.of(Map.of("users.name", "Alice", "posts.title", "Again"), Map.of("users.name", "Alice", "posts.title", "Hello"),
                    Map.of("users.name", "Bob", "posts.title", "Bob's")), rows);
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aJoinIsCountedAsItIsRead(String dialect) {
        try (Connector db = blog(dialect)) {
            List<Object> join = List.of(List.of("users.id", "=", "posts.userId"));
            assertEquals(3, db.countRows(List.of("users", "posts"), ReadOptions.filter(join)));
            assertEquals(2, db.countRows(List.of("users", "posts"), ReadOptions.filter(join).withLimit(2)), "a cap stops the count");
            assertEquals(12, db.countRows(List.of("users", "posts"), ReadOptions.none()), "no join: every pair");
            assertEquals(1, db.countRows(List.of("users", "orders", "shipments"), ReadOptions.filter(List.of(List.of("users.id", "=", "orders.userId"),
                    "and", List.of("orders.shipmentId", "=", "shipments.id"), "and", List.of("users.name", "=", "Alice"),
                    "and", List.of("shipments.details.priority", "=", true)))));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void postTitlesOfAlice(String dialect) {
        try (Connector db = blog(dialect)) {
            List<Map<String, Object>> rows = db.getTableData(List.of("users", "posts"), ReadOptions.fromMap(Map.of(
                    "filter", List.of(List.of("users.id", "=", "posts.userId"), "and", List.of("users.name", "=", "Alice")),
                    "fields", List.of("posts.title"), "order", List.of("posts.title", "DESC"))));
            assertEquals(List.of(Map.of("posts.title", "Hello"), Map.of("posts.title", "Again")), rows);
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void ordersOfAliceWithHighPriorityShipments(String dialect) {
        try (Connector db = blog(dialect)) {
            List<Map<String, Object>> rows = db.getTableData(List.of("users", "orders", "shipments"), ReadOptions.fromMap(Map.of(
                    "fields", List.of("users.name", "orders.product", "shipments.trackingNumber"),
                    "filter", List.of(List.of("users.id", "=", "orders.userId"), "and", List.of("orders.shipmentId", "=", "shipments.id"),
                            "and", List.of("users.name", "=", "Alice"), "and", List.of("shipments.details.priority", "=", true)))));
            assertEquals(List.of(Map.of("users.name", "Alice", "orders.product", "Lamp", "shipments.trackingNumber", "TRK-1")), rows);
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void joinedQueriesCheckTheirFieldsAndTreatOtherStringsAsValues(String dialect) {
        try (Connector db = blog(dialect)) {
            List<Map<String, Object>> all = db.getTableData(List.of("users", "posts"), ReadOptions.fromMap(Map.of(
                    "filter", List.of("users.id", "=", "posts.userId"), "limit", 2)));
            assertEquals(2, all.size());
            assertEquals(true, all.get(0).containsKey("posts.title") && all.get(0).containsKey("users.createdAt"));
            assertEquals(0, db.getTableData(List.of("users", "posts"), ReadOptions.fromMap(Map.of(
                    "filter", List.of(List.of("users.id", "=", "posts.userId"), "and", List.of("users.name", "=", "posts.title"))))).size());
            assertEquals(0, db.getTableData(List.of("users", "posts"), ReadOptions.fromMap(Map.of(
                    "filter", List.of("users.name", "=", "comments.text")))).size(), "not a queried table: a plain value");
            assertCode(ErrorCode.UNKNOWN_FIELD, () -> db.getTableData(List.of("users", "posts"), ReadOptions.fromMap(Map.of("fields", List.of("name")))));
            assertCode(ErrorCode.UNKNOWN_FIELD, () -> db.getTableData(List.of("users", "posts"), ReadOptions.fromMap(Map.of("fields", List.of("users.nope")))));
            assertCode(ErrorCode.UNKNOWN_TABLE, () -> db.getTableData(List.of("users", "nothere"), ReadOptions.none()));
            String clash = assertCode(ErrorCode.INVALID_FILTER, () -> db.getTableData(List.of("users", "posts"), ReadOptions.fromMap(Map.of(
                    "filter", List.of("users.name", "=", "posts.createdAt"))))).getMessage();
            assertTrue(clash.contains("users.name") && clash.contains("posts.createdAt") && clash.contains("[2]"), clash);
            assertFalse(clash.contains("operator does not exist"), clash);
        }
    }
}
