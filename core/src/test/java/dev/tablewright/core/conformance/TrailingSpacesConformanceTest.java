package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Trailing spaces are part of a value in filters on every dialect. MariaDB and MySQL compare text
 * with PAD SPACE collations, where {@code 'x '} equals {@code 'x'} and {@code ''} equals
 * {@code ' '}; SQLite and PostgreSQL keep them apart, and so does the same filter on MariaDB, on
 * tables the workbench made and on tables it did not. (Unique keys there still treat them as one
 * value: decision 0045.)
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
