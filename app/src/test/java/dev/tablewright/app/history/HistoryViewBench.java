package dev.tablewright.app.history;

import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Not a test: a tracked table of 1,000,000 rows (so 1,000,000 versions and changes) with one record
 * changed 20 times; opens that record's timeline, the table's audit log and the table as it stood
 * halfway in the real views (JavaFX, headless Monocle) and prints the time from {@code load()} to
 * the first layout pulse that shows them. See docs/benchmarks.md for the command.
 */
public final class HistoryViewBench {
    private HistoryViewBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        int rounds = 5;
        String dialect = "sqlite";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--dialect" -> dialect = args[++i];
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        Path file = Files.createTempFile("tablewright-history-bench", ".db");
        Files.delete(file);
        Connector db = new Connector();
        db.create(dialect.equals("sqlite") ? Map.of("dialect", "sqlite", "database", file.toString()) : TestDatabases.fresh(dialect).options());
        long fill = System.nanoTime();
        db.defineTable("events", Map.of("name", "string", "qty", "integer", "details", "json"), Map.of("trackHistory", true));
        List<Map<String, Object>> chunk = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Map<String, Object> r = new HashMap<>();
            r.put("name", "event " + i);
            r.put("qty", (long) (i % 1000));
            r.put("details", Map.of("n", i, "tags", List.of("a", "b")));
            chunk.add(r);
            if (chunk.size() == 50_000) {
                db.addRows("events", chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            db.addRows("events", chunk);
        }
        List<Map<String, Object>> all = db.getHistoricalData("events", Map.of("limit", 1, "offset", rows / 2));
        Instant halfway = Timeline.instant(all.get(0).get("changedAt"));
        Object id = ((Map<?, ?>) all.get(0).get("data")).get("id");
        for (int i = 0; i < 20; i++) {
            db.patchRow("events", Map.of("id", id, "qty", (long) i, "details", Map.of("n", i, "tags", List.of("a", "b", "c" + i))));
        }
        System.out.printf("%s: %,d rows and %,d versions made in %.1f s%n", dialect, rows, rows + 20, (System.nanoTime() - fill) / 1e9);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false);
        FxTaskExecutor tasks = new FxTaskExecutor();
        for (int round = 1; round <= rounds; round++) {
            RecordHistoryViewModel record = new RecordHistoryViewModel(db, "events", id, tasks);
            double timeline = time(() -> new RecordHistoryView(record).root(), record::load,
                    root -> root.lookupAll(".version-head").stream().anyMatch(n -> n instanceof Label l && l.getText().startsWith("v21")));
            HistoryViewModel log = new HistoryViewModel(db, "events", tasks);
            double audit = time(() -> new HistoryView(log).root(), log::load,
                    root -> root.lookupAll(".table-cell").stream().anyMatch(n -> n instanceof TableCell<?, ?> c && "UPDATE".equals(c.getText())));
            TimeTravelViewModel travel = new TimeTravelViewModel(db, "events", halfway, tasks);
            double asOf = time(() -> new TimeTravelView(travel, null).root(), travel::load,
                    root -> root.lookupAll(".table-cell").stream().anyMatch(n -> n instanceof TableCell<?, ?> c && c.getText() != null && c.getText().startsWith("event ")));
            // The count of the rows then runs after the first page is shown; it must not share the CPU with the next round.
            long countStart = System.nanoTime();
            while (onFxGet(() -> travel.countProperty().get()) < 0) {
                Thread.sleep(5);
            }
            double counted = (System.nanoTime() - countStart) / 1e6;
            System.out.printf("round %d: (count of the rows then, capped at %,d, done %.0f ms after the first page)%n", round, TimeTravelViewModel.COUNT_CAP, counted);
            System.out.printf("round %d: timeline of one record (21 versions) %.0f ms, audit log first page %.0f ms, table as of halfway, first page %.0f ms%n",
                    round, timeline, audit, asOf);
            long c0 = System.nanoTime();
            db.getHistoricalData("events", Map.of("filter", List.of("id", "=", id), "limit", RecordHistoryViewModel.MOST_VERSIONS));
            long c1 = System.nanoTime();
            db.getAuditLog("events", Map.of("limit", HistoryViewModel.PAGE_SIZE + 1));
            long c2 = System.nanoTime();
            db.getTableData("events", ReadOptions.builder().asOf(halfway.toString()).limit(TimeTravelViewModel.PAGE_SIZE).order(List.of("id", "ASC")).build());
            long c3 = System.nanoTime();
            db.countRows("events", ReadOptions.builder().asOf(halfway.toString()).limit(TimeTravelViewModel.COUNT_CAP + 1).build());
            long c4 = System.nanoTime();
            System.out.printf("round %d, the core alone: versions %.0f ms, audit page %.0f ms, asOf page %.0f ms, asOf count capped %.0f ms%n",
                    round, (c1 - c0) / 1e6, (c2 - c1) / 1e6, (c3 - c2) / 1e6, (c4 - c3) / 1e6);
        }
        tasks.close();
        db.close();
        Platform.exit();
        Files.deleteIfExists(file);
    }

    /** The app's window: one stage and one workspace whose tab the views open in, as in the app. */
    private static Stage window;
    private static TabPane workspace;

    /**
     * As the app opens a screen: from making the view and asking it to load (what Screens does on a
     * request) to the first pulse after which {@code shown} holds, in a 1280x800 window; ms. The
     * view opens in a new tab of the same workspace, the one before it closed, as the app's tabs do:
     * the scene's root stays, and with it what JavaFX has already worked out of the stylesheets.
     */
    private static double time(Supplier<Node> view, Runnable load, Predicate<Parent> shown) throws Exception {
        if (window == null) {
            onFx(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                window = new Stage();
                workspace = new TabPane(new Tab("Welcome", new Label("Welcome")));
                window.setScene(new Scene(workspace, 1280, 800));
                window.show();
            });
        }
        Scene scene = window.getScene();
        long[] t = new long[2];
        CompletableFuture<Void> done = new CompletableFuture<>();
        Tab[] opened = new Tab[1];
        Runnable listener = () -> {
            if (!done.isDone() && opened[0] != null && opened[0].getContent() instanceof Parent content && shown.test(content)) {
                t[1] = System.nanoTime();
                done.complete(null);
            }
        };
        onFx(() -> {
            workspace.getTabs().removeIf(tab -> !"Welcome".equals(tab.getText()));
            scene.addPostLayoutPulseListener(listener);
            t[0] = System.nanoTime();
            opened[0] = new Tab("screen", view.get());
            workspace.getTabs().add(opened[0]);
            workspace.getSelectionModel().select(opened[0]);
            load.run();
            Platform.requestNextPulse();
        });
        try {
            done.get(120, TimeUnit.SECONDS);
        } finally {
            onFx(() -> scene.removePostLayoutPulseListener(listener));
        }
        return (t[1] - t[0]) / 1e6;
    }

    private static <T> T onFxGet(Supplier<T> supplier) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(supplier.get()));
        return f.join();
    }

    private static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                f.complete(null);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        f.get(60, TimeUnit.SECONDS);
    }
}
