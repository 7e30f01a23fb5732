package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference's relationship examples, on every dialect (contract sections 6 and 7). */
class RelationshipConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void anEmployeeMandatorilyHasOneCompany(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("companies", Map.of("name", "string"));
            db.defineTable("employees", Map.of("firstName", "string", "lastName", "string"));
            assertEquals("companyId", db.mandatorilyHasOne("employees", "companies", null));
            FieldSpec fk = db.getTableSchema("employees").fields().get("companyId");
            assertFalse(fk.allowNull());
            assertEquals("companies", fk.references().table());
            assertEquals("id", fk.references().field());
            assertEquals("RESTRICT", fk.references().onDelete());
            Map<String, Object> acme = db.addRow("companies", Map.of("name", "Acme"));
            Map<String, Object> ada = db.addRow("employees", Map.of("firstName", "Ada", "lastName", "Lovelace", "companyId", acme.get("id")));
            assertEquals(acme.get("id"), ada.get("companyId"));
            assertCode(ErrorCode.NOT_NULL_VIOLATION, () -> db.addRow("employees", Map.of("firstName", "No", "lastName", "Company")));
            assertCode(ErrorCode.FOREIGN_KEY_VIOLATION, () -> db.addRow("employees", Map.of("firstName", "Ghost", "lastName", "Co",
                    "companyId", "00000000-0000-7000-8000-000000000000")));
            assertCode(ErrorCode.FOREIGN_KEY_VIOLATION, () -> db.deleteRow("companies", acme.get("id")));
            Map<String, Object> joined = db.findRow("employees", ReadOptions.none());
            assertEquals("Acme", ((Map<?, ?>) joined.get("company")).get("name"), "autoJoin nests the parent under company");
            Map<String, Object> plain = db.findRow("employees", ReadOptions.fromMap(Map.of("autoJoin", false)));
            assertFalse(plain.containsKey("company"));
            Map<String, Object> chosen = db.findRow("employees", ReadOptions.fromMap(Map.of("fields", List.of("firstName", "companyId"))));
            assertEquals(List.of("companyId", "firstName"), chosen.keySet().stream().sorted().toList(), "fields is the whole list of what comes back");
            Map<String, Object> withCompany = db.findRow("employees", ReadOptions.fromMap(Map.of("fields", List.of("firstName", "company"))));
            assertEquals(List.of("company", "firstName"), withCompany.keySet().stream().sorted().toList(), "a related key is asked for by name");
            assertEquals("Acme", ((Map<?, ?>) withCompany.get("company")).get("name"));
            assertCode(ErrorCode.UNKNOWN_FIELD, () -> db.findRow("employees", ReadOptions.fromMap(Map.of("fields", List.of("firstName", "company"), "autoJoin", false))));
            TableSchema companies = db.getTableSchema("companies");
            assertTrue(companies.relationships().stream().anyMatch(r -> "hasMany".equals(r.get("type")) && "employees".equals(r.get("table"))));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aMandatoryLinkToATableWithRowsIsRefusedUntilEveryRowHasAParent(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("people", Map.of("name", "string"));
            db.defineTable("pets", Map.of("name", "string"));
            Map<String, Object> rex = db.addRow("pets", Map.of("name", "Rex"));
            Map<String, Object> tom = db.addRow("pets", Map.of("name", "Tom"));
            var e = assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.mandatorilyHasOne("pets", "people", null));
            assertTrue(e.getMessage().startsWith("2 rows of 'pets' have no personId"), e.getMessage());
            assertTrue(e.getMessage().contains("optionallyHasOne"), e.getMessage());
            assertFalse(db.getTableSchema("pets").fields().containsKey("personId"), "nothing was changed");
            assertEquals("personId", db.optionallyHasOne("pets", "people", null));
            Map<String, Object> ann = db.addRow("people", Map.of("name", "Ann"));
            db.changeRow("pets", rex.get("id"), Map.of("personId", ann.get("id")));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.mandatorilyHasOne("pets", "people", null));
            db.changeRow("pets", tom.get("id"), Map.of("personId", ann.get("id")));
            assertEquals("personId", db.mandatorilyHasOne("pets", "people", null));
            FieldSpec fk = db.getTableSchema("pets").fields().get("personId");
            assertFalse(fk.allowNull());
            assertEquals("RESTRICT", fk.references().onDelete());
            assertEquals(2, db.countRows("pets", ReadOptions.filter(List.of("personId", "=", ann.get("id")))), "every row kept");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aPostOptionallyHasOneCategoryAndLosesItWhenTheCategoryGoes(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("posts", Map.of("title", "string", "content", "text"));
            db.defineTable("categories", Map.of("name", "string"));
            Map<String, Object> post = db.addRow("posts", Map.of("title", "My First Post", "content", "..."));
            Map<String, Object> other = db.addRow("posts", Map.of("title", "Second", "content", "..."));
            assertEquals("categoryId", db.optionallyHasOne("posts", "categories", null));
            assertEquals(2, db.countRows("posts", ReadOptions.none()), "adding the link keeps every row");
            Map<String, Object> news = db.addRow("categories", Map.of("name", "News"));
            Map<String, Object> linked = db.patchRow("posts", Map.of("id", post.get("id"), "categoryId", news.get("id")));
            assertEquals(news.get("id"), linked.get("categoryId"));
            List<Map<String, Object>> rows = db.getTableData("posts", ReadOptions.fromMap(Map.of("order", List.of("title", "ASC"))));
            assertEquals("News", ((Map<?, ?>) rows.get(0).get("category")).get("name"));
            assertNull(rows.get(1).get("category"));
            assertEquals(1, db.associateRow("categories", news.get("id"), "posts", List.of(post.get("id"), other.get("id"))),
                    "one new link: the other post was linked already");
            assertEquals(0, db.associateRow("posts", other.get("id"), "categories", news.get("id")));
            assertEquals(1, db.dissociateRow("posts", other.get("id"), "categories", news.get("id")));
            assertTrue(db.deleteRow("categories", news.get("id")));
            assertNull(db.findRow("posts", ReadOptions.filter(List.of("id", "=", post.get("id")))).get("categoryId"), "ON DELETE SET NULL");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void ordersAndProductsAreLinkedThroughAHiddenJunction(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("orders", Map.of("orderDate", "date"));
            db.defineTable("products", Map.of("name", "string", "price", "number"));
            assertEquals("__orders2products", db.optionallyHasMany("orders", "products"));
            assertEquals(List.of("orders", "products"), db.getAllTables(), "the junction is hidden");
            Map<String, Object> order = db.addRow("orders", Map.of("orderDate", "2025-01-15"));
            Map<String, Object> p1 = db.addRow("products", Map.of("name", "Thingamajig", "price", 19.99));
            Map<String, Object> p2 = db.addRow("products", Map.of("name", "Widget", "price", 25.5));
            Map<String, Object> p3 = db.addRow("products", Map.of("name", "Gizmo", "price", 5));
            assertEquals(2, db.associateRow("orders", order.get("id"), "products", List.of(p1.get("id"), p2.get("id"))));
            assertEquals(0, db.associateRow("orders", order.get("id"), "products", List.of(p1.get("id"), p2.get("id"))), "links are not duplicated");
            assertEquals(1, db.associateRow("products", p3.get("id"), "orders", order.get("id")), "from either side");
            assertCode(ErrorCode.NOT_FOUND, () -> db.associateRow("orders", order.get("id"), "products", "00000000-0000-7000-8000-000000000000"));
            List<?> products = (List<?>) db.findRow("orders", ReadOptions.none()).get("products");
            assertEquals(3, products.size());
            List<?> orders = (List<?>) db.findRow("products", ReadOptions.filter(List.of("name", "=", "Widget"))).get("orders");
            assertEquals(1, orders.size());
            assertTrue(db.getTableSchema("orders").relationships().stream()
                    .anyMatch(r -> "manyToMany".equals(r.get("type")) && "products".equals(r.get("table")) && "__orders2products".equals(r.get("through"))));
            assertEquals(1, db.dissociateRow("orders", order.get("id"), "products", p3.get("id")));
            assertEquals(2, ((List<?>) db.findRow("orders", ReadOptions.none()).get("products")).size());
            assertTrue(db.deleteRow("products", p1.get("id")));
            assertEquals(1, ((List<?>) db.findRow("orders", ReadOptions.none()).get("products")).size(), "links of a deleted row go with it");
            assertTrue(db.deleteTable("products"));
            assertEquals(List.of("orders"), db.getAllTables());
            assertFalse(db.query("SELECT 1 AS x", List.of()).results().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void rolesNameSeveralLinksBetweenTheSameTables(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            db.defineTable("users", Map.of("name", "string"));
            db.defineTable("documents", Map.of("title", "string"));
            assertEquals("ownerId", db.optionallyHasOne("documents", "users", "Owner"));
            assertEquals("editorId", db.optionallyHasOne("documents", "users", "Editor"));
            assertCode(ErrorCode.INVALID_NAME, () -> db.optionallyHasOne("documents", "users", "bad role"));
            Map<String, Object> ann = db.addRow("users", Map.of("name", "Ann"));
            Map<String, Object> bob = db.addRow("users", Map.of("name", "Bob"));
            db.addRow("documents", Map.of("title", "Q4 Financial Report", "ownerId", ann.get("id"), "editorId", bob.get("id")));
            Map<String, Object> doc = db.findRow("documents", ReadOptions.none());
            assertEquals("Ann", ((Map<?, ?>) doc.get("owner")).get("name"));
            assertEquals("Bob", ((Map<?, ?>) doc.get("editor")).get("name"));
            List<Map<String, Object>> rels = db.getTableSchema("documents").relationships();
            assertTrue(rels.stream().anyMatch(r -> "Owner".equals(r.get("role")) && "ownerId".equals(r.get("field"))), rels.toString());
            assertTrue(rels.stream().anyMatch(r -> "Editor".equals(r.get("role")) && "editorId".equals(r.get("field"))), rels.toString());
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void foreignKeysAreNamedAfterTheSingularOfTheParent(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            for (String t : List.of("people", "companies", "categories", "boxes", "children", "tasks")) {
                db.defineTable(t, Map.of("name", "string"));
            }
            assertEquals("personId", db.optionallyHasOne("tasks", "people", null));
            assertEquals("companyId", db.optionallyHasOne("tasks", "companies", null));
            assertEquals("categoryId", db.optionallyHasOne("tasks", "categories", null));
            assertEquals("boxId", db.optionallyHasOne("tasks", "boxes", null));
            assertEquals("childId", db.optionallyHasOne("tasks", "children", null));
        }
    }
}
