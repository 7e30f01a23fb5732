package dev.tablewright.cli;

import dev.tablewright.core.Connector;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.SchemaCallFile;
import dev.tablewright.core.schema.TableSchema;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagram's "schema as a call file": exported from one dialect, run by the command line against
 * a fresh database of another, it makes the same tables, fields and relationships.
 */
class SchemaCallFileTest {
    /** Beside the repository (../shared), or beside the folder of worktrees when the test runs in one. */
    private static final Path CHINOOK = Stream.of("..", "../..").map(up -> Path.of("..", up, "shared", "datasets", "chinook", "Chinook_Sqlite.sqlite"))
            .filter(Files::exists).findFirst().orElse(Path.of("..", "..", "shared", "datasets", "chinook", "Chinook_Sqlite.sqlite"));
    @TempDir
    Path dir;
    private final List<Connector> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(Connector::close);
    }

    /** Each dialect exported to the next one (to itself when the run offers only one). */
    static Stream<Arguments> pairs() {
        List<String> dialects = TestDatabases.dialects();
        return Stream.iterate(0, i -> i + 1).limit(dialects.size())
                .map(i -> Arguments.of(dialects.get(i), dialects.get((i + 1) % dialects.size())));
    }

    private Connector fresh(TestDatabases.TestDb db) {
        Connector c = new Connector();
        c.create(db.options());
        open.add(c);
        return c;
    }

    /** The --db URL of a test database, as a user would write it. */
    private static String url(TestDatabases.TestDb db) {
        if (db.dialect().equals("sqlite")) {
            return db.database();
        }
        String user = URLEncoder.encode(db.username(), StandardCharsets.UTF_8)
                + (db.password() == null ? "" : ":" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
        return db.dialect() + "://" + user + "@" + db.host() + ":" + db.port() + "/" + db.database() + "?ssl=false";
    }

    private static Map<String, Object> fields(Object... nameSpec) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < nameSpec.length; i += 2) {
            out.put((String) nameSpec[i], nameSpec[i + 1]);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("pairs")
    void aSchemaExportedFromOneDialectIsMadeAgainOnAnother(String from, String to) {
        Connector source = fresh(TestDatabases.fresh(from));
        source.defineTable("users", fields("name", "string", "email", "uniquestring"), Map.of("trackHistory", true));
        source.defineTable("posts", fields("title", Map.of("type", "string", "allowNull", false), "body", "text", "views",
                Map.of("type", "integer", "defaultValue", 0)));
        source.defineTable("comments", fields("text", "text"));
        source.defineTable("tags", fields("label", "uniquestring"));
        source.defineTable("employees", fields("name", "string"));
        source.defineTable("items", fields("code", Map.of("type", "integer", "primaryKey", true, "autoIncrement", true), "price", "number"));
        source.defineTable("teams", fields("name", "string"));
        source.defineTable("people", fields("name", "string"));
        source.optionallyHasOne("posts", "users", "Author");
        source.mandatorilyHasOne("comments", "posts", null);
        source.optionallyHasMany("posts", "tags");
        source.optionallyHasOne("employees", "employees", "Manager");
        source.optionallyHasOne("comments", "items", null);
        // Teams and people link to each other: neither can be made first with all its links.
        source.optionallyHasOne("people", "teams", null);
        source.optionallyHasOne("teams", "people", "Lead");

        String text = SchemaCallFile.of(source.getTableSchemas());
        TestDatabases.TestDb target = TestDatabases.fresh(to);
        CliRun.file(dir, "schema.yaml", text, "--db", url(target)).assertAllSucceeded();

        Connector made = fresh(target);
        assertEquals(shape(source.getTableSchemas()), shape(made.getTableSchemas()), text);
        assertTrue(made.getTableSchema("users").options().trackHistory(), "the history is kept again");
        assertEquals(0L, ((Number) made.getTableSchema("posts").fields().get("views").defaultValue()).longValue(), "a default of the workbench's own table");
    }

    @Test
    void chinookFromSqliteIsMadeAgainWithEveryTableAndForeignKey() throws Exception {
        Assumptions.assumeTrue(Files.exists(CHINOOK), "the Chinook dataset is at " + CHINOOK.toAbsolutePath());
        Path copy = Files.copy(CHINOOK, dir.resolve("chinook.sqlite"));
        Connector source = new Connector();
        source.create(Map.of("dialect", "sqlite", "database", copy.toString()));
        open.add(source);
        List<String> dialects = TestDatabases.dialects();
        String to = dialects.contains("postgres") ? "postgres" : dialects.get(0);

        String text = SchemaCallFile.of(source.getTableSchemas());
        TestDatabases.TestDb target = TestDatabases.fresh(to);
        CliRun.file(dir, "chinook.yaml", text, "--db", url(target)).assertAllSucceeded();

        Connector made = fresh(target);
        assertEquals(11, made.getAllTables().size());
        assertEquals(keys(source.getTableSchemas()), keys(made.getTableSchemas()));
        assertEquals(11, keys(made.getTableSchemas()).size());
        for (TableSchema t : source.getTableSchemas()) {
            assertEquals(t.primaryKey(), made.getTableSchema(t.name()).primaryKey(), t.name());
            assertEquals(t.fields().keySet(), made.getTableSchema(t.name()).fields().keySet(), t.name());
        }
    }

    /** Every table's fields as the logical schema knows them, and its relationships, in a form that compares across dialects. */
    private static Map<String, Object> shape(List<TableSchema> schemas) {
        Map<String, Object> out = new TreeMap<>();
        for (TableSchema t : schemas) {
            Map<String, String> fields = new TreeMap<>();
            t.fields().forEach((name, f) -> fields.put(name, describe(f)));
            Set<String> relationships = new TreeSet<>();
            t.relationships().forEach(r -> relationships.add(r.get("type") + " " + r.get("table") + " " + r.getOrDefault("field", r.get("through"))));
            out.put(t.name(), List.of(fields, relationships, t.options().trackHistory()));
        }
        return out;
    }

    private static String describe(FieldSpec f) {
        FieldSpec.Reference r = f.references();
        return f.type().id() + (f.primaryKey() ? " pk" : "") + (f.unique() ? " unique" : "") + (f.allowNull() ? "" : " required")
                + (f.autoIncrement() ? " auto-increment" : "") + (f.auto() ? " auto" : "")
                + (r == null ? "" : " -> " + r.table() + "." + r.field() + " on delete " + r.onDelete());
    }

    /** Each foreign key as child.field->parent.field. */
    private static Set<String> keys(List<TableSchema> schemas) {
        Set<String> out = new TreeSet<>();
        for (TableSchema t : schemas) {
            t.fields().forEach((name, f) -> {
                if (f.references() != null) {
                    out.add(t.name() + "." + name + "->" + f.references().table() + "." + f.references().field());
                }
            });
        }
        return out;
    }
}
