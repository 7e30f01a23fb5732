package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One row's many-to-many links read as the linked table's rows, a page at a time, on every dialect. */
class LinkedRowsConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aPostsLinkedTagsAreReadInPagesWithFilterAndCount(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("posts", Map.of("title", "string"));
            db.defineTable("tags", Map.of("name", "string"));
            db.optionallyHasMany("posts", "tags");
            Map<String, Object> post = db.addRow("posts", Map.of("title", "Hello"));
            Map<String, Object> other = db.addRow("posts", Map.of("title", "Other"));
            List<Object> tagIds = new ArrayList<>();
            for (String name : List.of("d'oh", "alpha", "gamma", "beta", "50% off", "unlinked")) {
                tagIds.add(db.addRow("tags", Map.of("name", name)).get("id"));
            }
            db.associateRow("posts", post.get("id"), "tags", tagIds.subList(0, 5));
            db.associateRow("posts", other.get("id"), "tags", tagIds.get(1));

            ReadOptions byName = ReadOptions.builder().fields(List.of("name")).order(List.of(List.of("name", "ASC"))).build();
            assertEquals(List.of("50% off", "alpha", "beta"), names(db.getLinkedRows("posts", post.get("id"), "tags", byName.toBuilder().limit(3).build())));
            assertEquals(List.of("d'oh", "gamma"), names(db.getLinkedRows("posts", post.get("id"), "tags", byName.toBuilder().limit(3).offset(3).build())));
            assertEquals(5, db.countLinkedRows("posts", post.get("id"), "tags", null));
            assertEquals(1, db.countLinkedRows("posts", post.get("id"), "tags", ReadOptions.filter(List.of("name", "contains", "%"))));
            assertEquals(List.of("Hello", "Other"), db.getLinkedRows("tags", tagIds.get(1), "posts", ReadOptions.builder()
                    .order(List.of(List.of("title", "ASC"))).build()).stream().map(r -> r.get("title")).toList(), "from either side");

            db.dissociateRow("posts", post.get("id"), "tags", tagIds.get(0));
            assertEquals(4, db.countLinkedRows("posts", post.get("id"), "tags", null));
            assertEquals(0, db.countLinkedRows("tags", tagIds.get(5), "posts", null));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getLinkedRows("posts", post.get("id"), "posts", null));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void tablesWithoutAManyToManyRelationshipHaveNoLinkedRows(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("companies", Map.of("name", "string"));
            db.defineTable("employees", Map.of("name", "string"));
            db.optionallyHasOne("employees", "companies", null);
            Map<String, Object> acme = db.addRow("companies", Map.of("name", "Acme"));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getLinkedRows("companies", acme.get("id"), "employees", null));
            assertCode(ErrorCode.UNKNOWN_TABLE, () -> db.countLinkedRows("companies", acme.get("id"), "nowhere", null));
        }
    }

    private static List<Object> names(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("name")).toList();
    }
}
