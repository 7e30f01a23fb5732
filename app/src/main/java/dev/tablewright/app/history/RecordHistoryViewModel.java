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
    /** Versions read at most: a record changed more often shows its first ones and says so. */
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
            versions.setAll(read);
            selected.set(null);
            selected.set(read.isEmpty() ? null : read.get(read.size() - 1));
            if (read.isEmpty()) {
                left.set(null);
                right.set(null);
                status.set("No versions of " + table + " " + rowId + " are recorded.");
            } else {
                status.set((read.size() == MOST_VERSIONS ? "The first " : "") + String.format("%,d", read.size())
                        + (read.size() == 1 ? " version" : " versions") + " of " + table + " " + rowId);
            }
        }, failure -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            versions.clear();
            problem.set(Failures.describe(failure));
            status.set("");
        });
    }

    /** Off the FX thread: the versions, and the row before the first when it is an update (its baseline). */
    @SuppressWarnings("unchecked")
    private List<RecordVersion> read() {
        if (primaryKey == null) {
            primaryKey = connector.getTableSchema(table).primaryKey().get(0);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("filter", List.of(primaryKey, "=", rowId));
        options.put("limit", MOST_VERSIONS);
        List<Map<String, Object>> raw = connector.getHistoricalData(table, options);
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
        return Timeline.build(raw, before);
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
