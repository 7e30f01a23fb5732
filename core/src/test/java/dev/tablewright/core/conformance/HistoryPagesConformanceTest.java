package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static dev.tablewright.core.conformance.Conformance.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages and filters of getHistoricalData and getAuditLog (contract sections 10 and 10.1), on every dialect. */
class HistoryPagesConformanceTest {
    private static final String DIALECTS = "dev.tablewright.core.conformance.Conformance#dialects";

    /** Three rows, each inserted and then updated: its score four times, its name once; one deleted. */
    private static List<Object> fill(Connector db) {
        db.defineTable("scores", Map.of("name", "string", "score", "integer"), Map.of("trackHistory", true));
        List<Object> ids = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            ids.add(db.addRow("scores", Map.of("name", name, "score", 0)).get("id"));
        }
        for (int round = 1; round <= 4; round++) {
            for (Object id : ids) {
                db.changeRow("scores", id, Map.of("score", round));
            }
        }
        db.changeRow("scores", ids.get(1), Map.of("name", "B"));
        db.deleteRow("scores", ids.get(2));
        return ids;
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void historicalDataComesInPagesOfTheSameOrder(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            List<Object> ids = fill(db);
            List<Map<String, Object>> all = db.getHistoricalData("scores", Map.of());
            assertEquals(3 + 12 + 1 + 1, all.size());
            List<Map<String, Object>> paged = new ArrayList<>();
            for (int offset = 0; offset < all.size(); offset += 5) {
                List<Map<String, Object>> page = db.getHistoricalData("scores", Map.of("limit", 5, "offset", offset));
                assertTrue(page.size() <= 5);
                paged.addAll(page);
            }
            assertEquals(all, paged, "pages put together are the whole history, oldest first");
            List<Map<String, Object>> ofB = db.getHistoricalData("scores", Map.of("filter", List.of("id", "=", ids.get(1)), "limit", 2, "offset", 4));
            assertEquals(List.of("update", "update"), values(ofB, "operation"));
            assertEquals("B", ((Map<?, ?>) ofB.get(1).get("data")).get("name"), "the fifth and sixth versions of b");
            assertEquals(List.of(), db.getHistoricalData("scores", Map.of("offset", 100)));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getHistoricalData("scores", Map.of("limit", -1)));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getHistoricalData("scores", Map.of("offset", "x")));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void aRecordsVersionsArePagedByVersionFromEitherEnd(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            List<Object> ids = fill(db);
            Map<String, Object> ofB = Map.of("filter", List.of("id", "=", ids.get(1)));
            List<Map<String, Object>> all = db.getHistoricalData("scores", ofB);
            assertEquals(6, all.size(), "insert, four score updates, a name update");
            List<Long> versions = all.stream().map(v -> (Long) v.get("version")).toList();
            assertEquals(versions.stream().sorted().distinct().toList(), versions, "versions grow, oldest first");

            List<Map<String, Object>> newest = new ArrayList<>(all.subList(3, 6));
            Collections.reverse(newest);
            assertEquals(newest, db.getHistoricalData("scores", Map.of("filter", ofB.get("filter"), "order", "newest", "limit", 3)),
                    "the newest versions, newest first");
            assertEquals(all.subList(1, 3), db.getHistoricalData("scores", Map.of("filter", ofB.get("filter"), "after", versions.get(0),
                    "before", versions.get(3))));
            List<Map<String, Object>> older = db.getHistoricalData("scores", Map.of("filter", ofB.get("filter"), "order", "newest",
                    "before", versions.get(3), "limit", 2));
            assertEquals(List.of(all.get(2), all.get(1)), older, "the next older page, by key");
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getHistoricalData("scores", Map.of("order", "up")));
        }
    }

    @ParameterizedTest
    @MethodSource(DIALECTS)
    void theAuditLogIsFilteredAndPagedByTheDatabaseNewestFirst(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            List<Object> ids = fill(db);
            List<Map<String, Object>> all = db.getAuditLog("scores", Map.of());
            assertEquals(17, all.size());
            assertEquals("DELETE", all.get(0).get("action"));
            assertEquals("CREATE", all.get(16).get("action"));
            List<Map<String, Object>> paged = new ArrayList<>();
            for (int offset = 0; offset < 17; offset += 4) {
                paged.addAll(db.getAuditLog("scores", Map.of("limit", 4, "offset", offset)));
            }
            assertEquals(all, paged, "pages put together are the whole log, newest first");

            List<Map<String, Object>> scoreChanges = db.getAuditLog("scores", Map.of("changedField", "score", "limit", 5));
            assertEquals(5, scoreChanges.size());
            for (Map<String, Object> e : scoreChanges) {
                assertTrue(((Map<?, ?>) e.get("diff")).containsKey("score"), "each entry changed the score: " + e);
            }
            assertEquals(12, db.getAuditLog("scores", Map.of("changedField", "score")).size());
            List<Map<String, Object>> nameChanges = db.getAuditLog("scores", Map.of("changedField", "name"));
            assertEquals(1, nameChanges.size());
            assertEquals(Map.of("old", "b", "new", "B"), ((Map<?, ?>) nameChanges.get(0).get("diff")).get("name"));
            assertEquals(List.of(4L, 3L), db.getAuditLog("scores", Map.of("id", ids.get(0), "action", "UPDATE", "limit", 2)).stream()
                    .map(e -> ((Map<?, ?>) ((Map<?, ?>) e.get("diff")).get("score")).get("new")).toList());
            assertEquals(3, db.getAuditLog("scores", Map.of("action", "create")).size());
            assertEquals(17, db.getAuditLog("scores", Map.of("actorId", db.currentUser())).size());
            assertEquals(0, db.getAuditLog("scores", Map.of("actorId", "somebody else")).size());
            Instant middle = (Instant) all.get(8).get("createdAt");
            List<Map<String, Object>> since = db.getAuditLog("scores", Map.of("start", middle.toString()));
            assertTrue(since.size() >= 9 && since.size() < 17, "from the middle on: " + since.size());
            assertEquals(17, db.getAuditLog("scores", Map.of("start", "-1h", "stop", "now")).size());
            assertEquals(0, db.getAuditLog("scores", Map.of("stop", "-1d")).size());
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getAuditLog("scores", Map.of("action", "RENAME")));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getAuditLog("scores", Map.of("changedField", "x'; --")));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getAuditLog("scores", Map.of("page", 1)));
        }
    }
    @ParameterizedTest
    @MethodSource(DIALECTS)
    void theAuditLogIsPagedByVersionFromEitherEnd(String dialect) {
        try (Connector db = Conformance.open(dialect)) {
            fill(db);
            List<Map<String, Object>> all = db.getAuditLog("scores", Map.of());
            List<Long> versions = all.stream().map(e -> (Long) e.get("version")).toList();
            assertEquals(versions.stream().sorted(Comparator.reverseOrder()).distinct().toList(), versions, "versions fall, newest first");

            List<Map<String, Object>> paged = new ArrayList<>();
            Map<String, Object> options = new HashMap<>(Map.of("limit", 5));
            for (List<Map<String, Object>> page = db.getAuditLog("scores", options); !page.isEmpty(); page = db.getAuditLog("scores", options)) {
                paged.addAll(page);
                options.put("before", page.get(page.size() - 1).get("version"));
            }
            assertEquals(all, paged, "each page before the last version seen: the whole log, newest first");

            List<Map<String, Object>> oldest = new ArrayList<>(all);
            Collections.reverse(oldest);
            assertEquals(oldest.subList(0, 4), db.getAuditLog("scores", Map.of("order", "oldest", "limit", 4)), "the last page is as cheap as the first");
            assertEquals(oldest.subList(4, 8), db.getAuditLog("scores", Map.of("order", "OLDEST", "limit", 4, "after", oldest.get(3).get("version"))));
            assertEquals(all.subList(3, 6), db.getAuditLog("scores", Map.of("before", all.get(2).get("version"), "after", all.get(6).get("version"))));

            List<Map<String, Object>> scoreChanges = db.getAuditLog("scores", Map.of("changedField", "score"));
            assertEquals(scoreChanges.subList(5, 8),
                    db.getAuditLog("scores", Map.of("changedField", "score", "before", scoreChanges.get(4).get("version"), "limit", 3)), "with a filter");
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getAuditLog("scores", Map.of("order", "sideways")));
            assertCode(ErrorCode.INVALID_ARGUMENT, () -> db.getAuditLog("scores", Map.of("before", -1)));
        }
    }
}
