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
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
                "reference-crud.yaml", "raw-sql.yaml")), names.toString());
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
            "reference-tables.yaml, mariadb", "reference-queries.yaml, mariadb", "reference-crud.yaml, mariadb"})
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
}
