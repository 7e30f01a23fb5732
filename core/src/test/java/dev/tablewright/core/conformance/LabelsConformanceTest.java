package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code labels}: fields of each foreign key's parent read with the rows, in the same query, under
 * {@code foreignKey.parentField}; the rows themselves are exactly those read without it.
 */
class LabelsConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    /** Orders with two optional links: to customers (named) and products (a title and a price). */
    private record Shop(Connector db, String customerId, String productId) {
    }

    private static Shop shop(String dialect) {
        Connector db = Conformance.open(dialect);
        db.defineTable("customers", Map.of("name", "string"));
        db.defineTable("products", Map.of("title", "string", "price", "number"));
        db.defineTable("orders", Map.of("qty", "integer", "note", "text"));
        String customerId = db.optionallyHasOne("orders", "customers", null);
        String productId = db.optionallyHasOne("orders", "products", null);
        List<Object> customers = new ArrayList<>();
        for (String name : List.of("Ann", "O'Brien \"Bob\"", "Chloé")) {
            customers.add(db.addRow("customers", Map.of("name", name)).get("id"));
        }
        List<Object> products = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> p = new HashMap<>();
            p.put("title", i == 3 ? null : "product " + i);
            p.put("price", i * 2.5);
            products.add(db.addRow("products", p).get("id"));
        }
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> o = new HashMap<>();
            o.put("qty", (long) (i % 5));
            o.put("note", "order " + i);
            o.put(customerId, i % 4 == 0 ? null : customers.get(i % customers.size()));
            o.put(productId, products.get(i % products.size()));
            orders.add(o);
        }
        db.addRows("orders", orders);
        return new Shop(db, customerId, productId);
    }

    /** id → the named fields of each row of {@code table}, read on their own. */
    private static Map<Object, Map<String, Object>> byId(Connector db, String table) {
        Map<Object, Map<String, Object>> out = new HashMap<>();
        db.getTableData(table, ReadOptions.builder().autoJoin(false).build()).forEach(r -> out.put(String.valueOf(r.get("id")), r));
        return out;
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void parentsFieldsComeBesideTheRowsOfAFilteredOrderedPage(String dialect) {
        Shop s = shop(dialect);
        try (Connector db = s.db()) {
            Map<String, List<String>> labels = new LinkedHashMap<>();
            labels.put(s.customerId(), List.of("name"));
            labels.put(s.productId(), List.of("title", "price"));
            ReadOptions page = ReadOptions.builder().filter(Filter.parse(List.of("qty", ">", 0)))
                    .fields(List.of("note", "qty")).order(List.of(List.of("qty", "DESC"), List.of("note", "ASC"))).limit(5).offset(1).autoJoin(false).build();
            List<Map<String, Object>> plain = db.getTableData("orders", page);
            List<Map<String, Object>> labelled = db.getTableData("orders", page.toBuilder().labels(labels).build());
            // The foreign keys themselves are not among the fields asked for: where each row points is read on the side.
            List<Map<String, Object>> keys = db.getTableData("orders", page.withFields(List.of("note", s.customerId(), s.productId())));

            assertEquals(5, labelled.size());
            Map<Object, Map<String, Object>> customers = byId(db, "customers");
            Map<Object, Map<String, Object>> products = byId(db, "products");
            for (int i = 0; i < plain.size(); i++) {
                Map<String, Object> row = labelled.get(i);
                assertEquals(List.of("note", "qty", s.customerId() + ".name", s.productId() + ".title", s.productId() + ".price"), List.copyOf(row.keySet()));
                assertEquals(plain.get(i).get("note"), row.get("note"), "the same rows in the same order");
                assertEquals(plain.get(i).get("qty"), row.get("qty"));
                Object customer = keys.get(i).get(s.customerId());
                assertEquals(customer == null ? null : customers.get(String.valueOf(customer)).get("name"), row.get(s.customerId() + ".name"), row.toString());
                Map<String, Object> product = products.get(String.valueOf(keys.get(i).get(s.productId())));
                assertEquals(product.get("title"), row.get(s.productId() + ".title"), row.toString());
                assertEquals(product.get("price"), row.get(s.productId() + ".price"), "a number stays a number");
            }
            assertTrue(labelled.stream().anyMatch(r -> r.get(s.customerId() + ".name") == null), "a null key has a null label");
            assertTrue(labelled.stream().anyMatch(r -> r.get(s.customerId() + ".name") != null));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aKeysetPageOfEveryFieldGetsItsLabelsWithAutoJoinStillWorking(String dialect) {
        Shop s = shop(dialect);
        try (Connector db = s.db()) {
            List<Map<String, Object>> first = db.getTableData("orders", ReadOptions.builder().limit(4).autoJoin(false).build());
            Object after = first.get(3).get("id");
            Map<String, List<String>> labels = Map.of(s.customerId(), List.of("id", "name"));
            ReadOptions next = ReadOptions.fromMap(Map.of("filter", List.of("id", ">", after), "limit", 4, "order", "id"));
            List<Map<String, Object>> rows = db.getTableData("orders", next.toBuilder().labels(labels).build());
            List<Map<String, Object>> joined = db.getTableData("orders", next);

            assertEquals(4, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                assertEquals(joined.get(i), withoutLabels(row), "the rows and their auto-joined parents are as without labels");
                Map<?, ?> customer = (Map<?, ?>) row.get(s.customerId().replaceAll("Id$", ""));
                assertEquals(customer == null ? null : customer.get("name"), row.get(s.customerId() + ".name"));
                assertEquals(row.get(s.customerId()) == null ? null : String.valueOf(row.get(s.customerId())),
                        row.get(s.customerId() + ".id") == null ? null : String.valueOf(row.get(s.customerId() + ".id")));
            }
        }
    }

    private static Map<String, Object> withoutLabels(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        out.keySet().removeIf(k -> k.contains("."));
        return out;
    }

    /**
     * Tables another tool made, with a label column whose name needs quoting, a key of no row (a
     * parent deleted while the link was not enforced) and a null key: both have null labels, and a
     * label that is a number stays one.
     */
    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aKeyOfNoRowAndANullKeyHaveNullLabels(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            String name = "the \"name\"; --'";
            String quoted = db.dialect().quoteIdentifier(name);
            db.exec("CREATE TABLE artist (id INTEGER PRIMARY KEY, " + quoted + " VARCHAR(100), founded INTEGER)");
            db.exec("CREATE TABLE song (id INTEGER PRIMARY KEY, title VARCHAR(100), artist_id INTEGER"
                    + (dialect.equals("postgres") ? "" : ", FOREIGN KEY (artist_id) REFERENCES artist (id)") + ")");
            db.exec("INSERT INTO artist (id, " + quoted + ", founded) VALUES (1, 'Nina Simone', 1954), (2, 'Miles Davis', 1944)");
            String rows = "INSERT INTO song (id, title, artist_id) VALUES (1, 'Sinnerman', 1), (2, 'Untitled', NULL), (3, 'Lost', 99), (4, 'So What', 2)";
            switch (dialect) {
                case "sqlite" -> db.exec("PRAGMA foreign_keys = OFF; BEGIN; " + rows + "; DELETE FROM artist WHERE id = 2; COMMIT; PRAGMA foreign_keys = ON");
                case "postgres" -> db.exec(rows + "; DELETE FROM artist WHERE id = 2;"
                        + " ALTER TABLE song ADD CONSTRAINT song_artist FOREIGN KEY (artist_id) REFERENCES artist (id) NOT VALID");
                default -> db.exec("SET FOREIGN_KEY_CHECKS = 0; " + rows + "; DELETE FROM artist WHERE id = 2; SET FOREIGN_KEY_CHECKS = 1");
            }
            assertEquals("artist", db.getTableSchema("song").fields().get("artist_id").references().table());

            List<Map<String, Object>> songs = db.getTableData("song", ReadOptions.builder().order("id")
                    .labels(Map.of("artist_id", List.of("id", name, "founded"))).build());

            assertEquals(4, songs.size());
            assertEquals("Nina Simone", songs.get(0).get("artist_id." + name));
            assertEquals(1954L, ((Number) songs.get(0).get("artist_id.founded")).longValue());
            assertEquals(1L, ((Number) songs.get(0).get("artist_id.id")).longValue());
            for (int i = 1; i < 4; i++) {
                Map<String, Object> song = songs.get(i);
                assertNull(song.get("artist_id." + name), song.toString());
                assertNull(song.get("artist_id.id"), "no parent row: " + song);
                assertNull(song.get("artist_id.founded"), song.toString());
            }
            assertNull(songs.get(1).get("artist_id"));
            assertEquals(99L, ((Number) songs.get(2).get("artist_id")).longValue(), "the key itself is kept");
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void labelsAreCheckedAndRefusedWhereTheyCannotApply(String dialect) {
        Shop s = shop(dialect);
        try (Connector db = s.db()) {
            String notAKey = assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getTableData("orders",
                    ReadOptions.builder().labels(Map.of("qty", List.of("name"))).build())).getMessage();
            assertTrue(notAKey.contains("'qty'") && notAKey.contains("not one"), notAKey);
            assertCode(ErrorCode.UNKNOWN_FIELD, () -> db.getTableData("orders", ReadOptions.builder().labels(Map.of("nope", List.of("name"))).build()));
            assertCode(ErrorCode.UNKNOWN_FIELD, () -> db.getTableData("orders",
                    ReadOptions.builder().labels(Map.of(s.customerId(), List.of("nope"))).build()));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getTableData(List.of("orders", "customers"),
                    ReadOptions.builder().labels(Map.of(s.customerId(), List.of("name"))).build()));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> ReadOptions.fromMap(Map.of("labels", List.of("name"))));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> ReadOptions.fromMap(Map.of("labels", Map.of(s.customerId(), 3))));
            ReadOptions fromCallFile = ReadOptions.fromMap(Map.of("labels", Map.of(s.customerId(), "name"), "limit", 2, "order", "id"));
            assertEquals(Map.of(s.customerId(), List.of("name")), fromCallFile.labels());
            assertEquals(2, db.getTableData("orders", fromCallFile).size());
        }
    }

    /**
     * A link to a key that is not unique in the parent, which SQLite (links not enforced) and InnoDB
     * (an index is enough) let other tools make: each row comes once, with one matching parent's field.
     */
    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aKeyThatIsNotUniqueInTheParentNeverMultipliesTheRows(String dialect) {
        Assumptions.assumeFalse(dialect.equals("postgres"), "PostgreSQL links only to unique keys");
        try (Connector db = Conformance.open(dialect)) {
            db.exec("CREATE TABLE label (id INTEGER PRIMARY KEY, code VARCHAR(10), name VARCHAR(50))");
            db.exec("CREATE INDEX label_code ON label (code)");
            db.exec("CREATE TABLE record (id INTEGER PRIMARY KEY, title VARCHAR(50), label_code VARCHAR(10),"
                    + " FOREIGN KEY (label_code) REFERENCES label (code))");
            String rows = "INSERT INTO label (id, code, name) VALUES (1, 'BN', 'Blue Note'), (2, 'BN', 'Blue Note Records'), (3, 'IM', 'Impulse!');"
                    + " INSERT INTO record (id, title, label_code) VALUES (1, 'Blue Train', 'BN'), (2, 'A Love Supreme', 'IM'), (3, 'Somethin Else', 'BN')";
            db.exec(dialect.equals("sqlite") ? "PRAGMA foreign_keys = OFF; BEGIN; " + rows + "; COMMIT; PRAGMA foreign_keys = ON"
                    : "SET FOREIGN_KEY_CHECKS = 0; " + rows + "; SET FOREIGN_KEY_CHECKS = 1");
            assertEquals("label", db.getTableSchema("record").fields().get("label_code").references().table());

            List<Map<String, Object>> records = db.getTableData("record", ReadOptions.builder().order("id").limit(10)
                    .labels(Map.of("label_code", List.of("name"))).build());

            assertEquals(List.of(1L, 2L, 3L), records.stream().map(r -> ((Number) r.get("id")).longValue()).toList());
            assertTrue(List.of("Blue Note", "Blue Note Records").contains(records.get(0).get("label_code.name")), records.toString());
            assertEquals("Impulse!", records.get(1).get("label_code.name"));
        }
    }
}
