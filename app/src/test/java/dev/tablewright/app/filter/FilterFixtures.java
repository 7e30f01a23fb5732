package dev.tablewright.app.filter;

import dev.tablewright.core.Connector;
import dev.tablewright.core.testing.TestDatabases;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A small shop on a fresh database of each dialect: categories, and products that belong to them. */
final class FilterFixtures {
    private FilterFixtures() {
    }

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    static Connector shop(String dialect) {
        Connector db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        db.defineTable("categories", Map.of("name", "string"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "string");
        fields.put("price", "number");
        fields.put("stock", "integer");
        fields.put("active", "boolean");
        fields.put("addedAt", "date");
        fields.put("specs", "jsonb");
        db.defineTable("products", fields);
        db.optionallyHasOne("products", "categories", null);
        Object home = db.addRow("categories", Map.of("name", "Home")).get("id");
        Object tools = db.addRow("categories", Map.of("name", "Tools")).get("id");
        Object garden = db.addRow("categories", Map.of("name", "Garden")).get("id");
        product(db, "Lamp", 25.0, 3, true, "2025-01-05", Map.of("color", "red", "dimensions", Map.of("width", 30, "height", 40), "fragile", true), home);
        product(db, "Chair", 80.0, 0, true, "2025-01-20", Map.of("color", "blue", "dimensions", Map.of("width", 50)), home);
        product(db, "Hammer", 15.5, 12, true, "2025-02-02", Map.of("color", "red", "weight", 1.2), tools);
        product(db, "Saw", 30.0, 4, false, "2025-02-15", Map.of("color", "black"), tools);
        product(db, "Rake", 12.0, 0, true, "2025-03-01", null, garden);
        product(db, "Hose", 22.0, 7, null, "2025-03-10", Map.of("dimensions", Map.of("width", 2)), garden);
        product(db, "Vase", 45.0, 2, true, null, Map.of("fragile", true, "color", "white"), home);
        product(db, "Glove", null, 20, true, "2025-01-31", null, garden);
        return db;
    }

    private static void product(Connector db, String name, Double price, int stock, Boolean active, String addedAt, Map<String, ?> specs,
                                Object categoryId) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", name);
        row.put("price", price);
        row.put("stock", stock);
        row.put("active", active);
        row.put("addedAt", addedAt);
        row.put("specs", specs);
        row.put("categoryId", categoryId);
        db.addRow("products", row);
    }

    /** The names of the rows, sorted: what a person compares. */
    static List<String> names(List<Map<String, Object>> rows, String key) {
        return rows.stream().map(r -> String.valueOf(r.get(key))).sorted().toList();
    }
}
