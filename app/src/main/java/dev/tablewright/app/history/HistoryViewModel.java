package dev.tablewright.app.history;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.RunningTask;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.TreeSet;

/**
 * The history of one tracked table as an audit log (core {@code getAuditLog}): every create,
 * update and delete, newest first, narrowed by row id, action, user and time, and the field
 * changes of the selected entry.
 */
public final class HistoryViewModel {

    /** Which kind of change to list. */
    public enum ActionFilter { ALL, CREATE, UPDATE, DELETE }

    /** Quick choices of a time range; {@link #CUSTOM} leaves the From and To fields to the person. */
    public enum Period {
        ANY("Any time"), LAST_HOUR("Last hour"), TODAY("Today"), LAST_7_DAYS("Last 7 days"), CUSTOM("Custom range");

        private final String label;

        Period(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Changes per page: the database cuts the page, so a table with a million changes opens as fast as one with ten. */
    public static final int PAGE_SIZE = 500;
    /** Changes read per query when the whole log is exported. */
    private static final int EXPORT_CHUNK = 5000;

    private final Connector connector;
    private final String table;
    private final TaskExecutor tasks;
    private final StringProperty rowId = new SimpleStringProperty("");
    private final ObjectProperty<ActionFilter> action = new SimpleObjectProperty<>(ActionFilter.ALL);
    private final StringProperty changedBy = new SimpleStringProperty("");
    private final StringProperty start = new SimpleStringProperty("");
    private final StringProperty stop = new SimpleStringProperty("");
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>();
    private final ObservableList<AuditEntry.FieldChange> selectedChanges = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final StringProperty changedField = new SimpleStringProperty("");
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.ANY);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper hasNextPage = new ReadOnlyBooleanWrapper();
    private final DialogService dialogs;
    private long generation;
    /**
     * Where each page starts: page i lists the changes older than version {@code pageStarts.get(i)}
     * (null for the newest). Paging by version reads a deep page as fast as the first; an offset
     * would step over every change before it.
     */
    private final List<Long> pageStarts = new ArrayList<>(Collections.singletonList(null));
    private Consumer<Object> rowHistory;
    private Consumer<Instant> timeTravel;

    public HistoryViewModel(Connector connector, String table, TaskExecutor tasks) {
        this(connector, table, tasks, null);
    }

    /** {@code dialogs} asks where exports go (null: no export). */
    public HistoryViewModel(Connector connector, String table, TaskExecutor tasks, DialogService dialogs) {
        this.connector = connector;
        this.table = table;
        this.tasks = tasks;
        this.dialogs = dialogs;
        period.addListener((obs, old, p) -> applyPeriod(p));
        selected.addListener((obs, old, entry) -> selectedChanges.setAll(entry == null ? List.of() : entry.changes()));
    }

    public String table() {
        return table;
    }

    /** Lists the first page of the changes the filters let through, as the database holds them now. */
    public void load() {
        pageStarts.clear();
        pageStarts.add(null);
        showPage(0);
    }

    public void nextPage() {
        if (hasNextPage.get()) {
            showPage(page.get() + 1);
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            showPage(page.get() - 1);
        }
    }

    private void showPage(int index) {
        Map<String, Object> options = options();
        // One more than a page tells whether another follows, without counting a million changes.
        options.put("limit", PAGE_SIZE + 1);
        if (pageStarts.get(index) != null) {
            options.put("before", pageStarts.get(index));
        }
        long mine = ++generation;
        loading.set(true);
        tasks.execute(() -> connector.getAuditLog(table, options), log -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            List<AuditEntry> read = log.stream().limit(PAGE_SIZE).map(HistoryViewModel::entry).toList();
            entries.setAll(read);
            selected.set(read.isEmpty() ? null : read.get(0));
            problem.set("");
            page.set(index);
            hasNextPage.set(log.size() > PAGE_SIZE);
            if (hasNextPage.get()) {
                pageStarts.subList(index + 1, pageStarts.size()).clear();
                pageStarts.add(((Number) log.get(PAGE_SIZE - 1).get("version")).longValue());
            }
            if (index == 0 && !hasNextPage.get()) {
                status.set(read.size() == 1 ? "1 change" : String.format("%,d changes", read.size()));
            } else {
                long first = (long) index * PAGE_SIZE + 1;
                status.set(String.format("changes %,d–%,d%s", first, first + read.size() - 1, hasNextPage.get() ? ", more follow" : ""));
            }
        }, failure -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            entries.clear();
            problem.set(Failures.describe(failure));
            status.set("");
        });
    }

    private Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        putIfSet(options, "id", rowId.get());
        putIfSet(options, "actorId", changedBy.get());
        putIfSet(options, "start", start.get());
        putIfSet(options, "stop", stop.get());
        putIfSet(options, "changedField", changedField.get());
        if (action.get() != ActionFilter.ALL) {
            options.put("action", action.get().name());
        }
        return options;
    }

    private static void putIfSet(Map<String, Object> options, String key, String value) {
        if (value != null && !value.isBlank()) {
            options.put(key, value.strip());
        }
    }

    /** {@code open} shows one record's history, given its key ("History of this row" on an entry). */
    public void setRowHistory(Consumer<Object> open) {
        this.rowHistory = open;
    }

    /** Opens the history of the selected entry's record, a deleted one too. */
    public void openSelectedRow() {
        AuditEntry entry = selected.get();
        if (entry != null && rowHistory != null) {
            rowHistory.accept(entry.rowId());
        }
    }

    /** {@code open} shows the table as it stood at a moment ("Table as of this change"). */
    public void setTimeTravel(Consumer<Instant> open) {
        this.timeTravel = open;
    }

    /** Opens the table as it stood right after the selected change. */
    public void timeTravelToSelected() {
        AuditEntry entry = selected.get();
        if (entry != null && timeTravel != null) {
            timeTravel.accept(entry.changedAt());
        }
    }

    /** Fills From and To for a quick choice; the person's own range stays for {@link Period#CUSTOM}. */
    private void applyPeriod(Period p) {
        switch (p) {
            case ANY -> {
                start.set("");
                stop.set("");
            }
            case LAST_HOUR -> {
                start.set("-1h");
                stop.set("");
            }
            case TODAY -> {
                start.set(LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant().toString());
                stop.set("");
            }
            case LAST_7_DAYS -> {
                start.set("-7d");
                stop.set("");
            }
            case CUSTOM -> {
                return;
            }
        }
        load();
    }

    /** Asks for a file and writes every change the filters let through (all pages) to it. */
    public void exportToChosenFile(HistoryExport.Format format) {
        if (dialogs == null) {
            return;
        }
        dialogs.chooseFileToCreate("Export the history of " + table, table + "-history." + format.extension(),
                        List.of(new DialogService.FileFilter(format.name() + " files", List.of("*." + format.extension()))))
                .ifPresent(file -> export(file, format));
    }

    /** Writes every change the filters let through to {@code file}, read a chunk at a time; cancellable. */
    public RunningTask export(Path file, HistoryExport.Format format) {
        Map<String, Object> options = options();
        return tasks.run("Exporting the history of " + table, context -> {
            List<Map<String, Object>> all = new ArrayList<>();
            Map<String, Object> chunk = new LinkedHashMap<>(options);
            chunk.put("limit", EXPORT_CHUNK);
            while (true) {
                if (context.isCancelled()) {
                    return 0;
                }
                List<Map<String, Object>> read = connector.getAuditLog(table, chunk);
                all.addAll(read);
                if (read.size() < EXPORT_CHUNK) {
                    break;
                }
                chunk.put("before", read.get(read.size() - 1).get("version"));
            }
            Files.writeString(file, HistoryExport.auditLog(all, format));
            return all.size();
        }, n -> status.set(String.format("Exported %,d changes to %s", n, file.getFileName())), failure -> problem.set(Failures.describe(failure)));
    }

    /** Lists only the changes of the selected entry's row. */
    public void showSelectedRow() {
        AuditEntry entry = selected.get();
        if (entry != null) {
            rowId.set(entry.rowId());
            load();
        }
    }

    @SuppressWarnings("unchecked")
    static AuditEntry entry(Map<String, Object> raw) {
        Map<String, Object> diff = (Map<String, Object>) raw.get("diff");
        List<AuditEntry.FieldChange> changes = new ArrayList<>();
        String action = String.valueOf(raw.get("action"));
        // A create, a delete, and an update of a row whose earlier state history never saw carry
        // whole rows ({old, new}); other updates carry only the changed fields.
        boolean wholeRows = !action.equals("UPDATE")
                || diff.size() == 2 && diff.containsKey("old") && diff.get("old") == null && diff.get("new") instanceof Map<?, ?>;
        if (wholeRows) {
            Map<String, Object> before = diff.get("old") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            Map<String, Object> after = diff.get("new") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            for (String field : new TreeSet<>(union(before.keySet(), after.keySet()))) {
                changes.add(new AuditEntry.FieldChange(field, before.get(field), after.get(field)));
            }
        } else {
            diff.forEach((field, change) -> {
                Map<String, Object> c = (Map<String, Object>) change;
                changes.add(new AuditEntry.FieldChange(field, c.get("old"), c.get("new")));
            });
        }
        Object at = raw.get("createdAt");
        Instant when = at instanceof Instant i ? i : Instant.parse(String.valueOf(at));
        return new AuditEntry(action, String.valueOf(raw.get("id")),
                raw.get("actorId") == null ? "" : String.valueOf(raw.get("actorId")), when, changes);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    public StringProperty rowIdProperty() {
        return rowId;
    }

    public ObjectProperty<ActionFilter> actionProperty() {
        return action;
    }

    /** Only updates that changed this field. */
    public StringProperty changedFieldProperty() {
        return changedField;
    }

    /** A quick choice of time range; choosing one fills From and To and lists again. */
    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    /** The page shown, 0 the newest changes. */
    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextPageProperty() {
        return hasNextPage.getReadOnlyProperty();
    }

    public StringProperty changedByProperty() {
        return changedBy;
    }

    /** From when (ISO date or time, or relative as the contract allows: {@code -1d}). */
    public StringProperty startProperty() {
        return start;
    }

    public StringProperty stopProperty() {
        return stop;
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public ObjectProperty<AuditEntry> selectedProperty() {
        return selected;
    }

    public ObservableList<AuditEntry.FieldChange> selectedChanges() {
        return selectedChanges;
    }

    /** How many changes are listed. */
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

    /** "Only this row" needs a selected entry. */
    public BooleanBinding canShowSelectedRow() {
        return Bindings.isNotNull(selected);
    }
}
