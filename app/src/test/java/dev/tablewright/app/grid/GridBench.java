package dev.tablewright.app.grid;

import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;

/**
 * Not a test: opens a table of a million rows in the real grid (JavaFX, headless Monocle) and
 * prints the time until the first rows are drawn, the time until the last rows are drawn after a
 * jump to the end, and the heap the grid added. See docs/benchmarks.md for the command.
 */
public final class GridBench {
    private GridBench() {
    }

    /**
     * What has happened in the app before a user opens a table: the main window is up with the
     * theme's stylesheet parsed, and the navigator has read the table's schema and counted its rows
     * on the same connector. Without this ({@code --cold}) the first round also measures the JVM and
     * JavaFX starting.
     */
    private static void startAsTheApp(Connector db) throws Exception {
        db.getTableSchema("items");
        db.countRows("items", ReadOptions.none());
        onFx(() -> {
            Stage main = new Stage();
            TreeView<String> navigator = new TreeView<>(new TreeItem<>("items"));
            BorderPane window = new BorderPane(navigator);
            // The app's window has Feather icons in its menus, navigator and status bar.
            window.setTop(new Label("Tablewright", new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.DATABASE)));
            Scene scene = new Scene(window, 400, 300);
            scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            main.setScene(scene);
            main.show();
        });
    }

    /**
     * The database's share, side by side in the same run: what raw JDBC on the same file takes for
     * the first page, the last page (the reversed order) and the row count the grid shows.
     */
    private static void rawJdbc(String url, TestDatabases.TestDb server, int round)
            throws SQLException {
        try (Connection c = server == null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, server.username(), server.password())) {
            String q = server != null && server.dialect().equals("mariadb") ? "`" : "\"";
            long t0 = System.nanoTime();
            readPage(c, "SELECT * FROM " + q + "items" + q + " ORDER BY " + q + "id" + q + " LIMIT 200");
            long t1 = System.nanoTime();
            readPage(c, "SELECT * FROM " + q + "items" + q + " ORDER BY " + q + "id" + q + " DESC LIMIT 200");
            long t2 = System.nanoTime();
            readPage(c, "SELECT count(*) FROM " + q + "items" + q);
            long t3 = System.nanoTime();
            System.out.printf("round %d, raw JDBC on the same table: first page %.1f ms, last page %.1f ms, count %.1f ms%n",
                    round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        }
    }

    private static void readPage(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        int rounds = 3;
        boolean cold = false;
        boolean warmUp = true;
        String dialect = "sqlite";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dialect")) {
                dialect = args[++i];
                continue;
            }
            if (args[i].equals("--cold")) {
                cold = true;
                continue;
            }
            if (args[i].equals("--no-warm-up")) {
                warmUp = false;
                continue;
            }
            if (args[i].equals("--rows")) {
                rows = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            }
        }
        Path file = Files.createTempFile("tablewright-grid-bench", ".db");
        Files.delete(file);
        Connector db = new Connector();
        // SQLite in a temporary file; PostgreSQL and MariaDB in a fresh database on the embedded
        // servers the tests use (or the ones TW_TEST_POSTGRES_URL / TW_TEST_MARIADB_URL name).
        TestDatabases.TestDb server = dialect.equals("sqlite") ? null
                : TestDatabases.fresh(dialect);
        db.create(server == null ? Map.of("dialect", "sqlite", "database", file.toString()) : server.options());
        long fill = System.nanoTime();
        db.defineTable("items", Map.of("name", "string", "qty", "integer", "price", "number", "active", "boolean", "note", "text"));
        List<Map<String, Object>> chunk = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Map<String, Object> r = new HashMap<>();
            r.put("name", "item " + i);
            r.put("qty", (long) (i % 1000));
            r.put("price", i / 100.0);
            r.put("active", i % 2 == 0);
            r.put("note", i % 10 == 0 ? null : "note for row " + i);
            chunk.add(r);
            if (chunk.size() == 50_000) {
                db.addRows("items", chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            db.addRows("items", chunk);
        }
        System.out.printf("%s table of %,d rows made in %.1f s (%s)%n", dialect, rows, (System.nanoTime() - fill) / 1e9,
                server == null ? file : server.jdbcUrl());

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false);
        FxTaskExecutor executor = new FxTaskExecutor();
        if (!cold) {
            startAsTheApp(db);
            if (warmUp) {
                // As the app does once its tables are listed (--no-warm-up leaves it out).
                CompletableFuture<Boolean> warm = new CompletableFuture<>();
                onFx(() -> GridWarmUp.start(executor, List.of(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()))
                        .thenAccept(warm::complete));
                System.out.println("grid warm-up: rows drawn " + warm.get());
            }
        }
        String expectedCount = String.format(Locale.ROOT, "%,d rows", rows);
        int lastRow = rows - 1;
        for (int round = 1; round <= rounds; round++) {
            long heapBefore = usedHeapAfterGc();
            Stage[] stage = new Stage[1];
            GridViewModel[] vm = new GridViewModel[1];
            TableView<?>[] table = new TableView<?>[1];
            long[] t = new long[4];
            onFx(() -> {
                vm[0] = new GridViewModel(db, "items", executor, new RecordingDialogService());
                GridView view = new GridView(vm[0]);
                stage[0] = new Stage();
                Scene scene = new Scene(view.root(), 1200, 800);
                scene.getStylesheets().add(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
                stage[0].setScene(scene);
                stage[0].show();
                table[0] = (TableView<?>) view.root().lookup("#gridTable");
            });
            Scene scene = stage[0].getScene();
            waitForDrawn(scene, () -> {
                t[0] = System.nanoTime();
                vm[0].open();
            }, () -> shows(table[0], 0, 30));
            t[1] = System.nanoTime();
            await(() -> expectedCount.equals(onFxGet(() -> vm[0].rowCountTextProperty().get())));
            waitForDrawn(scene, () -> {
                t[2] = System.nanoTime();
                table[0].scrollTo(lastRow);
            }, () -> shows(table[0], lastRow - 30, lastRow));
            t[3] = System.nanoTime();
            long heapAfter = usedHeapAfterGc();
            System.out.printf("round %d: first rows shown %.0f ms, last rows shown after the jump %.0f ms, heap growth %.1f MB (%d pages cached)%n",
                    round, (t[1] - t[0]) / 1e6, (t[3] - t[2]) / 1e6, (heapAfter - heapBefore) / 1048576.0, onFxGet(() -> vm[0].cachedPages()));
            rawJdbc(server == null ? "jdbc:sqlite:" + file : server.jdbcUrl(), server, round);
            onFx(() -> stage[0].close());
        }
        executor.close();
        db.close();
        Platform.exit();
        Files.deleteIfExists(file);
    }

    /** Whether a cell of a row between {@code from} and {@code to} is drawn with its loaded value. */
    private static boolean shows(TableView<?> table, int from, int to) {
        for (Node n : table.lookupAll(".grid-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getIndex() >= from && c.getIndex() <= to && c.isVisible() && c.getText() != null
                    && c.getText().startsWith("item ")) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code action}, then waits until a layout pulse ends with the condition true: the rows are on screen, not just in memory. */
    private static void waitForDrawn(Scene scene, Runnable action, BooleanSupplier condition) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable listener = () -> {
            if (!done.isDone() && condition.getAsBoolean()) {
                done.complete(null);
            }
        };
        onFx(() -> {
            scene.addPostLayoutPulseListener(listener);
            action.run();
            Platform.requestNextPulse();
        });
        try {
            done.get(60, TimeUnit.SECONDS);
        } finally {
            onFx(() -> scene.removePostLayoutPulseListener(listener));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(1);
        }
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

    private static <T> T onFxGet(Supplier<T> supplier) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(supplier.get()));
        return f.join();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
