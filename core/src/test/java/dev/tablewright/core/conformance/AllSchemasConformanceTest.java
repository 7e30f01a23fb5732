package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.schema.TableSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** getTableSchemas reads the whole database in one pass and says what getTableSchema says of each table. */
class AllSchemasConformanceTest {

    private static void assertSameAsOneByOne(Connector db) {
        List<TableSchema> all = db.getTableSchemas();
        assertEquals(db.getAllTables(), all.stream().map(TableSchema::name).toList());
        for (TableSchema s : all) {
            TableSchema one = db.getTableSchema(s.name());
            assertEquals(one.fields(), s.fields(), s.name());
            assertEquals(one.options(), s.options(), s.name());
            assertEquals(new HashSet<>(one.relationships()), new HashSet<>(s.relationships()), s.name());
            assertEquals(one.relationships().size(), s.relationships().size(), s.name());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void everyTableWithItsRelationshipsBothWays(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("users", Map.of("name", "string"), Map.of("trackHistory", true));
            db.defineTable("posts", Map.of("title", "string"));
            db.defineTable("tags", Map.of("label", "uniquestring"));
            db.optionallyHasOne("posts", "users", "Author");
            db.mandatorilyHasOne("posts", "users", "Editor");
            db.optionallyHasMany("posts", "tags");
            db.optionallyHasOne("users", "users", "Mentor");
            assertSameAsOneByOne(db);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void chinookReadsTheSame(String dialect) throws Exception {
        try (Connector db = ChinookConformanceTest.chinook(dialect)) {
            assertEquals(11, db.getTableSchemas().size());
            assertSameAsOneByOne(db);
        }
    }
}
