package dev.tablewright.app.history;

import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table as it stood, on every dialect: deleted rows back, later rows gone, filters on the values of then, stepping change to change. */
class TimeTravelViewModelTest {
    private Connector db;

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static void nextMoment() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static List<String> names(TimeTravelViewModel viewModel) {
        return viewModel.rows().stream().map(r -> String.valueOf(r.get("name"))).sorted().toList();
    }

    private static long price(TimeTravelViewModel viewModel, String name) {
        return viewModel.rows().stream().filter(r -> name.equals(r.get("name"))).map(r -> ((Number) r.get("price")).longValue()).findFirst().orElseThrow();
    }

    /** Tea and Cake; the moment after both were added; then Tea repriced, Cake deleted, Bread added. */
    private Instant shop(String dialect) {
        db = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        db.defineTable("products", fields("name", "string", "price", "number"), Map.of("trackHistory", true));
        Object tea = db.addRow("products", fields("name", "Tea", "price", 3)).get("id");
        nextMoment();
        Object cake = db.addRow("products", fields("name", "Cake", "price", 4)).get("id");
        List<Map<String, Object>> versions = db.getHistoricalData("products", Map.of());
        Instant bothAdded = Timeline.instant(versions.get(versions.size() - 1).get("changedAt"));
        nextMoment();
        db.patchRow("products", fields("id", tea, "price", 5));
        nextMoment();
        db.deleteRow("products", cake);
        nextMoment();
        db.addRow("products", fields("name", "Bread", "price", 2));
        return bothAdded;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theTableAsItStoodHasItsDeletedRowsAndNotItsLaterOnes(String dialect) {
        Instant then = shop(dialect);
        TimeTravelViewModel viewModel = new TimeTravelViewModel(db, "products", then, new SameThreadTaskExecutor());

        viewModel.load();

        assertEquals(List.of("Cake", "Tea"), names(viewModel), "Cake was deleted since, Bread added since");
        assertEquals(3, price(viewModel, "Tea"), "Tea's price then");
        assertEquals(2, viewModel.countProperty().get());
        assertEquals("rows 1–2 of 2 then", viewModel.statusProperty().get());
        assertTrue(viewModel.columnsProperty().get().keySet().containsAll(List.of("id", "name", "price")));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aHeaderClickSortsTheRowsThenByTheirValuesThen(String dialect) {
        Instant then = shop(dialect);
        TimeTravelViewModel viewModel = new TimeTravelViewModel(db, "products", then, new SameThreadTaskExecutor());
        viewModel.load();

        viewModel.sortBy("price");
        assertEquals(List.of("Tea", "Cake"), viewModel.rows().stream().map(r -> r.get("name")).toList(), "Tea cost 3 then, Cake 4");
        viewModel.sortBy("price");
        assertEquals(List.of("Cake", "Tea"), viewModel.rows().stream().map(r -> r.get("name")).toList());
        viewModel.sortBy("price");
        assertEquals(List.of(), viewModel.sortProperty().get(), "a third click goes back to the key's order");
        assertEquals(List.of("Tea", "Cake"), viewModel.rows().stream().map(r -> r.get("name")).toList());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aFilterNarrowsTheRowsByTheirValuesThen(String dialect) {
        Instant then = shop(dialect);
        TimeTravelViewModel viewModel = new TimeTravelViewModel(db, "products", then, new SameThreadTaskExecutor());
        viewModel.load();

        viewModel.filterProperty().set(Filter.parse(List.of("price", ">", 3)));

        assertEquals(List.of("Cake"), names(viewModel), "Tea costs 5 now but cost 3 then");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void steppingMovesFromChangeToChange(String dialect) {
        Instant then = shop(dialect);
        TimeTravelViewModel viewModel = new TimeTravelViewModel(db, "products", then, new SameThreadTaskExecutor());
        viewModel.load();

        viewModel.nextChange();
        assertEquals(5, price(viewModel, "Tea"), "the next change repriced Tea");
        assertEquals(List.of("Cake", "Tea"), names(viewModel));
        viewModel.nextChange();
        assertEquals(List.of("Tea"), names(viewModel), "then Cake was deleted");
        viewModel.previousChange();
        viewModel.previousChange();
        assertEquals(then, viewModel.asOfProperty().get());
        assertEquals(3, price(viewModel, "Tea"));
        viewModel.previousChange();
        assertEquals(List.of("Tea"), names(viewModel), "before Cake was added");
        viewModel.previousChange();
        assertEquals(List.of(), names(viewModel), "before Tea was added, the first change of all");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void steppingBackOverTheFirstChangeSinceHistoryBeganShowsTheRowsItBeganWith(String dialect) {
        db = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        db.defineTable("products", fields("name", "string", "price", "number"));
        db.addRow("products", fields("name", "Tea", "price", 3));
        Object cake = db.addRow("products", fields("name", "Cake", "price", 4)).get("id");
        db.defineTable("products", fields("name", "string", "price", "number"), Map.of("trackHistory", true));
        nextMoment();
        db.deleteRow("products", cake);
        nextMoment();
        TimeTravelViewModel viewModel = new TimeTravelViewModel(db, "products", Instant.now(), new SameThreadTaskExecutor());
        viewModel.load();
        assertEquals(List.of("Tea"), names(viewModel));

        viewModel.previousChange();

        assertEquals(List.of("Cake", "Tea"), names(viewModel), "just before the delete, the first change recorded");
        assertEquals("", viewModel.problemProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aLargeTableIsShownAPageAtATimeAndCountedUpToACap(String dialect) {
        db = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        db.defineTable("events", fields("n", "integer"), Map.of("trackHistory", true));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < TimeTravelViewModel.COUNT_CAP + 50; i++) {
            rows.add(Map.of("n", i));
        }
        db.addRows("events", rows);
        TimeTravelViewModel viewModel = new TimeTravelViewModel(db, "events", Instant.now(), new SameThreadTaskExecutor());

        viewModel.load();

        assertEquals(TimeTravelViewModel.PAGE_SIZE, viewModel.rows().size());
        assertEquals("rows 1–200 of more than 10,000 then", viewModel.statusProperty().get());
        assertTrue(viewModel.hasNextPage().get());
        viewModel.nextPage();
        assertEquals("rows 201–400 of more than 10,000 then", viewModel.statusProperty().get());
        assertTrue(viewModel.hasPreviousPage().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aTableThatKeepsNoHistorySaysSo(String dialect) {
        db = Connector.connect(ConnectOptions.fromMap(TestDatabases.fresh(dialect).options()));
        db.defineTable("notes", fields("text", "string"));
        TimeTravelViewModel viewModel = new TimeTravelViewModel(db, "notes", Instant.now(), new SameThreadTaskExecutor());

        viewModel.load();

        assertTrue(viewModel.problemProperty().get().startsWith("INVALID_ARGUMENT: "), viewModel.problemProperty().get());
        assertEquals(List.of(), viewModel.rows());
    }
}
