package dev.tablewright.app.grid;

import dev.tablewright.core.Connector;
import dev.tablewright.core.testing.TestDatabases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Posts and tags linked many-to-many by the core ({@code optionallyHasMany}): "Hello" has the
 * tags beta, alpha and gamma; "Quiet" has none; "delta" and "epsilon" are linked to nothing.
 */
final class LinkedFixtures {
    final Connector db;
    final Map<String, Object> posts = new LinkedHashMap<>();
    final Map<String, Object> tags = new LinkedHashMap<>();

    private LinkedFixtures(Connector db) {
        this.db = db;
    }

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    static LinkedFixtures on(String dialect) {
        Connector db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        LinkedFixtures f = new LinkedFixtures(db);
        db.defineTable("posts", Map.of("title", "string"));
        db.defineTable("tags", Map.of("name", "string"));
        db.optionallyHasMany("posts", "tags");
        for (String title : List.of("Hello", "Quiet")) {
            f.posts.put(title, db.addRow("posts", Map.of("title", title)).get("id"));
        }
        for (String name : List.of("beta", "alpha", "gamma", "delta", "epsilon")) {
            f.tags.put(name, db.addRow("tags", Map.of("name", name)).get("id"));
        }
        db.associateRow("posts", f.posts.get("Hello"), "tags", List.of(f.tags.get("beta"), f.tags.get("alpha"), f.tags.get("gamma")));
        return f;
    }

    long linkedToHello() {
        return db.countLinkedRows("posts", posts.get("Hello"), "tags", null);
    }
}
