package dev.tablewright.core.schema;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Collectors;

/** The table designer's changes on every dialect: data kept, risks counted before anything runs. */
class TableChangeTest {
    private static final String DIALECTS = "dev.tablewright.core.schema.TableChangeTest#dialects";

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    private static Connector open(String dialect) {
        Connector c = new Connector();
        c.create(TestDatabases.fresh(dialect).options());
        return c;
    }

    private static Connector withPeople(String dialect) {
        Connector db = open(dialect);
        db.defineTable("people", fields("name", "string", "age", "integer", "note", "text"));
        db.addRows("people", List.of(row("name", "Ada", "age", 36L, "note", "12"), row("name", "Bob", "age", 41L, "note", "x"),
                row("name", "Cy", "age", null, "note", null)));
        return db;
    }

    private static Map<String, Object> fields(Object... kv) {
        return row(kv);
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static TableDesign design(Connector db, String table) {
        return TableDesign.of(db.getTableSchema(table));
    }

    private static TableDesign edit(TableDesign d, String field, UnaryOperator<TableDesign.Field> change) {
        List<TableDesign.Field> out = new ArrayList<>();
        for (TableDesign.Field f : d.fields()) {
            if (f.name().equals(field)) {
                TableDesign.Field changed = change.apply(f);
                if (changed != null) {
                    out.add(changed);
                }
            } else {
                out.add(f);
            }
        }
        return d.withFields(out);
    }

    private static TableDesign.Field spec(TableDesign.Field f, UnaryOperator<FieldSpec> change) {
        return new TableDesign.Field(f.name(), f.original(), change.apply(f.spec()));
    }

    private static FieldSpec typed(FieldSpec s, LogicalType type) {
        return new FieldSpec(type, s.primaryKey(), s.unique(), s.allowNull(), s.defaultValue(), s.autoIncrement(), s.auto(), s.references(), null);
    }

    private static FieldSpec flags(FieldSpec s, boolean unique, boolean allowNull, Object defaultValue) {
        return new FieldSpec(s.type(), s.primaryKey(), unique, allowNull, defaultValue, s.autoIncrement(), s.auto(), s.references(), null);
    }

    private static List<Object> column(Connector db, String table, String field) {
        return db.getTableData(table, ReadOptions.builder().order(List.of(List.of("name", "ASC"))).autoJoin(false).build())
                .stream().map(r -> r.get(field)).toList();
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void renamingAFieldKeepsItsValues(String dialect) {
        try (Connector db = withPeople(dialect)) {
            TableDesign d = edit(design(db, "people"), "age", f -> new TableDesign.Field("years", "age", f.spec()));
            TableSchema after = db.applyTableChange(d, false);

            assertEquals(List.of("Rename field 'age' to 'years'."), after.changes());
            assertTrue(after.fields().containsKey("years") && !after.fields().containsKey("age"));
            assertEquals(Arrays.asList(36L, 41L, null), column(db, "people", "years"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void droppingAFieldCountsItsValuesAndKeepsTheOthers(String dialect) {
        try (Connector db = withPeople(dialect)) {
            TableDesign d = edit(design(db, "people"), "note", f -> null);
            List<TableChangeRisk> risks = db.checkTableChange(d);
            assertEquals(1, risks.size());
            assertEquals(new TableChangeRisk("note", TableChangeRisk.Kind.DATA_LOSS, 2, "Dropping 'note' deletes its 2 values."), risks.get(0));

            TablewrightException refused = assertThrows(TablewrightException.class, () -> db.applyTableChange(d, false));
            assertEquals(ErrorCode.INVALID_ARGUMENT, refused.code());
            assertTrue(db.getTableSchema("people").fields().containsKey("note"), "nothing changed without confirmation");

            db.applyTableChange(d, true);
            assertFalse(db.getTableSchema("people").fields().containsKey("note"));
            assertEquals(List.of("Ada", "Bob", "Cy"), column(db, "people", "name"));
            assertEquals(Arrays.asList(36L, 41L, null), column(db, "people", "age"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void wideningIntegerToNumberKeepsEveryValue(String dialect) {
        try (Connector db = withPeople(dialect)) {
            TableDesign d = edit(design(db, "people"), "age", f -> spec(f, s -> typed(s, LogicalType.NUMBER)));
            assertEquals(List.of(), db.checkTableChange(d));
            db.applyTableChange(d, false);

            assertEquals(LogicalType.NUMBER, db.getTableSchema("people").fields().get("age").type());
            assertEquals(Arrays.asList(36.0, 41.0, null), column(db, "people", "age"));
            db.addRow("people", row("name", "Dee", "age", 2.5));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void narrowingTextToIntegerCountsTheValuesThatDoNotFitAndEmptiesThemOnlyWhenConfirmed(String dialect) {
        try (Connector db = withPeople(dialect)) {
            TableDesign d = edit(design(db, "people"), "note", f -> spec(f, s -> typed(s, LogicalType.INTEGER)));
            List<TableChangeRisk> risks = db.checkTableChange(d);
            assertEquals(1, risks.size());
            assertEquals(1, risks.get(0).rows(), risks.toString());
            assertEquals(TableChangeRisk.Kind.DATA_LOSS, risks.get(0).kind());

            db.applyTableChange(d, true);
            assertEquals(LogicalType.INTEGER, db.getTableSchema("people").fields().get("note").type());
            assertEquals(Arrays.asList(12L, null, null), column(db, "people", "note"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void uniqueOverDuplicatesIsRefusedWithTheirCountAndWorksOnceTheyAreDistinct(String dialect) {
        try (Connector db = withPeople(dialect)) {
            db.addRow("people", row("name", "Ada", "age", 7L));
            TableDesign d = edit(design(db, "people"), "name", f -> spec(f, s -> flags(s, true, true, null)));
            List<TableChangeRisk> risks = db.checkTableChange(d);
            assertEquals(List.of(new TableChangeRisk("name", TableChangeRisk.Kind.REJECTED, 2,
                    "2 rows share their value of 'name' with another row, so it cannot be unique. Make the values distinct first.")), risks);
            assertThrows(TablewrightException.class, () -> db.applyTableChange(d, true));

            db.query("DELETE FROM " + db.dialect().quoteIdentifier("people") + " WHERE " + db.dialect().quoteIdentifier("age") + " = ?", List.of(7));
            db.applyTableChange(d, false);
            assertTrue(db.getTableSchema("people").fields().get("name").unique());
            TablewrightException dup = assertThrows(TablewrightException.class, () -> db.addRow("people", row("name", "Ada")));
            assertEquals(ErrorCode.UNIQUE_VIOLATION, dup.code());

            db.applyTableChange(edit(design(db, "people"), "name", f -> spec(f, s -> flags(s, false, true, null))), false);
            assertFalse(db.getTableSchema("people").fields().get("name").unique());
            db.addRow("people", row("name", "Ada"));
            assertEquals(2L, db.countRows("people", ReadOptions.builder().filter(Filter.parse(List.of("name", "=", "Ada"))).autoJoin(false).build()));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void requiredOverEmptyRowsNeedsADefaultWhichFillsThem(String dialect) {
        try (Connector db = withPeople(dialect)) {
            TableDesign noDefault = edit(design(db, "people"), "age", f -> spec(f, s -> flags(s, false, false, null)));
            List<TableChangeRisk> refused = db.checkTableChange(noDefault);
            assertEquals(1, refused.size());
            assertTrue(refused.get(0).blocking());
            assertEquals(1, refused.get(0).rows());

            TableDesign withDefault = edit(design(db, "people"), "age", f -> spec(f, s -> flags(s, false, false, 0)));
            assertEquals(TableChangeRisk.Kind.DATA_LOSS, db.checkTableChange(withDefault).get(0).kind());
            db.applyTableChange(withDefault, true);
            assertEquals(List.of(36L, 41L, 0L), column(db, "people", "age"));
            FieldSpec age = db.getTableSchema("people").fields().get("age");
            assertFalse(age.allowNull());
            TablewrightException nul = assertThrows(TablewrightException.class, () -> db.changeRow("people",
                    db.findRow("people", ReadOptions.builder().filter(Filter.parse(List.of("name", "=", "Ada"))).autoJoin(false).build()).get("id"),
                    Collections.singletonMap("age", null)));
            assertEquals(ErrorCode.NOT_NULL_VIOLATION, nul.code());

            db.applyTableChange(edit(design(db, "people"), "age", f -> spec(f, s -> flags(s, false, true, null))), false);
            assertTrue(db.getTableSchema("people").fields().get("age").allowNull());
            assertNull(db.addRow("people", row("name", "Eve")).get("age"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void changingAParentTableLeavesTheRowsOfItsCascadingChildInPlace(String dialect) {
        try (Connector db = open(dialect)) {
            db.defineTable("authors", fields("name", "string", "born", "integer"));
            db.defineTable("books", fields("title", "string", "authorId",
                    Map.of("type", "string", "references", Map.of("table", "authors", "field", "id", "onDelete", "CASCADE"))));
            Object ada = db.addRow("authors", row("name", "Ada", "born", 1815L)).get("id");
            db.addRow("books", row("title", "Notes", "authorId", ada));
            db.addRow("books", row("title", "Letters", "authorId", ada));

            TableDesign d = edit(edit(design(db, "authors"), "born", f -> null), "name", f -> spec(f, s -> flags(s, true, false, null)));
            db.applyTableChange(d, true);

            assertEquals(2L, db.countRows("books", null));
            assertEquals(List.of(ada, ada), db.getTableData("books").stream().map(r -> r.get("authorId")).toList());
            db.deleteRow("authors", ada);
            assertEquals(0L, db.countRows("books", null), "the cascade still works after the change");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void renamingAFieldOfATrackedTableKeepsItsHistoryWorking(String dialect) {
        try (Connector db = open(dialect)) {
            db.defineTable("notes", fields("title", "string", "body", "text"), Map.of("trackHistory", true));
            Object id = db.addRow("notes", row("title", "a", "body", "first")).get("id");
            db.applyTableChange(edit(design(db, "notes"), "body", f -> new TableDesign.Field("content", "body", f.spec())), false);
            db.changeRow("notes", id, row("content", "second"));

            List<Map<String, Object>> versions = db.getHistoricalData("notes", Map.of("filter", List.of("id", "=", id)));
            assertEquals(List.of("insert", "update"), versions.stream().map(v -> v.get("operation")).toList());
            assertEquals(List.of("first", "second"), versions.stream().map(v -> ((Map<?, ?>) v.get("data")).get("content")).toList());
            assertTrue(db.getTableSchema("notes").options().trackHistory());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aNewTableDesignWithEveryTypeReadsBackAsTheSameDesign(String dialect) {
        try (Connector db = open(dialect)) {
            List<TableDesign.Field> fs = new ArrayList<>();
            for (LogicalType t : LogicalType.values()) {
                fs.add(TableDesign.Field.added(t.id() + "Field", FieldSpec.of(t)));
            }
            fs.add(TableDesign.Field.added("code", new FieldSpec(LogicalType.INTEGER, false, true, true, null, false, false, null, null)));
            fs.add(TableDesign.Field.added("seen", new FieldSpec(LogicalType.DATE, false, false, false, "NOW", false, false, null, null)));
            TableDesign d = new TableDesign("everything", false, fs, true);
            TableChangePlan plan = db.planTableChange(d);
            assertTrue(plan.statements().stream().anyMatch(s -> s.sql().startsWith("CREATE TABLE")), plan.script());

            db.applyTableChange(d, false);
            TableDesign back = design(db, "everything");
            assertTrue(back.trackHistory());
            Map<String, FieldSpec> expected = FieldSpecs.withAutoFields(d.specs());
            assertEquals(expected, back.specs());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void changingThePrimaryKeyIsATypedErrorBeforeAnythingRuns(String dialect) {
        try (Connector db = withPeople(dialect)) {
            TableDesign d = edit(design(db, "people"), "id", f -> spec(f, s -> typed(s, LogicalType.INTEGER)));
            UnsupportedChangeException e = assertThrows(UnsupportedChangeException.class, () -> db.planTableChange(d));
            assertEquals("id", e.field());
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void theSameDesignIsPlannedForEveryDialectWithoutTheirDatabases(String dialect) {
        try (Connector db = withPeople(dialect)) {
            TableDesign d = edit(edit(design(db, "people"), "age", f -> new TableDesign.Field("years", "age", f.spec())),
                    "note", f -> spec(f, s -> typed(s, LogicalType.STRING)));
            Map<String, String> scripts = new LinkedHashMap<>();
            for (String other : List.of("sqlite", "postgres", "mariadb")) {
                scripts.put(other, db.planTableChange(d, other).script());
            }
            assertTrue(scripts.get("postgres").contains("ALTER TABLE \"people\" RENAME COLUMN \"age\" TO \"years\";"), scripts.get("postgres"));
            assertTrue(scripts.get("postgres").contains("ALTER TABLE \"people\" ALTER COLUMN \"note\" TYPE varchar(255) USING left(\"note\", 255);"),
                    scripts.get("postgres"));
            assertTrue(scripts.get("mariadb").contains("UPDATE `people` SET `note` = LEFT(`note`, 255);"), scripts.get("mariadb"));
            assertTrue(scripts.get("mariadb").contains("ALTER TABLE `people` MODIFY `note` VARCHAR(255) NULL;"), scripts.get("mariadb"));
            assertTrue(scripts.get("sqlite").startsWith("PRAGMA foreign_keys = OFF;"), scripts.get("sqlite"));
            assertTrue(scripts.get("sqlite").contains("INSERT INTO \"__tw_new_people\" (\"id\", \"name\", \"years\", \"note\", \"createdAt\", \"updatedAt\")"
                    + " SELECT \"id\", \"name\", \"age\", substr(\"note\", 1, 255), \"createdAt\", \"updatedAt\" FROM \"people\";"), scripts.get("sqlite"));
            assertTrue(scripts.get("sqlite").contains("PRAGMA foreign_key_check;\nCOMMIT;\nPRAGMA foreign_keys = ON;"), scripts.get("sqlite"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void theConnectionsPlanIsWhatApplyRuns(String dialect) {
        try (Connector db = withPeople(dialect)) {
            TableDesign d = edit(design(db, "people"), "note", f -> new TableDesign.Field("remark", "note", f.spec()));
            TableChangePlan plan = db.planTableChange(d);
            assertEquals(dialect, plan.dialect());
            assertEquals(List.of("Rename field 'note' to 'remark'."), plan.summary());
            db.applyTableChange(d, false);
            assertTrue(db.planTableChange(design(db, "people")).isEmpty(), "once applied, the design is the table");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void swappingTwoFieldNamesKeepsEachValueWithItsNewName(String dialect) {
        try (Connector db = withPeople(dialect)) {
            List<TableDesign.Field> fs = new ArrayList<>();
            for (TableDesign.Field f : design(db, "people").fields()) {
                String name = switch (f.name()) {
                    case "name" -> "label";
                    case "note" -> "name";
                    case "age" -> "note";
                    default -> f.name();
                };
                fs.add(new TableDesign.Field(name, f.original(), f.spec()));
            }
            db.applyTableChange(design(db, "people").withFields(fs), false);
            List<Map<String, Object>> rows = db.getTableData("people");
            assertTrue(rows.stream().anyMatch(r -> "Ada".equals(r.get("label")) && "12".equals(r.get("name")) && Long.valueOf(36).equals(r.get("note"))),
                    rows.toString());
        }
    }

    @org.junit.jupiter.api.Test
    void sqliteRebuildKeepsTheTablesIndexesTriggersAndViews() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabases.dialects().contains("sqlite"));
        try (Connector db = withPeople("sqlite")) {
            db.defineTable("log", fields("what", "string"));
            db.exec("CREATE INDEX \"people_age\" ON \"people\" (\"age\");"
                    + "CREATE TRIGGER \"people_log\" AFTER INSERT ON \"people\" BEGIN INSERT INTO \"log\" (\"id\", \"what\") VALUES (NEW.\"id\", NEW.\"name\"); END;"
                    + "CREATE VIEW \"adults\" AS SELECT \"name\" FROM \"people\" WHERE \"age\" >= 18;");
            TableDesign d = edit(edit(design(db, "people"), "note", f -> null), "age", f -> new TableDesign.Field("years", "age", f.spec()));
            UnsupportedChangeException viewInTheWay = assertThrows(UnsupportedChangeException.class, () -> db.planTableChange(d));
            assertEquals("age", viewInTheWay.field());

            db.applyTableChange(edit(design(db, "people"), "note", f -> null), true);
            assertEquals(List.of(Map.of("name", "Ada"), Map.of("name", "Bob")), db.query("SELECT \"name\" FROM \"adults\" ORDER BY 1").results());
            db.addRow("people", row("name", "Dee", "age", 20L));
            assertEquals(1L, db.countRows("log", null), "the trigger still fires");
            assertEquals(1, db.query("SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?", List.of("people_age")).results().size());
        }
    }

    /** Loads the dialect's Chinook script (../shared/datasets), without its DROP/CREATE DATABASE and USE / \\c lines. */
    static Connector chinook(String dialect) throws Exception {
        String file = switch (dialect) {
            case "sqlite" -> "Chinook_Sqlite.sql";
            case "postgres" -> "Chinook_PostgreSql.sql";
            default -> "Chinook_MySql.sql";
        };
        Path script = Path.of("..", "..", "shared", "datasets", "chinook", file);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(script), "the Chinook dataset is at " + script.toAbsolutePath());
        String text = Files.readString(script).lines()
                .filter(l -> !l.matches("(?i)\\s*(DROP DATABASE|CREATE DATABASE|USE |\\\\c ).*"))
                .collect(Collectors.joining("\n"));
        Connector db = open(dialect);
        db.exec(text);
        return db;
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aTableTheWorkbenchDidNotCreateOpensUnchangedAndTakesARenameAndANewField(String dialect) throws Exception {
        try (Connector db = chinook(dialect)) {
            String album = dialect.equals("postgres") ? "album" : "Album";
            String title = dialect.equals("postgres") ? "title" : "Title";
            TableDesign d = design(db, album);
            assertTrue(db.planTableChange(d).isEmpty(), db.planTableChange(d).script());
            String artist = dialect.equals("postgres") ? "artist_id" : "ArtistId";
            assertEquals(dialect.equals("postgres") ? "artist" : "Artist", d.specs().get(artist).references().table());

            List<TableDesign.Field> fs = new ArrayList<>(edit(d, title, f -> new TableDesign.Field("name", title, f.spec())).fields());
            fs.add(TableDesign.Field.added("rating", FieldSpec.of(LogicalType.INTEGER)));
            db.applyTableChange(d.withFields(fs), false);

            assertEquals(347L, db.countRows(album, null));
            assertEquals(1L, db.countRows(album, ReadOptions.builder()
                    .filter(Filter.parse(List.of("name", "=", "For Those About To Rock We Salute You"))).autoJoin(false).build()));
            TableSchema after = db.getTableSchema(album);
            assertEquals(LogicalType.INTEGER, after.fields().get("rating").type());
            assertTrue(db.planTableChange(TableDesign.of(after)).isEmpty());
        }
    }
}
