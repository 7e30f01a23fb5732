package dev.tablewright.app.grid;

import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.FilterValue;
import dev.tablewright.core.filter.Operator;
import dev.tablewright.core.query.ReadOptions;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The picker a foreign-key cell opens: the parent table's rows whose label contains what is typed,
 * read a page at a time in the database ({@code contains}, ordered by the label, LIMIT/OFFSET), so
 * a parent of a million rows is never in memory. A late answer for an older search is dropped.
 */
public final class ParentPickerViewModel {
    /** Rows per read: a screenful and some. */
    static final int PAGE = 50;

    /** One parent row to pick: its key, and its label (null when the parent has no label field). */
    public record Choice(Object key, String label) {
        @Override
        public String toString() {
            String k = CellValues.display(null, key);
            return label == null ? k : label + "  ·  " + k;
        }
    }

    private final Connector connector;
    private final TaskExecutor executor;
    private final ParentLabels.Column column;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final int pageSize;
    /** Bumped by every new search: answers carry the number they were asked under. */
    private int generation;

    ParentPickerViewModel(Connector connector, TaskExecutor executor, ParentLabels.Column column) {
        this(connector, executor, column, PAGE);
    }

    ParentPickerViewModel(Connector connector, TaskExecutor executor, ParentLabels.Column column, int pageSize) {
        this.connector = connector;
        this.executor = executor;
        this.column = column;
        this.pageSize = pageSize;
        search.addListener((obs, old, now) -> reload());
    }

    /** Reads the first page (every parent row, in label order, until something is typed). */
    public void reload() {
        generation++;
        choices.clear();
        more.set(false);
        read(0, generation);
    }

    /** Reads the next page of the same search, when {@link #moreProperty()} says there is one. */
    public void loadMore() {
        if (more.get() && !loading.get()) {
            read(choices.size(), generation);
        }
    }

    private void read(int offset, int asked) {
        String text = search.get() == null ? "" : search.get().trim();
        String key = column.parentField();
        String label = column.labelField();
        List<String> fields = label == null ? List.of(key) : List.of(key, label);
        List<Object> order = new ArrayList<>();
        if (label != null) {
            order.add(List.of(label, "ASC"));
        }
        order.add(List.of(key, "ASC"));
        Filter byKey = text.isEmpty() ? null : keyIs(text);
        if (label == null && !text.isEmpty() && byKey == null) {
            message.set(column.parentTable() + " rows have no label to search: type a key.");
            return;
        }
        Filter byLabel = label == null || text.isEmpty() ? null : Condition.of(label, Operator.CONTAINS, FilterValue.of(text));
        Filter where = byLabel == null ? byKey : byKey == null ? byLabel : Filter.Group.of(Filter.Junction.OR, List.of(byLabel, byKey));
        int limit = pageSize;
        loading.set(true);
        executor.execute(() -> connector.getTableData(column.parentTable(), ReadOptions.builder().filter(where).fields(fields).order(order)
                .limit(limit + 1).offset(offset == 0 ? null : offset).autoJoin(false).build()), rows -> {
            if (asked != generation) {
                return;
            }
            loading.set(false);
            message.set("");
            List<Choice> page = new ArrayList<>();
            for (Map<String, Object> r : rows.subList(0, Math.min(limit, rows.size()))) {
                Object l = label == null ? null : r.get(label);
                page.add(new Choice(r.get(key), l == null ? null : CellValues.display(null, l)));
            }
            choices.addAll(page);
            more.set(rows.size() > limit);
            if (choices.isEmpty()) {
                message.set(text.isEmpty() ? column.parentTable() + " has no rows." : "No " + column.parentTable() + " matches '" + text + "'.");
            }
        }, failure -> {
            if (asked == generation) {
                loading.set(false);
                message.set(Failures.describe(failure));
            }
        });
    }

    /** The key equal to what is typed (a person may type a key rather than a label); null when the key's type cannot hold it. */
    private Filter keyIs(String text) {
        LogicalType keyType = column.parent().fields().get(column.parentField()).type();
        try {
            return Condition.of(column.parentField(), Operator.EQ, FilterValue.of(Values.coerce(column.parentField(), keyType, text)));
        } catch (RuntimeException notAKey) {
            return null;
        }
    }

    /** What is typed: the rows are read again as it changes. */
    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    /** True when more rows match than are listed. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Nothing matches, or the read failed ({@code CODE: message}); empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String parentTable() {
        return column.parentTable();
    }

    public String labelField() {
        return column.labelField();
    }
}
