package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableDesign;
import dev.tablewright.core.schema.TableSchema;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.Instant;
import java.util.HashMap;

/** Defining, reading back and extending tables (contract sections 2, 3, 4). */
class SchemaConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void tableWithoutIdGetsAutomaticFields(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            TableSchema s = db.defineTable("users", Map.of("name", "string", "email", "uniquestring", "age", "integer"));
            assertEquals(List.of("id", "name", "email", "age", "createdAt", "updatedAt").stream().sorted().toList(),
                    s.fields().keySet().stream().sorted().toList());
            FieldSpec id = s.fields().get("id");
            assertEquals(LogicalType.STRING, id.type());
            assertTrue(id.primaryKey() && id.auto() && !id.allowNull());
            assertTrue(s.fields().get("createdAt").auto());
            assertEquals(LogicalType.DATE, s.fields().get("updatedAt").type());
            assertTrue(s.fields().get("email").unique());
            assertFalse(s.fields().get("name").unique());
            assertFalse(s.options().trackHistory());
            assertTrue(s.changes().get(0).startsWith("CREATE TABLE"), s.changes().toString());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void explicitIdMeansNoAutomaticFields(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            TableSchema s = db.defineTable("products", Map.of("id", Map.of("type", "string", "primaryKey", true),
                    "name", "string", "price", "number", "specs", "jsonb"));
            assertEquals(List.of("id", "name", "price", "specs").stream().sorted().toList(), s.fields().keySet().stream().sorted().toList());
            assertFalse(s.fields().get("id").auto());
            Map<String, Object> p = db.addRow("products", Map.of("id", "SKU-1", "name", "Widget", "price", 25.5, "specs", Map.of("w", 1)));
            assertEquals(Map.of("id", "SKU-1", "name", "Widget", "price", 25.5, "specs", Map.of("w", 1L)), p);
            assertCode(ErrorCode.NOT_NULL_VIOLATION, () -> db.addRow("products", Map.of("name", "no key")));
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("products", Map.of("id", "SKU-1")));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void logicalTypesSurviveAReconnectAndASecondClient(String dialect) {
        TestDatabases.TestDb target = Conformance.fresh(dialect);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String t : List.of("string", "text", "integer", "number", "boolean", "date", "json", "jsonb", "file")) {
            fields.put(t + "Field", t);
        }
        fields.put("code", "uniqueinteger");
        fields.put("status", Map.of("type", "string", "defaultValue", "new", "allowNull", false));
        TableSchema defined;
        try (Connector first = new Connector()) {
            first.create(target.options());
            defined = first.defineTable("mixedCase", fields, Map.of("trackHistory", false));
            first.addRow("mixedCase", Map.of("booleanField", true, "jsonbField", Map.of("k", "v")));
        }
        try (Connector second = new Connector()) {
            second.create(target.options());
            TableSchema read = second.getTableSchema("mixedCase");
            assertEquals(logical(defined), logical(read));
            assertEquals(LogicalType.JSONB, read.fields().get("jsonbField").type());
            assertEquals(LogicalType.BOOLEAN, read.fields().get("booleanField").type());
            assertEquals("new", read.fields().get("status").defaultValue());
            Map<String, Object> row = second.getTableData("mixedCase").get(0);
            assertEquals(true, row.get("booleanField"));
            assertEquals(Map.of("k", "v"), row.get("jsonbField"));
            assertEquals("new", row.get("status"));
            assertEquals(List.of("mixedCase"), second.getAllTables());
        }
    }

    private static Map<String, FieldSpec> logical(TableSchema s) {
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        s.fields().forEach((k, v) -> out.put(k, v.logical()));
        return out;
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void schemaReadBackDefinesAnEquivalentTable(String dialect) throws Exception {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("employees", Map.of(
                    "employeeId", Map.of("type", "integer", "primaryKey", true, "autoIncrement", true),
                    "email", Map.of("type", "string", "allowNull", false, "unique", true),
                    "status", Map.of("type", "string", "defaultValue", "active"),
                    "hireDate", Map.of("type", "date", "defaultValue", "NOW")));
            db.defineTable("notes", Map.of("title", "string", "body", "text"));
            for (String table : List.of("employees", "notes")) {
                TableSchema original = db.getTableSchema(table);
                @SuppressWarnings("unchecked")
                Map<String, Object> asJson = Json.MAPPER.readValue(Json.write(original), Map.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> fieldsJson = (Map<String, Object>) asJson.get("fields");
                TableSchema copy = db.defineTable(table + "Copy", fieldsJson);
                assertEquals(logical(original), logical(copy), table);
            }
            Map<String, Object> e = db.addRow("employeesCopy", Map.of("email", "x@example.com"));
            assertEquals(1L, e.get("employeeId"));
            assertEquals("active", e.get("status"));
            Map<String, Object> n = db.addRow("notesCopy", Map.of("title", "t"));
            assertEquals(36, ((String) n.get("id")).length());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void definingAnExistingTableAddsMissingFieldsAndKeepsRows(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("users", Map.of("name", "string"));
            Map<String, Object> jane = db.addRow("users", Map.of("name", "Jane"));
            db.addRow("users", Map.of("name", "Joe"));
            TableSchema again = db.defineTable("users", Map.of("name", "string"));
            assertEquals(List.of(), again.changes());
            TableSchema s = db.defineTable("users", Map.of("name", "text", "age", "integer",
                    "email", "uniquestring",
                    "role", Map.of("type", "string", "allowNull", false, "defaultValue", "member"),
                    "joined", Map.of("type", "date", "defaultValue", "2024-01-01")));
            assertFalse(s.changes().isEmpty());
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains("'name' exists as string")), s.warnings().toString());
            assertEquals(LogicalType.STRING, s.fields().get("name").type(), "never narrowed or changed");
            assertTrue(s.fields().get("email").unique());
            assertFalse(s.fields().get("role").allowNull());
            Map<String, Object> row = db.getTableData("users", ReadOptions.filter(List.of("id", "=", jane.get("id")))).get(0);
            assertEquals("Jane", row.get("name"));
            assertEquals(jane.get("createdAt"), row.get("createdAt"));
            assertEquals("member", row.get("role"), "existing rows get the default");
            assertEquals(Instant.parse("2024-01-01T00:00:00Z"), row.get("joined"));
            assertNull(row.get("email"));
            db.changeRow("users", jane.get("id"), Map.of("email", "jane@example.com"));
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("users", Map.of("name", "Eve", "email", "jane@example.com")));
            Map<String, Object> noRole = new HashMap<>();
            noRole.put("role", null);
            assertCode(ErrorCode.NOT_NULL_VIOLATION, () -> db.changeRow("users", jane.get("id"), noRole));
            assertEquals(2, db.countRows("users", ReadOptions.none()));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void addingARequiredFieldWithoutDefaultToRowsFailsAndChangesNothing(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("users", Map.of("name", "string"));
            db.addRows("users", List.of(Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "c")));
            var e = assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.defineTable("users", Map.of("age", "integer",
                    "code", Map.of("type", "string", "allowNull", false))));
            assertTrue(e.getMessage().contains("3 existing rows"), e.getMessage());
            assertEquals(List.of("createdAt", "id", "name", "updatedAt"), db.getTableSchema("users").fields().keySet().stream().sorted().toList());
            assertEquals(3, db.countRows("users", ReadOptions.none()));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void tablesAreListedSortedWithoutInternalOnesAndCanBeDeleted(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("zebras", Map.of("name", "string"));
            db.defineTable("apples", Map.of("name", "string"));
            db.defineTable("Mangos", Map.of("name", "string"));
            assertEquals(List.of("apples", "Mangos", "zebras"), db.getAllTables());
            assertTrue(db.deleteTable("zebras"));
            assertEquals(List.of("apples", "Mangos"), db.getAllTables());
            assertCode(ErrorCode.UNKNOWN_TABLE, () -> db.getTableSchema("zebras"));
            assertCode(ErrorCode.UNKNOWN_TABLE, () -> db.deleteTable("zebras"));
            db.defineTable("zebras", Map.of("stripes", "integer"));
            assertEquals(List.of("createdAt", "id", "stripes", "updatedAt"), db.getTableSchema("zebras").fields().keySet().stream().sorted().toList());
            assertTrue(db.reset());
            assertEquals(List.of(), db.getAllTables());
            assertTrue(db.isConnected());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void badDefinitionsAreRefusedBeforeAnySqlRuns(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            for (String bad : List.of("1users", "user-s", "user s", "", "a".repeat(64), "__secret", "users;", "ü")) {
                assertCode(ErrorCode.INVALID_NAME, () -> db.defineTable(bad, Map.of("name", "string")));
            }
            assertCode(ErrorCode.INVALID_NAME, () -> db.defineTable("users", Map.of("first name", "string")));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.defineTable("users", Map.of("name", "varchar")));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.defineTable("users", Map.of("name", Map.of("type", "string", "colour", "red"))));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.defineTable("users", Map.of("n", Map.of("type", "string", "autoIncrement", true))));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.defineTable("users", Map.of("n", Map.of("type", "text", "unique", true))));
            assertCode(ErrorCode.INVALID_VALUE, () -> db.defineTable("users", Map.of("n", Map.of("type", "integer", "defaultValue", "many"))));
            assertEquals(List.of(), db.getAllTables());
            TableSchema snake = db.defineTable("order_items", Map.of("unit_price", "number"));
            assertEquals(2, snake.warnings().size(), "non-camelCase names are warned about, not refused");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void rowsOfATableAreKeptWhenAUniqueFieldIsAddedAndChildrenAreUntouched(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("parents", Map.of("name", "string"));
            Map<String, Object> p = db.addRow("parents", Map.of("name", "P"));
            String q = db.dialect().quoteIdentifier("parents");
            String child = db.dialect().quoteIdentifier("kids");
            db.exec("CREATE TABLE " + child + " (" + db.dialect().quoteIdentifier("id") + " INTEGER PRIMARY KEY, "
                    + db.dialect().quoteIdentifier("parentId") + " VARCHAR(255) REFERENCES " + q + " (" + db.dialect().quoteIdentifier("id")
                    + ") ON DELETE CASCADE)");
            db.query("INSERT INTO " + child + " VALUES (1, ?)", List.of(p.get("id")));
            db.exec("CREATE INDEX " + db.dialect().quoteIdentifier("parentsByName") + " ON " + q + " (" + db.dialect().quoteIdentifier("name") + ")");
            db.defineTable("parents", Map.of("code", "uniquestring", "rank", Map.of("type", "integer", "allowNull", false, "defaultValue", 7)));
            assertEquals(1L, db.queryOne("SELECT COUNT(*) AS n FROM " + child, List.of()).get("n"), "no cascade fired");
            Map<String, Object> after = db.getTableData("parents").get(0);
            assertEquals(p.get("id"), after.get("id"));
            assertEquals(7L, after.get("rank"));
            TableSchema s = db.getTableSchema("kids");
            assertEquals("parents", s.fields().get("parentId").references().table());
            assertEquals("CASCADE", s.fields().get("parentId").references().onDelete());
            db.changeRow("parents", p.get("id"), Map.of("code", "A"));
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("parents", Map.of("code", "A")));
            assertCode(ErrorCode.FOREIGN_KEY_VIOLATION, () -> db.query("INSERT INTO " + child + " VALUES (2, 'nobody')", List.of()));
            long indexes = indexCount(db, "parents", "parentsByName");
            assertEquals(1, indexes, "the index is recreated");
        }
    }

    private static long indexCount(Connector db, String table, String index) {
        String sql = switch (db.dialect().name()) {
            case "sqlite" -> "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name = ?";
            case "postgres" -> "SELECT COUNT(*) AS n FROM pg_indexes WHERE tablename = ? AND indexname = ?";
            default -> "SELECT COUNT(DISTINCT index_name) AS n FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ?";
        };
        return ((Number) db.queryOne(sql, List.of(table, index)).get("n")).longValue();
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void sqliteRebuildKeepsTriggersAndViews(String dialect) {
        org.junit.jupiter.api.Assumptions.assumeTrue(dialect.equals("sqlite"), "the rebuild is SQLite's");
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("accounts", Map.of("name", "string", "balance", "number"));
            db.exec("CREATE TABLE \"audit\" (\"what\" TEXT);"
                    + "CREATE TRIGGER \"accountsAudit\" AFTER UPDATE ON \"accounts\" BEGIN INSERT INTO \"audit\" VALUES ('changed; really'); END;"
                    + "CREATE VIEW \"rich\" AS SELECT \"name\" FROM \"accounts\" WHERE \"balance\" > 100;");
            Map<String, Object> a = db.addRow("accounts", Map.of("name", "A", "balance", 500));
            db.defineTable("accounts", Map.of("iban", "uniquestring"));
            db.changeRow("accounts", a.get("id"), Map.of("balance", 600));
            assertEquals(1L, db.queryOne("SELECT COUNT(*) AS n FROM \"audit\"", List.of()).get("n"), "trigger recreated");
            assertEquals("A", db.queryOne("SELECT \"name\" FROM \"rich\"", List.of()).get("name"), "view recreated");
            assertTrue(db.getTableSchema("accounts").fields().get("iban").unique());
            List<Object> check = new ArrayList<>(db.query("PRAGMA foreign_key_check").results());
            assertEquals(List.of(), check);
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aFieldNamedLikeAnAutomaticFieldInAnotherCaseIsRefusedWithItsReason(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            for (String twin : List.of("ID", "Id", "CreatedAt", "UPDATEDAT")) {
                String message = assertCode(ErrorCode.INVALID_NAME, () -> db.defineTable("users", Map.of(twin, "string"))).getMessage();
                assertTrue(message.contains(twin) && message.contains("only in case"), message);
                assertFalse(db.getAllTables().contains("users"), "nothing was created for " + twin);
                assertCode(ErrorCode.INVALID_NAME, () -> db.applyTableChange(
                        new TableDesign("users", false, List.of(TableDesign.Field.added(twin, FieldSpec.of(LogicalType.STRING))), false), false));
            }
            db.defineTable("users", Map.of("name", "string"));
            assertCode(ErrorCode.INVALID_NAME, () -> db.defineTable("users", Map.of("NAME", "string")));
            assertCode(ErrorCode.INVALID_NAME, () -> db.defineTable("users", Map.of("Id", "string")));
            assertEquals(List.of("createdAt", "id", "name", "updatedAt"), db.getTableSchema("users").fields().keySet().stream().sorted().toList());
        }
    }

    /** Every name the workbench derives (triggers, indexes, constraints, junctions) fits each dialect's limit, for the longest legal names. */
    @ParameterizedTest
    @MethodSource(DIALECTS)
    void tablesAndFieldsWithTheLongestLegalNamesLiveAndDieWithEverythingDerivedFromThem(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            for (int length : List.of(49, 54, 58, 63)) {
                String table = "t" + "a".repeat(length - 1);
                String other = "u" + "b".repeat(length - 1);
                String field = "f" + "c".repeat(62);
                // History keeps a table of its own named after the table: names up to 49 characters can have it.
                boolean history = length <= 49;
                db.defineTable(table, Map.of(field, "uniquestring", "n", "integer"), Map.of("trackHistory", history));
                db.defineTable(other, Map.of("label", "string"));
                db.optionallyHasOne(table, other, "Owner");
                Map<String, Object> row = db.addRow(table, Map.of(field, "x", "n", 1));
                db.changeRow(table, row.get("id"), Map.of("n", 2));
                assertEquals(history ? 2 : 0, history ? db.getHistoricalData(table, Map.of()).size() : 0);
                try {
                    db.optionallyHasMany(table, other);
                } catch (TablewrightException e) {
                    assertEquals(ErrorCode.INVALID_NAME, e.code(), e.getMessage());
                }
                assertTrue(db.deleteTable(table), "a " + length + "-character table can be deleted");
                assertTrue(db.deleteTable(other));
                assertEquals(List.of(), db.getAllTables());
            }
        }
    }
}
