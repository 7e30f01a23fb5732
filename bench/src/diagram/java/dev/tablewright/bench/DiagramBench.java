package dev.tablewright.bench;

import dev.tablewright.app.diagram.DiagramLayout;
import dev.tablewright.app.diagram.DiagramPositions;
import dev.tablewright.app.diagram.DiagramView;
import dev.tablewright.app.diagram.DiagramViewModel;
import dev.tablewright.app.diagram.PixelImage;
import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.shell.Theme;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.core.Connector;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The relationship diagram on a generated schema of 3,000 tables and 4,000 relationships (SQLite):
 * time to the first picture, until ELK's layout is done, to reopen with saved positions, and
 * frame times while panning and zooming. Run by {@code bench/run.sh --diagram} on a display
 * (Xvfb works), with vsync off so a frame takes what it costs.
 */
public final class DiagramBench {
    private static Stage stage;

    public static void main(String[] args) throws Exception {
        int tables = intArg(args, "--tables", 3000);
        int links = intArg(args, "--links", 4000);
        Path dir = Path.of(stringArg(args, "--dir", "bench/target/diagram"));
        Files.createDirectories(dir);
        Path db = dir.resolve("schema-" + tables + "-" + links + ".db");
        if (!Files.exists(db)) {
            long t = System.nanoTime();
            generate(db, tables, links);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", db, secs(t));
        }
        Path data = dir.resolve("data");
        deleteTree(data);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        onFx(() -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet());
            stage = new Stage();
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1280, 800));
            stage.show();
            return null;
        });

        try (Connector connector = new Connector(); FxTaskExecutor tasks = new FxTaskExecutor()) {
            connector.create(Map.of("dialect", "sqlite", "database", db.toString()));
            System.out.println("tables " + tables + ", relationships " + links + ", " + Runtime.getRuntime().availableProcessors() + " cores");

            Opened first = open(connector, tasks, data);
            System.out.printf(Locale.ROOT, "first opening: schema read and first picture %.2f s, automatic layout done %.2f s%n",
                    first.firstPicture, first.layoutDone);
            Opened again = open(connector, tasks, data);
            System.out.printf(Locale.ROOT, "reopening with saved positions: first picture %.2f s%n", again.firstPicture);

            frames("pan at the fitted zoom", again.view, 240, (view, i) -> view.panBy(i % 120 < 60 ? 9 : -9, 5));
            frames("zoom around the middle", again.view, 240, (view, i) -> view.zoomBy(i % 80 < 40 ? 1.03 : 1 / 1.03));
            onFx(() -> {
                again.view.zoomBy(1 / again.view.zoom());
                return null;
            });
            frames("pan at 100 %", again.view, 240, (view, i) -> view.panBy(i % 120 < 60 ? 9 : -9, 5));
            long shot = System.nanoTime();
            PixelImage whole = onFx(again.view::picture);
            System.out.printf(Locale.ROOT, "PNG export's picture of the whole diagram (FX thread): %.2f s, %d x %d pixels%n",
                    secs(shot), whole.width(), whole.height());
            String png = stringArg(args, "--png", null);
            if (png != null) {
                whole.writePng(Path.of(png));
                System.out.println("saved " + png);
            }
            System.out.printf(Locale.ROOT, "layout alone (ELK, %d tables, no FX): %.2f s%n", tables, layoutAlone(again.vm));
            long read = System.nanoTime();
            int schemas = connector.getTableSchemas().size();
            System.out.printf(Locale.ROOT, "schema read alone (getTableSchemas, %d tables, no FX): %.2f s%n", schemas, secs(read));
            String shots = stringArg(args, "--screenshots", null);
            if (shots != null) {
                screenshots(again.view, Path.of(shots), "issue12-" + tables);
            }
        } finally {
            Platform.exit();
        }
    }

    /** The window at the fitted zoom and at 100 % on the middle of the diagram, light and dark, as PNG files. */
    private static void screenshots(DiagramView view, Path dir, String prefix) throws Exception {
        Files.createDirectories(dir);
        onFx(() -> {
            view.fit();
            return null;
        });
        shoot(dir.resolve(prefix + "-fitted-light.png"), Theme.LIGHT);
        shoot(dir.resolve(prefix + "-fitted-dark.png"), Theme.DARK);
        onFx(() -> {
            view.showTable(view.viewModel().graphProperty().get().tables().get(tablesOf(view) / 2).name());
            return null;
        });
        shoot(dir.resolve(prefix + "-100-light.png"), Theme.LIGHT);
        shoot(dir.resolve(prefix + "-100-dark.png"), Theme.DARK);
        onFx(() -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.stylesheet());
            return null;
        });
    }

    private static int tablesOf(DiagramView view) {
        return view.viewModel().graphProperty().get().tables().size();
    }

    private static void shoot(Path file, Theme theme) throws Exception {
        onFx(() -> {
            Application.setUserAgentStylesheet(theme.stylesheet());
            return null;
        });
        nextFrame();
        nextFrame();
        PixelImage picture = onFx(() -> {
            WritableImage image = stage.getScene().snapshot(null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] argb = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            return new PixelImage(w, h, argb);
        });
        picture.writePng(file);
        System.out.println("saved " + file);
    }

    private record Opened(DiagramViewModel vm, DiagramView view, double firstPicture, double layoutDone) {
    }

    /** Opens the diagram as the app does; the first picture is the first frame drawn with every table placed. */
    private static Opened open(Connector connector, FxTaskExecutor tasks, Path data) throws Exception {
        long t = System.nanoTime();
        DiagramViewModel vm = new DiagramViewModel(connector, "bench", tasks, new Silent(), new DiagramPositions(data));
        DiagramView view = onFx(() -> {
            DiagramView v = new DiagramView(vm);
            stage.getScene().setRoot(v.root());
            vm.load();
            return v;
        });
        waitFor(() -> fx(() -> !vm.loadingProperty().get() && !vm.positions().isEmpty()));
        double read = secs(t);
        nextFrame();
        double firstPicture = secs(t);
        System.out.printf(Locale.ROOT, "  schema read and tables placed %.2f s, then the first frame %.2f s later%n", read, firstPicture - read);
        waitFor(() -> fx(() -> !vm.layingOutProperty().get()));
        nextFrame();
        return new Opened(vm, view, firstPicture, secs(t));
    }

    private static double layoutAlone(DiagramViewModel vm) throws Exception {
        var graph = onFx(() -> vm.graphProperty().get());
        long t = System.nanoTime();
        DiagramLayout.layered(graph);
        return secs(t);
    }

    interface Step {
        void run(DiagramView view, int i);
    }

    /** Moves the view a little each frame and records how long each frame took, from pulse to pulse. */
    private static void frames(String what, DiagramView view, int count, Step step) throws Exception {
        nextFrame();
        long[] stamps = new long[count + 1];
        long[] cpu = new long[count + 1];
        long[] fxThreads = fxThreads();
        CompletableFuture<Void> done = new CompletableFuture<>();
        onFx(() -> {
            new AnimationTimer() {
                private int i = -1;

                @Override
                public void handle(long now) {
                    if (i >= 0) {
                        stamps[i] = System.nanoTime();
                        cpu[i] = cpuOf(fxThreads);
                    }
                    i++;
                    if (i > count) {
                        stop();
                        done.complete(null);
                        return;
                    }
                    step.run(view, i);
                }
            }.start();
            return null;
        });
        done.get(5, TimeUnit.MINUTES);
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            ms[i] = (stamps[i + 1] - stamps[i]) / 1e6;
        }
        Arrays.sort(ms);
        double[] cpuMs = new double[count];
        for (int i = 0; i < count; i++) {
            cpuMs[i] = (cpu[i + 1] - cpu[i]) / 1e6;
        }
        Arrays.sort(cpuMs);
        System.out.printf(Locale.ROOT, "%s: %d frames, median %.1f ms, 95th percentile %.1f ms, worst %.1f ms;"
                        + " CPU of the FX and render threads a frame: median %.1f ms, 95th percentile %.1f ms%n", what, count,
                ms[count / 2], ms[(int) (count * 0.95)], ms[count - 1], cpuMs[count / 2], cpuMs[(int) (count * 0.95)]);
    }

    /**
     * The JavaFX application thread and the render thread: what they spend a frame is its cost
     * whatever else the machine runs, while the wall-clock frame time also counts waiting for a core.
     */
    private static long[] fxThreads() throws Exception {
        // The FX thread is asked for itself: with GTK it is named after GTK's main loop, not "JavaFX Application Thread".
        long fx = onFx(() -> Thread.currentThread().getId());
        long[] renderers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).toArray();
        long[] out = Arrays.copyOf(renderers, renderers.length + 1);
        out[renderers.length] = fx;
        return out;
    }

    private static long cpuOf(long[] threads) {
        long sum = 0;
        for (long id : threads) {
            sum += Math.max(0, ManagementFactory.getThreadMXBean().getThreadCpuTime(id));
        }
        return sum;
    }

    /** Tables t0000… with a name, a number and a date; each relationship a nullable key to an earlier table. */
    private static void generate(Path db, int tables, int links) {
        try (Connector c = new Connector()) {
            c.create(Map.of("dialect", "sqlite", "database", db.toString()));
            Random random = new Random(42);
            List<List<Integer>> parents = new ArrayList<>();
            for (int i = 0; i < tables; i++) {
                parents.add(new ArrayList<>());
            }
            for (int l = 0; l < links; l++) {
                int child = 1 + random.nextInt(tables - 1);
                int near = Math.max(0, child - 1 - random.nextInt(Math.min(child, 40)));
                parents.get(child).add(random.nextInt(5) == 0 ? random.nextInt(child) : near);
            }
            StringBuilder script = new StringBuilder("BEGIN;\n");
            for (int i = 0; i < tables; i++) {
                script.append("CREATE TABLE \"t").append(String.format(Locale.ROOT, "%04d", i)).append("\" (\"id\" INTEGER PRIMARY KEY, \"name\" TEXT NOT NULL, ")
                        .append("\"amount\" REAL, \"createdAt\" TEXT");
                List<Integer> ps = parents.get(i);
                for (int k = 0; k < ps.size(); k++) {
                    script.append(", \"ref").append(k).append("Id\" INTEGER REFERENCES \"t").append(String.format(Locale.ROOT, "%04d", ps.get(k)))
                            .append("\"(\"id\")");
                }
                script.append(");\n");
            }
            script.append("COMMIT;\n");
            c.exec(script.toString());
        }
    }

    /** Dialogs never appear in the benchmark. */
    private static final class Silent implements DialogService {
        public void showInformation(String title, String header, String content) {
        }

        public void showError(String title, String content) {
            System.err.println(title + ": " + content);
        }

        public boolean confirm(String title, String header, String content, String action) {
            return false;
        }

        public Optional<String> askText(String title, String header, String initialValue) {
            return Optional.empty();
        }

        public Optional<String> askPassword(String title, String header) {
            return Optional.empty();
        }

        public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
            return Optional.empty();
        }

        public Optional<Path> chooseFileToCreate(String title, String suggestedName, List<FileFilter> filters) {
            return Optional.empty();
        }

        public boolean confirmByTyping(String title, String content, String expected, String action) {
            return false;
        }

        public void showImage(String title, byte[] image) {
        }
    }

    // --- plumbing ---

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    private static boolean fx(BooleanSupplier check) {
        try {
            return onFx(check::getAsBoolean);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(5);
        }
    }

    /** Waits until the FX thread has drawn one more frame. */
    private static void nextFrame() throws Exception {
        CompletableFuture<Void> drawn = new CompletableFuture<>();
        onFx(() -> {
            new AnimationTimer() {
                private int seen;

                @Override
                public void handle(long now) {
                    if (++seen == 2) {
                        stop();
                        drawn.complete(null);
                    }
                }
            }.start();
            return null;
        });
        drawn.get(10, TimeUnit.MINUTES);
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = stringArg(args, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
