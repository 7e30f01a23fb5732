package dev.tablewright.app.history;

import java.time.Instant;
import java.util.function.Consumer;
import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record's history: the timeline of its versions (core {@code getHistoricalData}) and a
 * comparison of any two of them, field by field and JSON member by member. Selecting a version on
 * the timeline compares it with the one before it; either side can then be set to any version.
 */
public final class RecordHistoryViewModel {
    /** Versions read at a time: a record changed more often shows its first ones, and the next ones on request. */
    static final int MOST_VERSIONS = 1000;

    private final Connector connector;
    private final String table;
    private final Object rowId;
    private final TaskExecutor tasks;
    private final ObservableList<RecordVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<RecordVersion> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<RecordVersion> left = new SimpleObjectProperty<>();
    private final ObjectProperty<RecordVersion> right = new SimpleObjectProperty<>();
    private final BooleanProperty onlyChanges = new SimpleBooleanProperty();
    private final ObservableList<ValueDiff> diff = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasNewer = new ReadOnlyBooleanWrapper();
    /** The history version of the newest version shown: newer ones are read after it. */
    private long lastVersion;
    private String primaryKey;
    private long generation;
    private Runnable restored = () -> { };
    private final DialogService dialogs;
    private Consumer<Instant> timeTravel;

    public RecordHistoryViewModel(Connector connector, String table, Object rowId, TaskExecutor tasks) {
        this(connector, table, rowId, tasks, null);
    }

    /** {@code dialogs} asks where an export goes (null: no export). */
    public RecordHistoryViewModel(Connector connector, String table, Object rowId, TaskExecutor tasks, DialogService dialogs) {
        this.dialogs = dialogs;
        this.connector = connector;
        this.table = table;
        this.rowId = rowId;
        this.tasks = tasks;
        selected.addListener((obs, old, version) -> {
            if (version != null) {
                int i = versions.indexOf(version);
                left.set(i > 0 ? versions.get(i - 1) : null);
                right.set(version);
            }
        });
        left.addListener((obs, old, v) -> compare());
        right.addListener((obs, old, v) -> compare());
        onlyChanges.addListener((obs, old, v) -> compare());
    }

    public String table() {
        return table;
    }

    public Object rowId() {
        return rowId;
    }

    /** Reads the record's versions and selects the newest, compared with the one before it. */
    public void load() {
        long mine = ++generation;
        loading.set(true);
        tasks.execute(this::read, read -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            problem.set("");
            hasNewer.set(read.more());
            lastVersion = read.last();
            versions.setAll(read.versions());
            selected.set(null);
            selected.set(versions.isEmpty() ? null : versions.get(versions.size() - 1));
            if (versions.isEmpty()) {
                left.set(null);
                right.set(null);
                status.set("No versions of " + table + " " + rowId + " are recorded.");
            } else {
                showCount();
            }
        }, failure -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            versions.clear();
            hasNewer.set(false);
            problem.set(Failures.describe(failure));
            status.set("");
        });
    }

    private void showCount() {
        status.set((hasNewer.get() ? "The first " : "") + String.format("%,d", versions.size())
                + (versions.size() == 1 ? " version" : " versions") + " of " + table + " " + rowId + (hasNewer.get() ? "; newer ones follow" : ""));
    }

    /** Adds the next {@link #MOST_VERSIONS} versions after the newest shown (read by key, however many came before). */
    public void loadNewer() {
        if (!hasNewer.get() || versions.isEmpty()) {
            return;
        }
        long mine = ++generation;
        loading.set(true);
        RecordVersion newest = versions.get(versions.size() - 1);
        tasks.execute(() -> page(lastVersion, newest.number() + 1, "delete".equals(newest.operation()) ? null : newest.data()), read -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            hasNewer.set(read.more());
            lastVersion = read.last();
            versions.addAll(read.versions());
            showCount();
        }, failure -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            problem.set(Failures.describe(failure));
        });
    }

    public ReadOnlyBooleanProperty hasNewerProperty() {
        return hasNewer.getReadOnlyProperty();
    }

    /** A page of versions, whether newer ones follow, and the history version it ended at. */
    private record Read(List<RecordVersion> versions, boolean more, long last) {
    }

    /** Off the FX thread: {@link #MOST_VERSIONS} versions after {@code after} (0: from the first), numbered from {@code number}. */
    private Read page(long after, int number, Map<String, Object> before) {
        List<Map<String, Object>> fetched = fetch(after);
        return read(fetched, shown(fetched), before, number, after);
    }

    /** One more version than a page, after the history version {@code after}: whether newer ones follow. */
    private List<Map<String, Object>> fetch(long after) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("filter", List.of(primaryKey, "=", rowId));
        options.put("after", after);
        options.put("limit", MOST_VERSIONS + 1);
        return connector.getHistoricalData(table, options);
    }

    private static List<Map<String, Object>> shown(List<Map<String, Object>> fetched) {
        return fetched.size() > MOST_VERSIONS ? fetched.subList(0, MOST_VERSIONS) : fetched;
    }

    private static Read read(List<Map<String, Object>> fetched, List<Map<String, Object>> shown, Map<String, Object> before, int number, long after) {
        long last = shown.isEmpty() ? after : ((Number) shown.get(shown.size() - 1).get("version")).longValue();
        return new Read(Timeline.build(shown, before, number), fetched.size() > MOST_VERSIONS, last);
    }

    /** Off the FX thread: the versions, and the row before the first when it is an update (its baseline). */
    @SuppressWarnings("unchecked")
    private Read read() {
        if (primaryKey == null) {
            primaryKey = connector.getTableSchema(table).primaryKey().get(0);
        }
        List<Map<String, Object>> fetched = fetch(0);
        List<Map<String, Object>> raw = shown(fetched);
        Map<String, Object> before = null;
        if (!raw.isEmpty() && "update".equals(raw.get(0).get("operation"))) {
            // The row was there when tracking began: its first update is diffed against the baseline
            // by the audit log, whose oldest entry up to that moment is this update.
            Map<String, Object> first = raw.get(0);
            List<Map<String, Object>> log = connector.getAuditLog(table, Map.of("id", String.valueOf(rowId), "stop", first.get("changedAt").toString()));
            if (!log.isEmpty() && log.get(log.size() - 1).get("diff") instanceof Map<?, ?> d && !d.containsKey("new")) {
                before = new LinkedHashMap<>((Map<String, Object>) first.get("data"));
                for (Map.Entry<?, ?> change : d.entrySet()) {
                    before.put(String.valueOf(change.getKey()), ((Map<String, Object>) change.getValue()).get("old"));
                }
            }
        }
        return read(fetched, raw, before, 1, 0);
    }

    /** What restoring {@code version} would write, read when the dialog opens. */
    public RestoreViewModel restore(RecordVersion version) {
        RestoreViewModel restore = new RestoreViewModel(connector, table, rowId, version, List.copyOf(versions), tasks);
        restore.restoredProperty().addListener((obs, old, row) -> {
            if (row != null) {
                load();
                restored.run();
            }
        });
        return restore;
    }

    /** {@code then} runs after a restore wrote the record (the shell reloads the table's other screens). */
    public void setOnRestored(Runnable then) {
        this.restored = then;
    }

    /** Asks for a file and writes the versions shown to it. */
    public void exportToChosenFile(HistoryExport.Format format) {
        if (dialogs == null) {
            return;
        }
        String name = table + "-" + rowId + "-history." + format.extension();
        dialogs.chooseFileToCreate("Export the history of " + table + " " + rowId, name,
                List.of(new DialogService.FileFilter(format.name() + " files", List.of("*." + format.extension())))).ifPresent(file -> export(file, format));
    }

    /** Writes the versions shown to {@code file}, oldest first. */
    public void export(Path file, HistoryExport.Format format) {
        List<RecordVersion> shown = List.copyOf(versions);
        tasks.execute(() -> {
            Files.writeString(file, HistoryExport.versions(shown, format));
            return shown.size();
        }, n -> status.set(String.format("Exported %,d versions to %s", n, file.getFileName())), failure -> problem.set(Failures.describe(failure)));
    }

    /** {@code open} shows the whole table as it stood at a moment. */
    public void setTimeTravel(Consumer<Instant> open) {
        this.timeTravel = open;
    }

    /** Opens the table as it stood at the version on the right. */
    public void timeTravelToRight() {
        if (right.get() != null && timeTravel != null) {
            timeTravel.accept(right.get().changedAt());
        }
    }

    private void compare() {
        RecordVersion l = left.get();
        RecordVersion r = right.get();
        if (r == null && l == null) {
            diff.clear();
            return;
        }
        List<ValueDiff> all = ValueDiff.compare(l == null || l.isDelete() ? null : l.data(), r == null || r.isDelete() ? null : r.data());
        diff.setAll(onlyChanges.get() ? all.stream().filter(d -> d.kind().differs()).toList() : all);
    }

    /** The versions, oldest first. */
    public ObservableList<RecordVersion> versions() {
        return versions;
    }

    /** The version chosen on the timeline: it goes to the right, the one before it to the left. */
    public ObjectProperty<RecordVersion> selectedProperty() {
        return selected;
    }

    /** The older side of the comparison; null: nothing (the record did not exist yet). */
    public ObjectProperty<RecordVersion> leftProperty() {
        return left;
    }

    public ObjectProperty<RecordVersion> rightProperty() {
        return right;
    }

    /** Show only the fields that differ between the two sides. */
    public BooleanProperty onlyChangesProperty() {
        return onlyChanges;
    }

    /** The fields of the two sides compared: top-level fields, with JSON members as children. */
    public ObservableList<ValueDiff> diff() {
        return diff;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last load failed, with its error code; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
