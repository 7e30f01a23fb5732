package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** renameTable on every dialect: rows, history, foreign keys and junctions follow the table; a refused or failed rename changes nothing. */
class RenameTableConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    private static Map<String, Object> idFilter(Object id) {
        return Map.of("filter", List.of("id", "=", id));
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aRenamedTableKeepsItsRowsAndItsAutomaticFields(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("customers", Map.of("name", "string", "email", "uniquestring", "score", "integer"));
            Map<String, Object> ann = db.addRow("customers", Map.of("name", "Ann", "email", "ann@example.com", "score", 7));
            db.addRow("customers", Map.of("name", "Bob", "email", "bob@example.com", "score", 3));

            TableSchema renamed = db.renameTable("customers", "clients");

            assertEquals("clients", renamed.name());
            assertEquals(List.of("clients"), db.getAllTables());
            assertCode(ErrorCode.UNKNOWN_TABLE, () -> db.getTableSchema("customers"));
            assertTrue(renamed.fields().get("id").auto(), "the stored schema moved with the table");
            assertTrue(renamed.fields().get("email").unique());
            assertEquals(List.of("Ann", "Bob"), Conformance.values(db.getTableData("clients", ReadOptions.fromMap(Map.of("order", List.of("name", "ASC")))), "name"));
            Map<String, Object> carl = db.addRow("clients", Map.of("name", "Carl", "email", "carl@example.com"));
            assertNotNull(carl.get("createdAt"), "automatic fields are still filled in");
            assertEquals(8L, db.changeRow("clients", ann.get("id"), Map.of("score", 8)).get("score"));
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("clients", Map.of("name", "Ann 2", "email", "ann@example.com")));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void historyWrittenBeforeTheRenameIsReadUnderTheNewNameAndNewChangesAreRecorded(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("notes", Map.of("body", "string"), Map.of("trackHistory", true));
            Map<String, Object> note = db.addRow("notes", Map.of("body", "first"));
            db.changeRow("notes", note.get("id"), Map.of("body", "second"));

            TableSchema renamed = db.renameTable("notes", "memos");

            assertTrue(renamed.options().trackHistory());
            assertEquals(List.of("insert", "update"), Conformance.values(db.getHistoricalData("memos", idFilter(note.get("id"))), "operation"));
            db.changeRow("memos", note.get("id"), Map.of("body", "third"));
            db.exec("UPDATE " + db.dialect().quoteIdentifier("memos") + " SET " + db.dialect().quoteIdentifier("body") + " = 'by hand'");
            db.deleteRow("memos", note.get("id"));
            List<Map<String, Object>> versions = db.getHistoricalData("memos", idFilter(note.get("id")));
            assertEquals(List.of("insert", "update", "update", "update", "delete"), Conformance.values(versions, "operation"));
            assertEquals("third", ((Map<?, ?>) versions.get(2).get("data")).get("body"));
            assertEquals(db.currentUser(), versions.get(2).get("changedBy"), "the workbench's writes still carry its user");
            assertEquals("by hand", ((Map<?, ?>) versions.get(3).get("data")).get("body"), "changes by plain SQL are still recorded");
            List<Map<String, Object>> log = db.getAuditLog("memos", Map.of("id", note.get("id")));
            assertEquals(List.of("DELETE", "UPDATE", "UPDATE", "UPDATE", "CREATE"), Conformance.values(log, "action"));

            db.defineTable("notes", Map.of("title", "string"), Map.of("trackHistory", true));
            Map<String, Object> fresh = db.addRow("notes", Map.of("title", "new table, old name"));
            assertEquals(1, db.getHistoricalData("notes", Map.of()).size(), "the old name starts a history of its own");
            assertEquals(fresh.get("id"), ((Map<?, ?>) db.getHistoricalData("notes", Map.of()).get(0).get("data")).get("id"));
            assertEquals(5, db.getHistoricalData("memos", Map.of()).size());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void childrenStillPointAtTheRenamedParentAndItsDeleteRulesStillWork(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("customers", Map.of("name", "string"));
            db.defineTable("orders", Map.of("total", "number"));
            db.optionallyHasOne("orders", "customers", null);
            db.defineTable("notes", Map.of("body", "string",
                    "customerId", Map.of("type", "string", "references", Map.of("table", "customers", "onDelete", "CASCADE"))));
            Map<String, Object> ann = db.addRow("customers", Map.of("name", "Ann"));
            Map<String, Object> order = db.addRow("orders", Map.of("total", 12.5, "customerId", ann.get("id")));
            db.addRow("notes", Map.of("body", "likes tea", "customerId", ann.get("id")));

            db.renameTable("customers", "clients");

            FieldSpec.Reference ref = db.getTableSchema("orders").fields().get("customerId").references();
            assertEquals("clients", ref.table());
            assertEquals("SET NULL", ref.onDelete());
            assertEquals("clients", db.getTableSchema("notes").fields().get("customerId").references().table());
            List<Object> children = db.getTableSchema("clients").relationships().stream()
                    .filter(r -> "hasMany".equals(r.get("type"))).map(r -> r.get("table")).sorted().map(Object.class::cast).toList();
            assertEquals(List.of("notes", "orders"), children);
            Map<String, Object> joined = db.getTableData("orders").get(0);
            assertEquals("Ann", ((Map<?, ?>) joined.get("customer")).get("name"), "autoJoin still finds the parent");
            if (dialect.equals("sqlite")) {
                assertEquals(List.of(), db.query("PRAGMA foreign_key_check").results(), "no row points at a missing parent");
            }
            assertCode(ErrorCode.FOREIGN_KEY_VIOLATION, () -> db.addRow("orders", Map.of("total", 1, "customerId", "no-such-client")));

            db.deleteRow("clients", ann.get("id"));
            assertNull(db.findRow("orders", ReadOptions.filter(List.of("id", "=", order.get("id")))).get("customerId"),
                    "SET NULL still applies");
            assertEquals(0, db.countRows("notes", ReadOptions.none()), "CASCADE still applies");

            db.renameTable("orders", "purchases");
            assertEquals("clients", db.getTableSchema("purchases").fields().get("customerId").references().table());
            db.defineTable("customers", Map.of("name", "string"));
            db.defineTable("orders", Map.of("total", "number"));
            assertEquals("customerId", db.optionallyHasOne("orders", "customers", null), "new tables can take the old names and be linked again");
            Map<String, Object> bob = db.addRow("customers", Map.of("name", "Bob"));
            db.addRow("orders", Map.of("total", 3, "customerId", bob.get("id")));
            assertEquals("Bob", ((Map<?, ?>) db.getTableData("orders").get(0).get("customer")).get("name"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aManyToManyJunctionFollowsWhicheverSideIsRenamed(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("products", Map.of("name", "string"));
            db.defineTable("tags", Map.of("label", "string"));
            assertEquals("__products2tags", db.optionallyHasMany("products", "tags"));
            Map<String, Object> pen = db.addRow("products", Map.of("name", "pen"));
            Map<String, Object> red = db.addRow("tags", Map.of("label", "red"));
            Map<String, Object> blue = db.addRow("tags", Map.of("label", "blue"));
            db.associateRow("products", pen.get("id"), "tags", red.get("id"));

            db.renameTable("products", "articles");

            Map<String, Object> m2m = db.getTableSchema("articles").relationships().stream()
                    .filter(r -> "manyToMany".equals(r.get("type"))).findFirst().orElseThrow();
            assertEquals("tags", m2m.get("table"));
            assertEquals("__articles2tags", m2m.get("through"));
            assertEquals(List.of("red"), Conformance.values(listOf(db.getTableData("articles").get(0).get("tags")), "label"));
            assertEquals(1, db.associateRow("tags", blue.get("id"), "articles", pen.get("id")), "links can be made from either side");
            assertEquals(List.of("blue", "red"), Conformance.values(listOf(db.getTableData("articles").get(0).get("tags")), "label").stream().sorted().toList());
            assertEquals(List.of("pen"), Conformance.values(listOf(db.getTableData("tags",
                    ReadOptions.filter(List.of("label", "=", "blue"))).get(0).get("articles")), "name"));

            db.renameTable("tags", "labels");

            assertEquals(List.of("articles", "labels"), db.getAllTables());
            assertEquals(1, db.dissociateRow("articles", pen.get("id"), "labels", red.get("id")));
            assertEquals(List.of("blue"), Conformance.values(listOf(db.getTableData("articles").get(0).get("labels")), "label"));
            db.deleteRow("labels", blue.get("id"));
            assertEquals(List.of(), listOf(db.getTableData("articles").get(0).get("labels")), "the junction's CASCADE still applies");

            db.defineTable("products", Map.of("name", "string"));
            db.defineTable("tags", Map.of("label", "string"));
            assertEquals("__products2tags", db.optionallyHasMany("products", "tags"), "the old names can be linked again");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void badNamesAndInternalTablesAreRefusedBeforeAnythingChanges(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("customers", Map.of("name", "string"), Map.of("trackHistory", true));
            db.defineTable("orders", Map.of("total", "number"));
            db.defineTable("people", Map.of("name", "string"));
            db.defineTable("persons", Map.of("name", "string"));
            db.optionallyHasMany("people", "orders");
            Map<String, Object> ann = db.addRow("customers", Map.of("name", "Ann"));

            for (String bad : List.of("", "2customers", "my clients", "x;DROP TABLE customers", "__clients", "a\"b", "c".repeat(64))) {
                assertCode(ErrorCode.INVALID_NAME, () -> db.renameTable("customers", bad));
            }
            assertCode(ErrorCode.INVALID_NAME, () -> db.renameTable("customers", null));
            assertTrue(assertCode(ErrorCode.INVALID_NAME, () -> db.renameTable("customers", "orders")).getMessage().contains("exists already"));
            assertCode(ErrorCode.INVALID_NAME, () -> db.renameTable("customers", "Orders"));
            assertCode(ErrorCode.INVALID_NAME, () -> db.renameTable("customers", "c".repeat(50)));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.renameTable("customers", "customers"));
            assertCode(ErrorCode.UNKNOWN_TABLE, () -> db.renameTable("nobody", "somebody"));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.renameTable(null, "somebody"));
            for (String internal : List.of("__tw_schema", "__history_customers", "__people2orders")) {
                assertTrue(assertCode(ErrorCode.INVALID_NAME, () -> db.renameTable(internal, "stolen")).getMessage().contains("internal"));
            }
            assertTrue(assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.renameTable("people", "order")).getMessage().contains("orderId"),
                    "the junction would name both sides orderId");
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.renameTable("orders", "person"));

            assertEquals(List.of("customers", "orders", "people", "persons"), db.getAllTables());
            db.changeRow("customers", ann.get("id"), Map.of("name", "Ann B"));
            assertEquals(2, db.getHistoricalData("customers", Map.of()).size(), "history kept working");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aRenameThatFailsPartWayLeavesTheDatabaseAsItWas(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("customers", Map.of("name", "string"), Map.of("trackHistory", true));
            db.defineTable("tags", Map.of("label", "string"));
            db.optionallyHasMany("customers", "tags");
            Map<String, Object> ann = db.addRow("customers", Map.of("name", "Ann"));
            Map<String, Object> vip = db.addRow("tags", Map.of("label", "vip"));
            // A view is not a table, so nothing refuses the name up front: the history table's rename,
            // after the table's own, is what fails.
            db.exec("CREATE VIEW " + db.dialect().quoteIdentifier("__history_clients") + " AS SELECT 1 AS x");

            assertCode(ErrorCode.SQL_ERROR, () -> db.renameTable("customers", "clients"));

            assertEquals(List.of("customers", "tags"), db.getAllTables());
            TableSchema schema = db.getTableSchema("customers");
            assertTrue(schema.options().trackHistory());
            assertEquals("__customers2tags", schema.relationships().stream().filter(r -> "manyToMany".equals(r.get("type")))
                    .findFirst().orElseThrow().get("through"));
            db.changeRow("customers", ann.get("id"), Map.of("name", "Ann B"));
            assertEquals(List.of("insert", "update"), Conformance.values(db.getHistoricalData("customers", idFilter(ann.get("id"))), "operation"),
                    "the triggers are back, recording once each");
            assertEquals(1, db.associateRow("customers", ann.get("id"), "tags", vip.get("id")));

            db.exec("DROP VIEW " + db.dialect().quoteIdentifier("__history_clients"));
            db.renameTable("customers", "clients");
            assertEquals(List.of("insert", "update"), Conformance.values(db.getHistoricalData("clients", idFilter(ann.get("id"))), "operation"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aNameDifferingOnlyInCaseIsRefusedWithTheWayAround(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("orderitems", Map.of("qty", "integer"), Map.of("trackHistory", true));
            db.addRow("orderitems", Map.of("qty", 2));

            String message = assertCode(ErrorCode.INVALID_NAME, () -> db.renameTable("orderitems", "orderItems")).getMessage();
            assertTrue(message.contains("another name first"), message);

            db.renameTable("orderitems", "lines");
            db.renameTable("lines", "orderItems");
            assertEquals(List.of("orderItems"), db.getAllTables());
            assertEquals(1, db.countRows("orderItems", ReadOptions.none()));
            assertEquals(1, db.getHistoricalData("orderItems", Map.of()).size());
        }
    }

    private static List<Map<String, Object>> listOf(Object value) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) value;
        return rows;
    }
}
