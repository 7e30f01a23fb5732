package dev.tablewright.app.history;

import javafx.beans.Observable;
import java.util.ArrayList;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restoring one version of a record (core {@code restoreRow}): all its fields or the ones chosen,
 * a deleted record as it was before its delete. Shows what will be written next to what the
 * record holds now; a refusal keeps the error code and reason and changes nothing.
 */
public final class RestoreViewModel {

    /** One field the restore may write: its value now and the version's value, and whether to write it. */
    public static final class Choice {
        private final String field;
        private final Object now;
        private final Object then;
        private final BooleanProperty chosen = new SimpleBooleanProperty();

        Choice(String field, Object now, Object then, boolean chosen) {
            this.field = field;
            this.now = now;
            this.then = then;
            this.chosen.set(chosen);
        }

        public String field() {
            return field;
        }

        public Object now() {
            return now;
        }

        /** The value the restore writes. */
        public Object then() {
            return then;
        }

        public boolean differs() {
            return !ValueDiff.same(now, then);
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }

    /**
     * What {@link #restore} will ask the core for: {@code asOf} the moment whose values come back,
     * {@code fields} the ones written (null: the whole version), and whether the record is inserted
     * again because it was deleted since.
     */
    public record Plan(String table, Object id, Instant asOf, List<String> fields, boolean reinsert, Map<String, Object> writes) {
    }

    private final Connector connector;
    private final String table;
    private final Object id;
    private final RecordVersion source;
    private final Instant asOf;
    private final TaskExecutor tasks;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList(c -> new Observable[] {c.chosenProperty()});
    private final ReadOnlyBooleanWrapper deletedSince = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Map<String, Object>> restored = new ReadOnlyObjectWrapper<>();
    private final String refusal;

    /**
     * {@code version} is the one to bring back, {@code versions} the record's whole timeline (oldest
     * first): a delete's own data is the record as it was deleted, so restoring a delete brings back
     * the version before it, and a version that shares its moment with the next one cannot be named
     * by a moment alone.
     */
    public RestoreViewModel(Connector connector, String table, Object id, RecordVersion version, List<RecordVersion> versions, TaskExecutor tasks) {
        this.connector = connector;
        this.table = table;
        this.id = id;
        this.tasks = tasks;
        int at = versions.indexOf(version);
        RecordVersion from = version;
        if (version.isDelete()) {
            from = at > 0 ? versions.get(at - 1) : null;
            at--;
        }
        this.source = from;
        String why = null;
        if (from == null || from.isDelete()) {
            why = "No version before this delete is recorded, so there is nothing to bring back.";
        } else if (at + 1 < versions.size() && versions.get(at + 1).changedAt().equals(from.changedAt())) {
            why = "v" + from.number() + " and v" + versions.get(at + 1).number() + " were recorded at the same moment ("
                    + RecordHistoryView.WHEN.format(from.changedAt()) + "), so a restore by time would bring back v"
                    + versions.get(at + 1).number() + ". Restore v" + versions.get(at + 1).number() + " or an earlier version instead.";
        }
        this.refusal = why;
        this.asOf = from == null ? null : from.changedAt();
        if (why != null) {
            problem.set("INVALID_ARGUMENT: " + why);
        }
    }

    /** Reads the record as it is now and lists its fields with the version's values; the changed ones are chosen. */
    public void load() {
        if (refusal != null) {
            return;
        }
        tasks.execute(() -> {
            TableSchema schema = connector.getTableSchema(table);
            String key = schema.primaryKey().get(0);
            Map<String, Object> now = connector.findRow(table, ReadOptions.filter(List.of(key, "=", id)));
            return new Object[] {schema, now};
        }, read -> {
            TableSchema schema = (TableSchema) read[0];
            @SuppressWarnings("unchecked")
            Map<String, Object> now = (Map<String, Object>) read[1];
            deletedSince.set(now == null);
            List<Choice> list = new ArrayList<>();
            for (Map.Entry<String, FieldSpec> f : schema.fields().entrySet()) {
                // The key is never written, createdAt keeps its value and updatedAt becomes now.
                if (f.getValue().primaryKey() || f.getValue().auto() || !source.data().containsKey(f.getKey())) {
                    continue;
                }
                Object current = now == null ? null : now.get(f.getKey());
                Object then = source.data().get(f.getKey());
                list.add(new Choice(f.getKey(), current, then, now == null || !ValueDiff.same(current, then)));
            }
            choices.setAll(list);
            ready.set(true);
        }, failure -> problem.set(Failures.describe(failure)));
    }

    /** What the restore will write, as chosen now. */
    public Plan plan() {
        List<Choice> chosen = choices.stream().filter(c -> c.chosenProperty().get()).toList();
        Map<String, Object> writes = new LinkedHashMap<>();
        chosen.forEach(c -> writes.put(c.field(), c.then()));
        boolean all = chosen.size() == choices.size();
        return new Plan(table, id, asOf, all ? null : chosen.stream().map(Choice::field).toList(), deletedSince.get(), writes);
    }

    /** Writes the plan; on a refusal the problem says why (with its code) and nothing changed. */
    public void restore() {
        if (!canRestore().get()) {
            return;
        }
        Plan plan = plan();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("asOf", plan.asOf().toString());
        if (plan.fields() != null) {
            options.put("fields", plan.fields());
        }
        running.set(true);
        problem.set("");
        tasks.execute(() -> connector.restoreRow(table, id, options), row -> {
            running.set(false);
            restored.set(row);
        }, failure -> {
            running.set(false);
            problem.set(Failures.describe(failure));
        });
    }

    /** The version whose values come back (for a delete, the one before it). */
    public RecordVersion source() {
        return source;
    }

    public String table() {
        return table;
    }

    public Object id() {
        return id;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    /** The record is gone now: the restore inserts it again with its key. */
    public ReadOnlyBooleanProperty deletedSinceProperty() {
        return deletedSince.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Why the restore cannot be made or was refused, with its error code; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The record as stored after a restore; null until one succeeded. */
    public ReadOnlyObjectProperty<Map<String, Object>> restoredProperty() {
        return restored.getReadOnlyProperty();
    }

    /** Restore needs the record read, no restore running, and something to write (a deleted record comes back whole). */
    public BooleanBinding canRestore() {
        return Bindings.createBooleanBinding(() -> refusal == null && ready.get() && !running.get()
                        && (deletedSince.get() || choices.stream().anyMatch(c -> c.chosenProperty().get())),
                ready, running, deletedSince, choices);
    }
}
