package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.relation.RelationshipPlan;
import dev.tablewright.core.schema.FieldSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changing relationships for the diagram editor (contract section 10.2), on every dialect. */
class RemoveRelationshipConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    private static Connector shop(String dialect) {
        Connector db = Conformance.open(dialect);
        db.defineTable("users", Map.of("name", "string"));
        db.defineTable("posts", Map.of("title", "string"));
        db.defineTable("tags", Map.of("label", "string"));
        return db;
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void removingAForeignKeyDropsTheConstraintAndTheFieldWithIt(String dialect) {
        try (Connector db = shop(dialect)) {
            db.optionallyHasOne("posts", "users", "Author");
            Map<String, Object> ada = db.addRow("users", Map.of("name", "Ada"));
            db.addRow("posts", Map.of("title", "Hello", "authorId", ada.get("id")));

            assertEquals("authorId", db.removeRelationship("posts", "users", Map.of("role", "Author")));

            assertFalse(db.getTableSchema("posts").fields().containsKey("authorId"));
            assertTrue(db.getTableSchema("users").relationships().isEmpty(), db.getTableSchema("users").relationships().toString());
            assertEquals(List.of("Hello"), Conformance.values(db.getTableData("posts"), "title"), "the rows stay");
            assertTrue(db.deleteRow("users", ada.get("id")), "nothing links to Ada any more");
            assertCode(ErrorCode.NOT_FOUND, () -> db.removeRelationship("posts", "users", Map.of("role", "Author")));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void keepFieldLeavesAPlainFieldWithItsValues(String dialect) {
        try (Connector db = shop(dialect)) {
            db.mandatorilyHasOne("posts", "users", null);
            Map<String, Object> ada = db.addRow("users", Map.of("name", "Ada"));
            db.addRow("posts", Map.of("title", "Hello", "userId", ada.get("id")));

            assertEquals("userId", db.removeRelationship("posts", "users", Map.of("keepField", true)));

            FieldSpec userId = db.getTableSchema("posts").fields().get("userId");
            assertNull(userId.references(), "no longer a link");
            assertEquals(List.of(ada.get("id")), Conformance.values(db.getTableData("posts", ReadOptions.fromMap(Map.of("autoJoin", false))), "userId"));
            db.addRow("posts", Map.of("title", "Orphan", "userId", "not-a-user"));
            assertTrue(db.deleteRow("users", ada.get("id")), "no constraint restricts deleting the user");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void removingAManyToManyDropsItsJunctionFromEitherSide(String dialect) {
        try (Connector db = shop(dialect)) {
            assertEquals("__posts2tags", db.optionallyHasMany("posts", "tags"));
            Map<String, Object> post = db.addRow("posts", Map.of("title", "Hello"));
            Map<String, Object> tag = db.addRow("tags", Map.of("label", "news"));
            db.associateRow("posts", post.get("id"), "tags", tag.get("id"));

            assertEquals("__posts2tags", db.removeRelationship("tags", "posts", null));

            assertTrue(db.getTableSchema("posts").relationships().isEmpty());
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.associateRow("posts", post.get("id"), "tags", tag.get("id")));
            assertEquals("__posts2tags", db.optionallyHasMany("posts", "tags"), "it can be made again");
            assertEquals(1, db.associateRow("posts", post.get("id"), "tags", tag.get("id")), "the old link went with the junction");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aForeignKeyMadeByPlainSqlIsRemovedByNamingItsField(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.exec("CREATE TABLE depts (code VARCHAR(10) PRIMARY KEY, title VARCHAR(100));"
                    + "CREATE TABLE staff (id INTEGER PRIMARY KEY, dept VARCHAR(10) REFERENCES depts(code))");
            db.exec("INSERT INTO depts (code, title) VALUES ('R', 'Research'); INSERT INTO staff (id, dept) VALUES (1, 'R')");
            if (dialect.equals("sqlite")) {
                var refused = assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.removeRelationship("staff", "depts", Map.of("role", "dept")));
                assertTrue(refused.getMessage().contains("rebuild"), refused.getMessage());
                assertEquals("depts", db.getTableSchema("staff").fields().get("dept").references().table(), "nothing changed");
                return;
            }
            assertEquals("dept", db.removeRelationship("staff", "depts", Map.of("role", "dept", "keepField", true)));
            assertNull(db.getTableSchema("staff").fields().get("dept").references());
            assertEquals(List.of("R"), Conformance.values(db.getTableData("staff"), "dept"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aTableLinkedToItselfNeedsARoleAndSetsTheLinkToNullWhenTheParentGoes(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("employees", Map.of("name", "string"));
            var noRole = assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.optionallyHasOne("employees", "employees", null));
            assertTrue(noRole.getMessage().contains("role"), noRole.getMessage());
            assertEquals("managerId", db.optionallyHasOne("employees", "employees", "Manager"));
            Map<String, Object> boss = db.addRow("employees", Map.of("name", "Boss"));
            Map<String, Object> ada = db.addRow("employees", Map.of("name", "Ada", "managerId", boss.get("id")));
            assertTrue(db.deleteRow("employees", boss.get("id")));
            Map<String, Object> after = db.findRow("employees", ReadOptions.fromMap(Map.of("filter", List.of("id", "=", ada.get("id")), "autoJoin", false)));
            assertNull(after.get("managerId"));
            assertEquals("managerId", db.removeRelationship("employees", "employees", Map.of("role", "Manager")));
            assertFalse(db.getTableSchema("employees").fields().containsKey("managerId"));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void thePlanShowsTheStatementsAndRefusesAsTheCallWould(String dialect) {
        try (Connector db = shop(dialect)) {
            RelationshipPlan plan = db.planRelationship("posts", "users", "optional", "Author");
            assertEquals("authorId", plan.name());
            assertEquals(List.of("fk_posts_authorId"), plan.constraints());
            assertTrue(plan.plan().script().contains("authorId"), plan.plan().script());
            assertFalse(db.getTableSchema("posts").fields().containsKey("authorId"), "planning changed nothing");

            RelationshipPlan junction = db.planRelationship("posts", "tags", "manyToMany", null);
            assertEquals("__posts2tags", junction.name());
            assertTrue(junction.plan().script().contains("CREATE TABLE"), junction.plan().script());

            db.addRow("posts", Map.of("title", "Hello"));
            var refused = assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.planRelationship("posts", "users", "mandatory", null));
            assertTrue(refused.getMessage().contains("optionallyHasOne"), "says what to do: " + refused.getMessage());
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.planRelationship("posts", "posts", "manyToMany", null));
            assertCode(ErrorCode.NOT_FOUND, () -> db.planRemoveRelationship("posts", "users", null));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.removeRelationship("posts", "users", Map.of("keep", true)));
        }
    }
}
