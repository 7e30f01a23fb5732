package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableDesign;
import dev.tablewright.core.schema.TableSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static dev.tablewright.core.conformance.Conformance.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.testing.TestDatabases;
import java.util.HashMap;

/**
 * Trailing spaces are part of a value in filters on every dialect. MariaDB and MySQL compare text
 * with PAD SPACE collations, where {@code 'x '} equals {@code 'x'} and {@code ''} equals
 * {@code ' '}; SQLite and PostgreSQL keep them apart, and so does the same filter on MariaDB, on
 * tables the workbench made and on tables it did not. Unique keys of the tables the workbench makes
 * keep them apart too (decision 0050); other tools' tables keep their own rule.
 */
class TrailingSpacesConformanceTest {
    private static final List<String> TWINS = List.of("x", "x ", "x  ", "", " ");

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void filtersTellValuesApartByTheirTrailingSpaces(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("tags", Map.of("label", "string", "note", "text", "specs", "json"));
            for (String v : TWINS) {
                db.addRow("tags", Map.of("label", v, "note", v, "specs", Map.of("k", v)));
            }
            assertFindsExactly(db, "tags", List.of("label", "note", "specs.k"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void filtersOnATableMadeByAnotherToolTellThemApartToo(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.exec("CREATE TABLE legacy (label VARCHAR(40), note TEXT)" + legacySuffix(dialect));
            for (String v : TWINS) {
                db.query("INSERT INTO legacy (label, note) VALUES (?, ?)", List.of(v, v));
            }
            assertFindsExactly(db, "legacy", List.of("label", "note"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void aUniqueTextFieldTakesEachTwinOnceAndRefusesTheSameTwinAgain(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            uniqueFieldTakesEachTwinOnce(db);
        }
    }

    private static void uniqueFieldTakesEachTwinOnce(Connector db) {
        db.defineTable("tags", Map.of("label", "uniquestring", "note", "string"));
        for (String v : TWINS) {
            db.addRow("tags", Map.of("label", v, "note", "first"));
        }
        assertEquals(TWINS.size(), db.countRows("tags", ReadOptions.none()));
        var refused = assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("tags", Map.of("label", "x ", "note", "again")));
        assertTrue(refused.getMessage().contains("label"), refused.getMessage());
        assertFalse(refused.getMessage().contains("__"), "no internal name: " + refused.getMessage());

        Map<String, Object> upserted = db.upsertRow("tags", Map.of("label", "x ", "note", "changed"), Map.of("label", "x "));
        assertEquals("x ", upserted.get("label"));
        assertEquals("changed", upserted.get("note"));
        assertEquals(TWINS.size(), db.countRows("tags", ReadOptions.none()), "the upsert changed the row it found");
        assertEquals(List.of("first"), values(db.getTableData("tags", ReadOptions.filter(List.of("label", "=", "x"))), "note"));

        TableSchema schema = db.getTableSchema("tags");
        assertTrue(schema.fields().get("label").unique());
        assertEquals(schema.fields().keySet(), db.getTableData("tags").get(0).keySet(), "rows hold the fields of the schema, nothing else");
        assertFalse(schema.fields().keySet().stream().anyMatch(f -> f.startsWith("__")), schema.fields().keySet().toString());
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void theDesignerKeepsTwinsApartWhenItMakesRenamesOrAddsAUniqueField(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            designerKeepsTwinsApart(db);
        }
    }

    /** The mysql dialect (Connector/J, its metadata and its statements for MySQL) against the MariaDB server. */
    @org.junit.jupiter.api.Test
    void theMysqlDialectKeepsTwinsApartToo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabases.dialects().contains("mariadb"));
        Map<String, Object> options = new HashMap<>(Conformance.fresh("mariadb").options());
        options.put("dialect", "mysql");
        try (Connector db = new Connector()) {
            db.create(options);
            uniqueFieldTakesEachTwinOnce(db);
            designerKeepsTwinsApart(db);
        }
    }

    private static void designerKeepsTwinsApart(Connector db) {
        db.defineTable("codes", Map.of("code", "string"));
        Object id = db.addRow("codes", Map.of("code", "x")).get("id");
        db.addRow("codes", Map.of("code", "x "));
        TableDesign unique = edit(TableDesign.of(db.getTableSchema("codes")), "code", f -> spec(f, s -> unique(s, true)));
        assertEquals(List.of(), db.checkTableChange(unique), "twins are not duplicates");
        db.applyTableChange(unique, false);
        assertTrue(db.getTableSchema("codes").fields().get("code").unique());
        var refused = assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("codes", Map.of("code", "x ")));
        assertTrue(refused.getMessage().contains("code"), refused.getMessage());

        db.applyTableChange(edit(TableDesign.of(db.getTableSchema("codes")), "code", f -> new TableDesign.Field("tag", "code", f.spec())), false);
        db.addRow("codes", Map.of("tag", "x  "));
        refused = assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("codes", Map.of("tag", "x ")));
        assertTrue(refused.getMessage().contains("tag"), refused.getMessage());
        TableSchema renamed = db.getTableSchema("codes");
        assertTrue(renamed.fields().get("tag").unique());
        assertEquals(renamed.fields().keySet(), db.getTableData("codes").get(0).keySet());

        db.applyTableChange(edit(TableDesign.of(renamed), "tag", f -> spec(f, s -> unique(s, false))), false);
        assertFalse(db.getTableSchema("codes").fields().get("tag").unique());
        Object twin = db.addRow("codes", Map.of("tag", "x ")).get("id");
        db.deleteRow("codes", twin);
        db.applyTableChange(edit(TableDesign.of(db.getTableSchema("codes")), "tag", f -> spec(f, s -> unique(s, true))), false);
        assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("codes", Map.of("tag", "x ")));

        db.defineTable("codes", Map.of("tag", "string", "sku", "uniquestring"));
        db.changeRow("codes", id, Map.of("sku", "s"));
        db.addRow("codes", Map.of("tag", "y", "sku", "s "));
        assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("codes", Map.of("tag", "z", "sku", "s ")));

        db.applyTableChange(edit(TableDesign.of(db.getTableSchema("codes")), "tag", f -> null), true);
        TableSchema dropped = db.getTableSchema("codes");
        assertNull(dropped.fields().get("tag"));
        assertEquals(dropped.fields().keySet(), db.getTableData("codes").get(0).keySet());
        db.addRow("codes", Map.of("sku", "x"));
        assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("codes", Map.of("sku", "s ")));
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void historyTimeTravelAndRestoreKeepTwinsOfAUniqueFieldApart(String dialect) throws Exception {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("tags", Map.of("label", "uniquestring", "note", "string"), Map.of("trackHistory", true));
            db.addRow("tags", Map.of("label", "x", "note", "plain"));
            Object twin = db.addRow("tags", Map.of("label", "x ", "note", "spaced")).get("id");
            List<Map<String, Object>> versions = db.getHistoricalData("tags", Map.of());
            String then = versions.get(versions.size() - 1).get("changedAt").toString();
            Thread.sleep(15);
            db.changeRow("tags", twin, Map.of("label", "y"));
            db.addRow("tags", Map.of("label", "x  ", "note", "two spaces"));

            List<Map<String, Object>> before = db.getTableData("tags", ReadOptions.builder().asOf(then).order(List.of("note", "ASC")).build());
            assertEquals(List.of("x", "x "), values(before, "label"));
            assertEquals(List.of("spaced"), values(db.getTableData("tags", ReadOptions.builder().asOf(then)
                    .filter(Filter.parse(List.of("label", "=", "x "))).build()), "note"));
            Map<String, Object> restored = db.restoreRow("tags", twin, Map.of("asOf", then));
            assertEquals("x ", restored.get("label"));
            assertEquals(3, db.countRows("tags", ReadOptions.none()));
            assertEquals(List.of("insert", "update", "update"), values(db.getHistoricalData("tags",
                    Map.of("filter", List.of("id", "=", twin))), "operation"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void aForeignKeyToAUniqueTextFieldFindsTheTwinItNames(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("tags", Map.of("label", "uniquestring", "note", "string"));
            db.addRow("tags", Map.of("label", "x", "note", "plain"));
            db.addRow("tags", Map.of("label", "x ", "note", "spaced"));
            db.defineTable("posts", Map.of("title", "string",
                    "tagId", Map.of("type", "string", "references", Map.of("table", "tags", "field", "label"))));
            db.addRow("posts", Map.of("title", "a", "tagId", "x "));
            db.addRow("posts", Map.of("title", "b", "tagId", "x"));
            List<Map<String, Object>> posts = db.getTableData("posts", ReadOptions.builder().order(List.of("title", "ASC")).build());
            assertEquals(List.of("spaced", "plain"), posts.stream().map(p -> ((Map<?, ?>) p.get("tag")).get("note")).toList());
            assertEquals(List.of("a"), values(db.getTableData("posts", ReadOptions.filter(List.of("tagId", "=", "x "))), "title"));
        }
    }

    /** A unique field changing from text to integer and back keeps a key that refuses duplicates and, as text, keeps twins apart. */
    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void aUniqueFieldThatChangesTypeKeepsTheKeyItsTypeNeeds(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("ranks", Map.of("rank", "uniquestring", "name", "string"));
            db.addRow("ranks", Map.of("rank", "1", "name", "a"));
            db.addRow("ranks", Map.of("rank", "2", "name", "b"));
            db.applyTableChange(edit(TableDesign.of(db.getTableSchema("ranks")), "rank", f -> spec(f, s -> typed(s, LogicalType.INTEGER))), false);
            TableSchema numbers = db.getTableSchema("ranks");
            assertEquals(LogicalType.INTEGER, numbers.fields().get("rank").type());
            assertTrue(numbers.fields().get("rank").unique());
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("ranks", Map.of("rank", 2, "name", "c")));

            db.applyTableChange(edit(TableDesign.of(numbers), "rank", f -> spec(f, s -> typed(s, LogicalType.STRING))), false);
            TableSchema text = db.getTableSchema("ranks");
            assertTrue(text.fields().get("rank").unique());
            assertEquals(text.fields().keySet(), db.getTableData("ranks").get(0).keySet());
            db.addRow("ranks", Map.of("rank", "2 ", "name", "c"));
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("ranks", Map.of("rank", "2", "name", "d")));
            assertEquals(3, db.countRows("ranks", ReadOptions.none()));
        }
    }

    /** The designer makes a field of another tool's table unique with the column's own key: that table keeps its shape and its rule. */
    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void aFieldOfAnotherToolsTableMadeUniqueKeepsThatTablesShapeAndRule(String dialect) {
        if (!dialect.equals("mariadb") && !dialect.equals("mysql")) {
            return;
        }
        try (Connector db = Conformance.open(dialect)) {
            db.exec("CREATE TABLE legacy (id INTEGER PRIMARY KEY, label VARCHAR(40))" + legacySuffix(dialect));
            db.query("INSERT INTO legacy (id, label) VALUES (1, 'x')", List.of());
            db.applyTableChange(edit(TableDesign.of(db.getTableSchema("legacy")), "label", f -> spec(f, s -> unique(s, true))), false);
            assertTrue(db.getTableSchema("legacy").fields().get("label").unique());
            assertEquals(2L, ((Number) db.queryOne("SELECT COUNT(*) AS n FROM information_schema.columns WHERE table_schema = DATABASE()"
                    + " AND table_name = 'legacy'", List.of()).get("n")).longValue(), "no column was added");
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow("legacy", Map.of("id", 2, "label", "x ")));
        }
    }

    private static TableDesign edit(TableDesign design, String field, UnaryOperator<TableDesign.Field> change) {
        List<TableDesign.Field> out = new ArrayList<>();
        for (TableDesign.Field f : design.fields()) {
            TableDesign.Field changed = f.name().equals(field) ? change.apply(f) : f;
            if (changed != null) {
                out.add(changed);
            }
        }
        return design.withFields(out);
    }

    private static TableDesign.Field spec(TableDesign.Field f, UnaryOperator<FieldSpec> change) {
        return new TableDesign.Field(f.name(), f.original(), change.apply(f.spec()));
    }

    private static FieldSpec typed(FieldSpec s, LogicalType type) {
        return new FieldSpec(type, s.primaryKey(), s.unique(), s.allowNull(), s.defaultValue(), s.autoIncrement(), s.auto(), s.references(), null);
    }

    private static FieldSpec unique(FieldSpec s, boolean unique) {
        return new FieldSpec(s.type(), s.primaryKey(), unique, s.allowNull(), s.defaultValue(), s.autoIncrement(), s.auto(), s.references(), null);
    }

    /** MariaDB and MySQL tables as other tools make them: a binary PAD SPACE collation. */
    private static String legacySuffix(String dialect) {
        return dialect.equals("mariadb") || dialect.equals("mysql") ? " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : "";
    }

    /** Each row holds one of the {@link #TWINS} in every field; a filter on any field finds the rows whose label is exactly it. */
    private static void assertFindsExactly(Connector db, String table, List<String> fields) {
        for (String field : fields) {
            for (String v : TWINS) {
                List<Map<String, Object>> rows = db.getTableData(table, ReadOptions.filter(List.of(field, "=", v)));
                assertEquals(List.of(v), values(rows, "label"), field + " = '" + v + "'");
                assertEquals(TWINS.size() - 1, db.countRows(table, ReadOptions.filter(List.of(field, "!=", v))), field + " != '" + v + "'");
            }
            assertEquals(2, db.countRows(table, ReadOptions.filter(List.of(field, "in", List.of("x", "")))), field + " in");
            assertEquals(TWINS.size() - 2, db.countRows(table, ReadOptions.filter(List.of(field, "notin", List.of("x", "")))),
                    field + " not in");
        }
    }
}
