package dev.tablewright.app.diagram;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.storage.AtomicFiles;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.schema.SchemaCallFile;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The relationship diagram of one connection: the graph read from its schema, where each table
 * stands, which tables are selected. Reading the schema and ELK's layout run off the FX thread;
 * the first picture uses the saved positions, or a grid while the layout runs.
 */
public final class DiagramViewModel {
    private final Connector connector;
    private final String connection;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final DiagramPositions store;
    private final ReadOnlyObjectWrapper<DiagramGraph> graph = new ReadOnlyObjectWrapper<>(DiagramGraph.empty());
    /** The schema as read, every many-to-many folded; {@link #graph} is it with the {@link #expanded} junctions shown. */
    private DiagramGraph schemaGraph = DiagramGraph.empty();
    private final ObservableSet<String> expanded = FXCollections.observableSet();
    private final ObservableMap<String, Point> positions = FXCollections.observableHashMap();
    private final ObservableSet<String> selected = FXCollections.observableSet();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper layingOut = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<DiagramGraph.Edge> selectedEdge = new SimpleObjectProperty<>();
    private final ReadOnlyIntegerWrapper changed = new ReadOnlyIntegerWrapper();
    private String database;
    private long generation;
    private Consumer<Runnable> layoutStart = Runnable::run;
    private Runnable onNewTable = () -> { };
    /** Where the user last asked for a new table, until the designer it opened creates one. */
    private Point newTableAt;
    /** Tables just created from the canvas, and where they go once the schema read shows them. */
    private final Map<String, Point> arriving = new HashMap<>();

    public DiagramViewModel(Connector connector, String connection, TaskExecutor tasks, DialogService dialogs, DiagramPositions store) {
        this.connector = connector;
        this.connection = connection;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.store = store;
    }

    /** Reads the schema (with progress) and places every table: where it was left, else by a fresh layout. */
    public void load() {
        long mine = ++generation;
        loading.set(true);
        problem.set("");
        tasks.run("Diagram of " + connection, context -> {
            String db = connector.databaseName();
            DiagramGraph read = SchemaGraphs.read(connector, context);
            context.progress(read.tables().size(), read.tables().size(), "Placing the tables");
            return new Loaded(db, read, store.load(connection, db));
        }, loaded -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            database = loaded.database();
            show(loaded.graph(), loaded.saved());
        }, failure -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            problem.set(failure instanceof CancellationException ? "Reading the schema was cancelled; Reload reads it again."
                    : Failures.describe(failure));
        });
    }

    private record Loaded(String database, DiagramGraph graph, Map<String, Point> saved) {
    }

    /**
     * Saved positions first; a table made from the canvas ({@link #newTable}) goes where it was asked
     * for, or the nearest free spot; other tables without a place go on a grid below them, or everything
     * is laid out when nothing was saved.
     */
    private void show(DiagramGraph schema, Map<String, Point> saved) {
        schemaGraph = schema;
        expanded.retainAll(schema.edges().stream().filter(e -> e.kind() == DiagramGraph.Kind.MANY_TO_MANY).map(DiagramGraph.Edge::field).toList());
        DiagramGraph read = SchemaGraphs.unfold(schema, expanded);
        Map<String, Point> placed = new HashMap<>();
        read.tables().forEach(t -> {
            Point p = saved.get(t.name());
            if (p != null) {
                placed.put(t.name(), p);
            }
        });
        boolean arrived = false;
        for (DiagramGraph.Table t : read.tables()) {
            if (t.junction() && !placed.containsKey(t.name())) {
                placed.put(t.name(), junctionSpot(read, t, placed));
            }
            Point wanted = arriving.remove(t.name());
            if (wanted != null && !placed.containsKey(t.name())) {
                placed.put(t.name(), DiagramLayout.freeSpot(wanted, NodeGeometry.width(t), NodeGeometry.height(t), read, placed));
                arrived = true;
            }
        }
        DiagramGraph missing = new DiagramGraph(read.tables().stream().filter(t -> !placed.containsKey(t.name())).toList(), List.of());
        double below = placed.isEmpty() ? 0 : bottom(read, placed) + 80;
        DiagramLayout.grid(missing).forEach((name, p) -> placed.put(name, new Point(p.x(), p.y() + below)));
        selected.retainAll(read.byName().keySet());
        positions.keySet().retainAll(read.byName().keySet());
        positions.putAll(placed);
        graph.set(read);
        int tables = schema.tables().size();
        status.set(tables + (tables == 1 ? " table, " : " tables, ") + schema.edges().size()
                + (schema.edges().size() == 1 ? " relationship" : " relationships"));
        if (saved.isEmpty() && !arrived && tables > 0) {
            layingOut.set(true);
            layoutStart.accept(this::arrange);
        } else if (arrived || missing.tables().size() > 0 && !saved.isEmpty()) {
            save();
        }
    }

    /** Where an unfolded junction goes: between its two tables, or the nearest free spot to there. */
    private static Point junctionSpot(DiagramGraph graph, DiagramGraph.Table junction, Map<String, Point> placed) {
        double x = 0;
        double y = 0;
        int sides = 0;
        for (DiagramGraph.Edge e : graph.edges()) {
            Point p = e.child().equals(junction.name()) ? placed.get(e.parent()) : null;
            DiagramGraph.Table side = p == null ? null : graph.byName().get(e.parent());
            if (side != null) {
                x += p.x() + NodeGeometry.width(side) / 2;
                y += p.y() + NodeGeometry.height(side) / 2;
                sides++;
            }
        }
        double w = NodeGeometry.width(junction);
        double h = NodeGeometry.height(junction);
        Point middle = sides == 0 ? new Point(0, 0) : new Point(x / sides - w / 2, y / sides - h / 2);
        return DiagramLayout.freeSpot(middle, w, h, graph, placed);
    }

    /**
     * Shows a many-to-many's hidden junction table ({@code junction}, the edge's field) between its two
     * tables, with its two links, instead of the one folded edge.
     */
    public void expandJunction(String junction) {
        if (expanded.add(junction)) {
            DiagramGraph shown = SchemaGraphs.unfold(schemaGraph, expanded);
            shown.table(junction).ifPresent(t -> positions.put(junction, junctionSpot(shown, t, positions)));
            graph.set(shown);
        }
    }

    /** Folds an unfolded junction away again: one many-to-many edge between its two tables. */
    public void foldJunction(String junction) {
        if (expanded.remove(junction)) {
            selected.remove(junction);
            positions.remove(junction);
            graph.set(SchemaGraphs.unfold(schemaGraph, expanded));
        }
    }

    /** The junctions shown unfolded. */
    public ObservableSet<String> expanded() {
        return expanded;
    }

    private static double bottom(DiagramGraph graph, Map<String, Point> placed) {
        double bottom = 0;
        for (DiagramGraph.Table t : graph.tables()) {
            Point p = placed.get(t.name());
            if (p != null) {
                bottom = Math.max(bottom, p.y() + NodeGeometry.height(t));
            }
        }
        return bottom;
    }

    /**
     * How the first automatic layout of a diagram with no saved positions is started: at once unless
     * a view asks to start it later (after its first picture, so that the two do not share the cores).
     */
    public void setLayoutStart(Consumer<Runnable> layoutStart) {
        this.layoutStart = layoutStart;
    }

    /** Lays the whole diagram out again with ELK, off the FX thread; the result replaces every position and is saved. */
    public void arrange() {
        DiagramGraph current = graph.get();
        long mine = generation;
        layingOut.set(true);
        tasks.run("Laying out " + current.tables().size() + " tables", context -> {
            context.progress(-1, -1, "Laying out " + current.tables().size() + " tables");
            return DiagramLayout.layered(current);
        }, laid -> {
            layingOut.set(false);
            if (mine != generation) {
                return;
            }
            positions.putAll(laid);
            save();
        }, failure -> {
            layingOut.set(false);
            if (!(failure instanceof CancellationException)) {
                problem.set("The automatic layout failed (" + Failures.describe(failure) + "); the tables stay where they are.");
            }
        });
    }

    /** Moves the tables by the given distance (a drag in progress); {@link #moved()} saves when it ends. */
    public void move(Collection<String> tables, double dx, double dy) {
        for (String t : tables) {
            Point p = positions.get(t);
            if (p != null) {
                positions.put(t, new Point(p.x() + dx, p.y() + dy));
            }
        }
    }

    /** A drag ended: keep where the tables are now for the next time the diagram opens. */
    public void moved() {
        save();
    }

    private void save() {
        if (database == null) {
            return;
        }
        Map<String, Point> snapshot = new HashMap<>(positions);
        String db = database;
        tasks.execute(() -> {
            store.save(connection, db, snapshot);
            return null;
        }, done -> { }, failure -> problem.set(Failures.describe(failure)));
    }

    /**
     * Starts a new table whose box goes at {@code at} (diagram units; the nearest free spot if a table
     * is there): the shell opens the table designer for a new table, which reports back through
     * {@link #tableCreated}.
     */
    public void newTable(Point at) {
        newTableAt = at;
        onNewTable.run();
    }

    /** What {@link #newTable} opens: the shell's table designer for a new table. */
    public void setOnNewTable(Runnable onNewTable) {
        this.onNewTable = onNewTable;
    }

    /**
     * The designer opened by {@link #newTable} created {@code table}: it will stand where the user
     * asked once the schema is read again. The shell calls this only for that designer; a table
     * created elsewhere (the navigator's designer) goes below the others as before.
     */
    public void tableCreated(String table) {
        if (newTableAt != null && !positions.containsKey(table)) {
            arriving.put(table, newTableAt);
            newTableAt = null;
        }
    }

    /**
     * A relationship drawn from {@code child} (which gets the foreign key) to {@code parent}: the
     * dialog's ViewModel, already planning the default choice. Once it has made the relationship the
     * diagram reads the schema again.
     */
    public RelationshipViewModel proposeRelationship(String child, String parent) {
        RelationshipViewModel draft = new RelationshipViewModel(connector, tasks, child, parent);
        draft.doneProperty().addListener((obs, was, done) -> {
            if (done) {
                changed.set(changed.get() + 1);
                load();
            }
        });
        return draft;
    }

    /**
     * Removes the selected relationship after the user confirmed the statements it runs (a foreign
     * key goes with its field; a many-to-many with its junction and links); then reads the schema again.
     */
    public void removeSelectedEdge() {
        DiagramGraph.Edge edge = selectedEdge.get() == null ? null : SchemaGraphs.folded(schemaGraph, selectedEdge.get());
        if (edge == null) {
            return;
        }
        Map<String, Object> options = options(edge);
        tasks.execute(() -> connector.planRemoveRelationship(edge.child(), edge.parent(), options), plan -> {
            String what = edge.kind() == DiagramGraph.Kind.MANY_TO_MANY
                    ? "the many-to-many link between '" + edge.child() + "' and '" + edge.parent() + "'"
                    : "the link from '" + edge.child() + "." + edge.field() + "' to '" + edge.parent() + "'";
            if (!dialogs.confirm("Remove relationship", "Remove " + what + "?",
                    String.join("\n", plan.plan().summary()) + "\n\n" + plan.plan().script(), "Remove")) {
                return;
            }
            tasks.execute(() -> connector.removeRelationship(edge.child(), edge.parent(), options), removed -> {
                selectedEdge.set(null);
                changed.set(changed.get() + 1);
                load();
            }, failure -> dialogs.showError("Remove relationship", Failures.describe(failure)));
        }, failure -> dialogs.showError("Remove relationship", Failures.describe(failure)));
    }

    /** The edge's foreign key named through {@code role}, as CONNECTOR.md 10.2 lets other tools' keys be named too. */
    private static Map<String, Object> options(DiagramGraph.Edge edge) {
        Map<String, Object> options = new HashMap<>();
        if (edge.kind() == DiagramGraph.Kind.ONE_TO_MANY) {
            options.put("role", edge.field());
        }
        return options;
    }

    /** Counts the schema changes made from the diagram, so the navigator can list the tables anew. */
    public ReadOnlyIntegerProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public ObjectProperty<DiagramGraph.Edge> selectedEdgeProperty() {
        return selectedEdge;
    }

    /**
     * The table a search names: the one with that name (any case), else the first whose name starts
     * with it, else the first that contains it. It becomes the selection; the view centres on it.
     */
    public Optional<String> find(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = graph.get().tables().stream().map(DiagramGraph.Table::name).toList();
        Optional<String> found = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .or(() -> names.stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(wanted)).findFirst())
                .or(() -> names.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains(wanted)).findFirst());
        found.ifPresentOrElse(this::select, () -> status.set("No table matches '" + text.trim() + "'"));
        return found;
    }

    /** Saves the diagram as an SVG file the user names; written off the FX thread. */
    public void exportSvg() {
        DiagramGraph current = graph.get();
        Map<String, Point> at = new HashMap<>(positions);
        dialogs.chooseFileToCreate("Export diagram as SVG", fileName("svg"), List.of(new DialogService.FileFilter("SVG pictures", List.of("*.svg"))))
                .ifPresent(file -> tasks.execute(() -> {
                    AtomicFiles.write(file, DiagramSvg.render(current, at).getBytes(StandardCharsets.UTF_8));
                    return file;
                }, done -> status.set("Saved " + done.getFileName()), failure -> dialogs.showError("Export diagram", Failures.describe(failure))));
    }

    /**
     * Saves the schema as a call file that makes its tables and relationships again on any dialect
     * ({@code tablewright run FILE --db URL}); read and written off the FX thread.
     */
    public void exportCallFile() {
        dialogs.chooseFileToCreate("Export the schema as a call file", fileName("schema", "yaml"),
                        List.of(new DialogService.FileFilter("Call files (YAML)", List.of("*.yaml", "*.yml"))))
                .ifPresent(file -> tasks.execute(() -> {
                    AtomicFiles.write(file, SchemaCallFile.of(connector.getTableSchemas()).getBytes(StandardCharsets.UTF_8));
                    return file;
                }, done -> status.set("Saved " + done.getFileName() + ": run it with tablewright run " + done.getFileName() + " --db URL"),
                        failure -> dialogs.showError("Export schema", Failures.describe(failure))));
    }

    /** Saves a rendering of the canvas as a PNG file the user names; encoded and written off the FX thread. */
    public void exportPng(PixelImage image) {
        dialogs.chooseFileToCreate("Export diagram as PNG", fileName("png"), List.of(new DialogService.FileFilter("PNG pictures", List.of("*.png"))))
                .ifPresent(file -> tasks.execute(() -> {
                    image.writePng(file);
                    return file;
                }, done -> status.set("Saved " + done.getFileName()), failure -> dialogs.showError("Export diagram", Failures.describe(failure))));
    }

    private String fileName(String extension) {
        return fileName("diagram", extension);
    }

    private String fileName(String what, String extension) {
        return (database == null ? connection : database).replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + what + "." + extension;
    }

    /** Selects only this table (null: nothing). */
    public void select(String table) {
        selected.clear();
        if (table != null) {
            selected.add(table);
        }
    }

    /** Adds the table to the selection, or takes it out (Ctrl+click). */
    public void toggleSelected(String table) {
        if (!selected.remove(table)) {
            selected.add(table);
        }
    }

    public ReadOnlyObjectProperty<DiagramGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public ObservableMap<String, Point> positions() {
        return positions;
    }

    public ObservableSet<String> selected() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty layingOutProperty() {
        return layingOut.getReadOnlyProperty();
    }

    public String connection() {
        return connection;
    }

    Connector connector() {
        return connector;
    }

    DialogService dialogs() {
        return dialogs;
    }

    TaskExecutor tasks() {
        return tasks;
    }
}
