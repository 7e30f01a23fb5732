package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableDesign;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database the workbench did not create is left as other tools leave it: reading, editing and
 * designing its tables writes none of the workbench's own tables; turning history on does.
 */
class ForeignDatabaseConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    /** The workbench's own tables in the database, read from the catalog (the API never lists them). */
    private static List<String> ownTables(Connector db) {
        String sql = switch (db.dialect().name()) {
            case "sqlite" -> "SELECT name AS n FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_\\_%' ESCAPE '\\'";
            case "postgres" -> "SELECT table_name AS n FROM information_schema.tables WHERE table_schema = current_schema()"
                    + " AND table_name LIKE '\\_\\_%'";
            default -> "SELECT table_name AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE '\\_\\_%'";
        };
        List<String> out = new ArrayList<>();
        db.query(sql).results().forEach(row -> out.add(String.valueOf(row.get("n"))));
        return out;
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void browsingEditingAndDesigningAForeignTableWritesNoneOfOurTables(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.exec("CREATE TABLE artists (artist_id INTEGER PRIMARY KEY, name VARCHAR(120))");
            db.exec("CREATE TABLE albums (album_id INTEGER PRIMARY KEY, title VARCHAR(160), artist_id INTEGER)");
            db.exec("INSERT INTO artists (artist_id, name) VALUES (1, 'AC/DC')");

            db.getTableData("artists");
            db.addRow("artists", Map.of("artist_id", 2, "name", "Accept"));
            db.changeRow("artists", 2, Map.of("name", "Accept!"));
            db.defineTable("artists", Map.of("country", "string"));
            TableDesign design = TableDesign.of(db.getTableSchema("albums"));
            List<TableDesign.Field> fields = new ArrayList<>(design.fields());
            fields.add(TableDesign.Field.added("year", FieldSpec.of(db.getTableSchema("artists").fields().get("artist_id").type())));
            db.applyTableChange(design.withFields(fields), false);

            assertEquals(List.of(), ownTables(db), "nothing of the workbench's own in a database it did not create");
            assertTrue(db.getTableSchema("artists").fields().containsKey("country"));
            assertTrue(db.getTableSchema("albums").fields().containsKey("year"));
            assertEquals("Accept!", db.findRow("artists", ReadOptions.filter(List.of("artist_id", "=", 2))).get("name"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void turningHistoryOnIsWhatCreatesTheWorkbenchsTables(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.exec("CREATE TABLE artists (artist_id INTEGER PRIMARY KEY, name VARCHAR(120))");
            TableDesign tracked = TableDesign.of(db.getTableSchema("artists")).withTrackHistory(true);
            db.applyTableChange(tracked, false);

            assertTrue(ownTables(db).stream().anyMatch(t -> t.startsWith("__history")), ownTables(db).toString());
            assertTrue(db.getTableSchema("artists").options().trackHistory());
        }
    }
}
