package dev.tablewright.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The call files in examples/ are documentation: each must run cleanly, as the README says. */
class ExamplesTest {

    @TempDir
    Path dir;

    static Path examples() {
        return Path.of(System.getProperty("tablewright.examples", "../examples")).toAbsolutePath().normalize();
    }

    static Stream<String> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(examples())) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"))
                    .sorted().toList();
            assertFalse(names.isEmpty(), "no call files in " + examples());
            return names.stream();
        }
    }

    private CliRun runOnFreshSqlite(String example) {
        return CliRun.of("run", examples().resolve(example).toString(), "--db", dir.resolve("example.db").toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    void everyExampleRunsCleanlyOnAnEmptySqliteDatabase(String example) {
        CliRun run = runOnFreshSqlite(example).assertAllSucceeded();
        assertFalse(run.lines().isEmpty());
    }

    @Test
    void theExamplesIncludeTheShopAndTheReferenceFiles() throws IOException {
        List<String> names = exampleFiles().toList();
        assertTrue(names.containsAll(List.of("shop.yaml", "reference-tables.yaml", "reference-queries.yaml",
                "reference-crud.yaml", "reference-relationships.yaml", "reference-joins.yaml", "reference-history.yaml",
                "reference-auto.yaml", "raw-sql.yaml")), names.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgres", "mariadb"})
    void theShopExampleRunsOnServers(String dialect) {
        CliRun run = CliRun.of("run", examples().resolve("shop.yaml").toString(), "--db", url(TestDatabases.fresh(dialect)))
                .assertAllSucceeded();
        assertEquals(exampleLines("shop.yaml"), run.lines().size());
    }

    /** The reference examples use only the connector's functions, so they are portable too (raw-sql.yaml is SQLite's SQL). */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "reference-tables.yaml, postgres", "reference-queries.yaml, postgres", "reference-crud.yaml, postgres",
            "reference-relationships.yaml, postgres", "reference-joins.yaml, postgres", "reference-history.yaml, postgres",
            "reference-auto.yaml, postgres",
            "reference-tables.yaml, mariadb", "reference-queries.yaml, mariadb", "reference-crud.yaml, mariadb",
            "reference-relationships.yaml, mariadb", "reference-joins.yaml, mariadb", "reference-history.yaml, mariadb",
            "reference-auto.yaml, mariadb"})
    void theReferenceExamplesRunOnServers(String example, String dialect) {
        CliRun run = CliRun.of("run", examples().resolve(example).toString(), "--db", url(TestDatabases.fresh(dialect)))
                .assertAllSucceeded();
        assertEquals(exampleLines(example), run.lines().size());
    }

    /** A --db URL for a test database, as a user would write it. */
    static String url(TestDatabases.TestDb db) {
        String user = URLEncoder.encode(db.username(), StandardCharsets.UTF_8);
        String password = db.password() == null || db.password().isEmpty() ? "" : ":" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8);
        return db.dialect() + "://" + user + password + "@" + db.host() + ":" + db.port() + "/" + db.database() + "?ssl=false";
    }

    /** Runs an example on a new database of the dialect (sqlite, postgres or mariadb); every step must succeed. */
    private CliRun runOn(String example, String dialect) {
        CliRun run = dialect.equals("sqlite") ? runOnFreshSqlite(example)
                : CliRun.of("run", examples().resolve(example).toString(), "--db", url(TestDatabases.fresh(dialect)));
        return run.assertAllSucceeded();
    }

    /** The results of every step calling {@code call}, in file order. */
    private static List<JsonNode> results(CliRun run, String call) {
        return run.lines().stream().filter(l -> l.get("call").asText().equals(call)).map(l -> l.get("result")).toList();
    }

    private static Set<String> texts(JsonNode rows, String key) {
        Set<String> out = new HashSet<>();
        rows.forEach(r -> out.add(r.get(key).asText()));
        return out;
    }

    private static List<String> operations(JsonNode versions) {
        List<String> out = new ArrayList<>();
        versions.forEach(v -> out.add(v.get("operation").asText()));
        return out;
    }

    private int exampleLines(String example) {
        return runOnFreshSqlite(example).assertAllSucceeded().lines().size();
    }

    @Test
    void updateRowAndPatchRowGiveTheReferenceDocumentsAfterRows() {
        CliRun run = runOnFreshSqlite("reference-crud.yaml").assertAllSucceeded();

        List<JsonNode> updates = run.lines().stream().filter(l -> l.get("call").asText().equals("updateRow")).toList();
        JsonNode patch = run.lines().stream().filter(l -> l.get("call").asText().equals("patchRow")).findFirst().orElseThrow();
        assertEquals("{\"id\":1,\"name\":\"Config A\",\"settings\":{\"notifications\":false,\"timezone\":\"UTC\"}}",
                updates.get(0).get("result").toString());
        assertEquals("{\"id\":1,\"name\":\"Config A\",\"settings\":{\"theme\":\"dark\",\"notifications\":false,\"timezone\":\"UTC\"}}",
                patch.get("result").toString());
    }

    @Test
    void theTicketsQueryGivesTheFiveMostRecentHighPriorityTickets() {
        CliRun run = runOnFreshSqlite("reference-queries.yaml").assertAllSucceeded();

        JsonNode tickets = run.lines().stream()
                .filter(l -> l.get("call").asText().equals("getTableData") && l.get("result").size() == 5)
                .findFirst().orElseThrow().get("result");
        assertEquals("Broken avatar upload", tickets.get(0).get("title").asText());
        assertEquals("Export times out", tickets.get(4).get("title").asText());
        for (JsonNode t : tickets) {
            assertTrue(List.of("high", "critical").contains(t.get("priority").asText()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgres", "mariadb"})
    void theRelationshipExamplesMakeTheDocumentedForeignKeysAndLinks(String dialect) {
        CliRun run = runOn("reference-relationships.yaml", dialect);

        assertEquals(List.of("\"companyId\""), results(run, "mandatorilyHasOne").stream().map(JsonNode::toString).toList());
        assertEquals(List.of("categoryId", "ownerId", "editorId"), results(run, "optionallyHasOne").stream().map(JsonNode::asText).toList());
        assertEquals("__orders2products", results(run, "optionallyHasMany").get(0).asText());
        // the junction table is hidden
        results(run, "getAllTables").get(0).forEach(t -> assertFalse(t.asText().startsWith("__"), t.asText()));
        // two new links, then none for the same products again, then one from the products' side
        assertEquals(List.of(2, 0, 1), results(run, "associateRow").stream().map(JsonNode::asInt).toList());
        assertEquals(List.of(1), results(run, "dissociateRow").stream().map(JsonNode::asInt).toList());

        List<JsonNode> reads = results(run, "getTableData");
        // employees: the company under "company" with autoJoin, the plain row without
        JsonNode ada = reads.get(0).get(0);
        assertEquals("Lovelace", ada.get("lastName").asText());
        assertEquals(ada.get("companyId").asText(), ada.get("company").get("id").asText());
        assertEquals("Analytical Engines Ltd", ada.get("company").get("name").asText());
        assertFalse(reads.get(1).get(0).has("company"), reads.get(1).toString());
        // orders: products as an array, before and after dissociateRow; products: their orders
        assertEquals(Set.of("Widget", "Gadget", "Gizmo"), texts(reads.get(2).get(0).get("products"), "name"));
        assertEquals(List.of("Gadget", "Gizmo", "Widget"), texts(reads.get(3), "name").stream().sorted().toList());
        reads.get(3).forEach(p -> assertEquals(1, p.get("orders").size(), p.toString()));
        assertEquals(Set.of("Widget", "Gizmo"), texts(reads.get(4).get(0).get("products"), "name"));
        // documents: each role's user nested under the role's name
        JsonNode report = reads.get(5).get(0);
        assertEquals("Alice", report.get("owner").get("name").asText());
        assertEquals("Bob", report.get("editor").get("name").asText());

        // the post: no category first, then linked by patchRow
        List<JsonNode> posts = results(run, "findRow");
        assertTrue(posts.get(0).get("categoryId").isNull(), posts.get(0).toString());
        assertEquals("Announcements", posts.get(1).get("category").get("name").asText());

        List<JsonNode> schemas = results(run, "getTableSchema");
        JsonNode companyId = schemas.get(0).get("fields").get("companyId");
        assertFalse(companyId.get("allowNull").asBoolean());
        assertEquals("companies", companyId.get("references").get("table").asText());
        JsonNode hasMany = schemas.get(1).get("relationships").get(0);
        assertEquals("hasMany", hasMany.get("type").asText());
        assertEquals("employees", hasMany.get("table").asText());
        assertEquals(Set.of("ownerId", "editorId"), texts(schemas.get(2).get("relationships"), "field"));
        JsonNode manyToMany = schemas.get(3).get("relationships").get(0);
        assertEquals("manyToMany", manyToMany.get("type").asText());
        assertEquals("products", manyToMany.get("table").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgres", "mariadb"})
    void theJoinExamplesGiveTheDocumentedRows(String dialect) {
        CliRun run = runOn("reference-joins.yaml", dialect);
        List<JsonNode> reads = results(run, "getTableData");

        // Example 5: every user with each of their posts; Carol has none
        Set<String> pairs = new HashSet<>();
        reads.get(0).forEach(r -> pairs.add(r.get("users.name").asText() + ": " + r.get("posts.title").asText()));
        assertEquals(Set.of("Alice: Hello World", "Alice: Joins explained", "Bob: Bob's first post"), pairs);
        assertEquals(3, reads.get(0).size());
        assertEquals(List.of("Bob's first post", "Hello World", "Joins explained"),
                List.of(reads.get(1).get(0).get("posts.title").asText(), reads.get(1).get(1).get("posts.title").asText(),
                        reads.get(1).get(2).get("posts.title").asText()));
        // Example 6: Alice's posts, with the one field asked for
        assertEquals(Set.of("Hello World", "Joins explained"), texts(reads.get(2), "posts.title"));
        reads.get(2).forEach(r -> assertEquals(List.of("posts.title"), fieldNames(r)));
        // Example 7: exactly Alice's order whose shipment is high priority
        JsonNode example7 = reads.get(3);
        assertEquals(1, example7.size(), example7.toString());
        assertEquals(List.of("users.name", "orders.product", "shipments.trackingNumber"), fieldNames(example7.get(0)));
        assertEquals("{\"users.name\":\"Alice\",\"orders.product\":\"Laptop\",\"shipments.trackingNumber\":\"TRK-1001\"}",
                example7.get(0).toString());
        // without the JSON condition: both of Alice's shipped orders, details as JSON
        assertEquals(2, reads.get(4).size(), reads.get(4).toString());
        assertEquals("Mouse", reads.get(4).get(1).get("orders.product").asText());
        assertFalse(reads.get(4).get(1).get("shipments.details").get("priority").asBoolean());
    }

    private static List<String> fieldNames(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgres", "mariadb"})
    void theHistoryExamplesGiveEveryVersionInOrder(String dialect) {
        CliRun run = runOn("reference-history.yaml", dialect);
        List<JsonNode> history = results(run, "getHistoricalData");

        assertEquals(List.of("insert", "update", "update"), operations(history.get(0)));
        assertEquals(List.of("open", "in progress", "done"),
                List.of(history.get(0).get(0).get("data").get("status").asText(), history.get(0).get(1).get("data").get("status").asText(),
                        history.get(0).get(2).get("data").get("status").asText()));
        for (JsonNode version : history.get(0)) {
            assertNotNull(version.get("changedAt").textValue(), version.toString());
            assertFalse(version.get("changedBy").isNull(), "the workbench's own changes are stamped with $USER: " + version);
        }
        // the deleted row: insert, then delete with the row as it was
        assertEquals(List.of("insert", "delete"), operations(history.get(1)));
        assertEquals("Fix the login bug", history.get(1).get(1).get("data").get("title").asText());
        assertEquals(List.of("insert", "update", "update"), operations(history.get(2)));
        assertEquals(0, history.get(3).size(), "nothing after 2999-01-01");
        // tracking switched on for an existing table: its history starts with the first change after that
        assertEquals(List.of("update"), operations(history.get(4)));
        assertTrue(history.get(4).get(0).get("data").get("paid").asBoolean());
        List<JsonNode> schemas = results(run, "defineTable");
        assertTrue(schemas.get(schemas.size() - 1).get("options").get("trackHistory").asBoolean());

        List<JsonNode> audit = results(run, "getAuditLog");
        // the two updates, newest first, with just the changed fields
        JsonNode updates = audit.get(0);
        assertEquals(2, updates.size(), updates.toString());
        assertEquals("done", updates.get(0).get("diff").get("status").get("new").asText());
        assertEquals("in progress", updates.get(1).get("diff").get("status").get("new").asText());
        assertFalse(updates.get(1).get("diff").has("estimate"), updates.get(1).toString());
        updates.forEach(u -> assertEquals("UPDATE", u.get("action").asText()));
        // the delete
        assertEquals(1, audit.get(1).size());
        assertEquals("DELETE", audit.get(1).get(0).get("action").asText());
        assertEquals("Fix the login bug", audit.get(1).get(0).get("diff").get("old").get("title").asText());
        assertTrue(audit.get(1).get(0).get("diff").get("new").isNull());
        // id + changedField + actorId $USER
        assertEquals(1, audit.get(2).size(), audit.get(2).toString());
        assertEquals(3, audit.get(2).get(0).get("diff").get("estimate").get("old").asInt());
        assertEquals(5, audit.get(2).get(0).get("diff").get("estimate").get("new").asInt());
        // a field added to the tracked table is in the next change
        assertEquals(1, audit.get(3).size(), audit.get(3).toString());
        assertEquals("Ada", audit.get(3).get(0).get("diff").get("assignee").get("new").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgres", "mariadb"})
    void theHistoryExamplesReadTheTableAsItStoodAndRestoreRows(String dialect) {
        CliRun run = runOn("reference-history.yaml", dialect);
        String logo = results(run, "addRow").stream().filter(r -> r.path("title").asText().equals("Update the logo")).findFirst().orElseThrow()
                .get("id").asText();

        JsonNode then = results(run, "getTableData").get(0);
        assertEquals(2, then.size(), then.toString());
        assertEquals("Update the logo", then.get(0).get("title").asText(), "deleted since, there then");
        assertEquals(List.of("title", "status", "assignee"), fieldNames(then.get(1)));
        assertEquals("done", then.get(1).get("status").asText());
        assertEquals("Ada", then.get(1).get("assignee").asText());
        assertEquals(1, results(run, "countRows").get(0).asInt());

        List<JsonNode> restored = results(run, "restoreRow");
        assertEquals("Ada", restored.get(0).get("assignee").asText());
        assertEquals("archived", restored.get(0).get("status").asText(), "fields not named keep their values");
        assertEquals(1, restored.get(0).get("priority").asInt());
        assertEquals(logo, restored.get(1).get("id").asText(), "a deleted row comes back with its id");
        assertEquals("Update the logo", restored.get(1).get("title").asText());

        List<JsonNode> audit = results(run, "getAuditLog");
        JsonNode restores = audit.get(audit.size() - 1);
        assertEquals(2, restores.size(), restores.toString());
        assertEquals("CREATE", restores.get(0).get("action").asText());
        assertEquals(logo, restores.get(0).get("id").asText());
        assertEquals("UPDATE", restores.get(1).get("action").asText());
        assertEquals("Bob", restores.get(1).get("diff").get("assignee").get("old").asText());
        assertEquals("Ada", restores.get(1).get("diff").get("assignee").get("new").asText());
        List<JsonNode> history = results(run, "getHistoricalData");
        JsonNode page = history.get(history.size() - 1);
        assertEquals(List.of("update", "update"), operations(page));
        assertEquals("in progress", page.get(0).get("data").get("status").asText(), "the second and third versions");
        assertEquals("done", page.get(1).get("data").get("status").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgres", "mariadb"})
    void theAutoSchemaExamplesInferTheTypesAndUpsertPerUser(String dialect) {
        CliRun run = runOn("reference-auto.yaml", dialect);

        assertEquals(List.of(2, 1), results(run, "autoAddRows").stream().map(JsonNode::asInt).toList());
        List<JsonNode> schemas = results(run, "getTableSchema");
        JsonNode readings = schemas.get(0).get("fields");
        assertEquals(List.of("string", "number", "integer", "boolean", "date", "jsonb", "text"),
                List.of("sensor", "value", "count", "ok", "takenAt", "meta", "note").stream()
                        .map(f -> readings.get(f).get("type").asText()).toList());
        assertTrue(readings.get("id").get("auto").asBoolean());
        assertFalse(readings.has("battery"));
        assertEquals("integer", schemas.get(1).get("fields").get("battery").get("type").asText());

        List<JsonNode> reads = results(run, "getTableData");
        assertEquals("2025-03-01T00:00:00Z", reads.get(0).get(1).get("takenAt").asText());
        assertEquals(List.of("boiler-1"), texts(reads.get(1), "sensor").stream().toList());
        assertTrue(reads.get(2).get(0).get("battery").isNull());
        assertEquals(87, reads.get(2).get(2).get("battery").asInt());

        // the second autoUpsertRow for the same $USER updates the row the first one inserted
        List<JsonNode> upserts = results(run, "autoUpsertRow");
        assertEquals(upserts.get(0).get("id").asText(), upserts.get(1).get("id").asText());
        assertFalse(upserts.get(0).get("username").asText().isEmpty());
        assertEquals(upserts.get(0).get("username"), upserts.get(1).get("username"));
        assertEquals("dark", upserts.get(0).get("theme").asText());
        assertEquals("light", upserts.get(1).get("theme").asText());
        assertTrue(upserts.get(1).get("compact").asBoolean());
        assertEquals(1, results(run, "countRows").get(0).asInt());
        assertTrue(schemas.get(2).get("fields").get("username").get("unique").asBoolean());
    }
}
