package dev.tablewright.app.history;

import java.util.ArrayList;
import dev.tablewright.app.grid.SortKey;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tracked table as it stood at a moment (core {@code getTableData} with {@code asOf}): read-only,
 * a page at a time in key order, narrowed by a filter on the values of then; the moment is chosen
 * directly or by stepping to the change before or after it.
 */
public final class TimeTravelViewModel {
    /** Rows per page. */
    public static final int PAGE_SIZE = 200;
    /**
     * Rows counted at most: counting a million rows as they stood reads every row's versions
     * (seconds), while the pages themselves stop early; beyond this the status says "more than".
     */
    static final int COUNT_CAP = 10_000;
    /**
     * Changes read around the moment when stepping: those at the moment itself are skipped, and a
     * database that keeps milliseconds compares a finer bound by its own rounding, so the step is
     * found among the first changes from the moment on rather than by a bound a tick away.
     */
    private static final int STEP_WINDOW = 50;

    private final Connector connector;
    private final String table;
    private final TaskExecutor tasks;
    private final ObjectProperty<Instant> asOf = new SimpleObjectProperty<>();
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(Filter.none());
    private final ReadOnlyObjectWrapper<Map<String, LogicalType>> columns = new ReadOnlyObjectWrapper<>(Map.of());
    private final ObservableList<Map<String, Object>> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyLongWrapper page = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    /** The order chosen by a header click; empty: the key's. */
    private final ReadOnlyObjectWrapper<List<SortKey>> sort = new ReadOnlyObjectWrapper<>(List.of());
    private TableSchema schema;
    private long generation;

    /**
     * How far before a change the moment goes when no earlier change is recorded: the finest step
     * every dialect stores (SQLite keeps milliseconds).
     */
    static final Duration JUST_BEFORE = Duration.ofMillis(1);

    public TimeTravelViewModel(Connector connector, String table, Instant asOf, TaskExecutor tasks) {
        this.connector = connector;
        this.table = table;
        this.tasks = tasks;
        this.asOf.set(asOf);
        this.asOf.addListener((obs, old, now) -> showPage(0));
        this.filter.addListener((obs, old, now) -> showPage(0));
        this.sort.addListener((obs, old, now) -> showPage(0));
    }

    public String table() {
        return table;
    }

    /** Reads the table's fields and the first page as of the moment. */
    public void load() {
        showPage(0);
    }

    /** Reads page {@code index} (0 the first) of the rows as they stood, and counts them. */
    public void showPage(long index) {
        Instant at = asOf.get();
        if (at == null) {
            return;
        }
        Filter where = filter.get() == null || filter.get().isEmpty() ? null : filter.get();
        List<SortKey> keys = sort.get();
        long mine = ++generation;
        loading.set(true);
        tasks.execute(() -> {
            if (schema == null) {
                schema = connector.getTableSchema(table);
            }
            ReadOptions read = ReadOptions.builder().asOf(at.toString()).filter(where).limit(PAGE_SIZE)
                    .offset(index == 0 ? null : Math.toIntExact(index * PAGE_SIZE)).order(order(keys)).build();
            List<Map<String, Object>> found = connector.getTableData(table, read);
            // A short first page is the whole table then; otherwise the count follows the rows.
            return new Page(found, index == 0 && found.size() < PAGE_SIZE ? found.size() : -1);
        }, read -> {
            if (mine != generation) {
                return;
            }
            problem.set("");
            Map<String, LogicalType> cols = new LinkedHashMap<>();
            for (Map.Entry<String, FieldSpec> f : schema.fields().entrySet()) {
                cols.put(f.getKey(), f.getValue().type());
            }
            columns.set(cols);
            rows.setAll(read.rows());
            page.set(index);
            if (read.count() >= 0) {
                showCount(mine, index, read.rows().size(), read.count());
                return;
            }
            long first = index * PAGE_SIZE + 1;
            status.set(String.format("rows %,d–%,d then, counting…", first, first + read.rows().size() - 1));
            long cap = Math.max(COUNT_CAP, (index + 1) * PAGE_SIZE);
            tasks.execute(() -> connector.countRows(table, ReadOptions.builder().asOf(at.toString()).filter(where).limit(Math.toIntExact(cap + 1)).build()),
                    n -> showCount(mine, index, read.rows().size(), n), this::failedStep);
        }, failure -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            rows.clear();
            count.set(-1);
            status.set("");
            problem.set(Failures.describe(failure));
        });
    }

    /** {@code count}: the rows then, or -1 when they are still to be counted. */
    private record Page(List<Map<String, Object>> rows, long count) {
    }

    private void showCount(long read, long index, int shown, long n) {
        if (read != generation) {
            return;
        }
        loading.set(false);
        count.set(n);
        long first = index * PAGE_SIZE + 1;
        if (n == 0) {
            status.set("No rows then");
        } else if (n > Math.max(COUNT_CAP, (index + 1) * PAGE_SIZE)) {
            status.set(String.format("rows %,d–%,d of more than %,d then", first, first + shown - 1, n - 1));
        } else {
            status.set(String.format("rows %,d–%,d of %,d then", first, first + shown - 1, n));
        }
    }

    /**
     * Steps back over the latest change the table shows now: the moment moves to the change before
     * that one, so the table is shown as it was just before it. When no change came before it (the
     * first change since history was turned on, or the table's first row), the moment moves to
     * {@link #JUST_BEFORE} ahead of it: the rows the table held when its history began, or none.
     */
    public void previousChange() {
        Instant at = asOf.get();
        tasks.execute(() -> {
            List<Instant> moments = connector.getAuditLog(table, Map.of("stop", at.toString(), "limit", STEP_WINDOW)).stream()
                    .map(e -> Timeline.instant(e.get("createdAt"))).toList();
            if (moments.isEmpty()) {
                return null;
            }
            Instant latest = moments.get(0);
            return moments.stream().filter(t -> t.isBefore(latest)).findFirst().orElse(latest.minus(JUST_BEFORE));
        }, moment -> step(moment, "No change before " + RecordHistoryView.WHEN.format(at) + " is recorded."), this::failedStep);
    }

    /** Moves the moment to the first change after it. */
    public void nextChange() {
        Instant at = asOf.get();
        tasks.execute(() -> {
            List<Map<String, Object>> versions = connector.getHistoricalData(table, Map.of("start", at.toString(), "limit", STEP_WINDOW));
            return versions.stream().map(v -> Timeline.instant(v.get("changedAt"))).filter(t -> t.isAfter(at)).findFirst().orElse(null);
        }, moment -> step(moment, "No change after " + RecordHistoryView.WHEN.format(at) + " is recorded."), this::failedStep);
    }

    private void step(Instant moment, String none) {
        if (moment == null) {
            problem.set(none);
        } else {
            asOf.set(moment);
        }
    }

    private void failedStep(Throwable failure) {
        loading.set(false);
        problem.set(Failures.describe(failure));
    }

    /** The moment shown: every change at or before it counts. */
    /**
     * A header click: sorts by {@code field} ascending, then descending, then back to the key's
     * order; in the database, so every page of the rows then follows it.
     */
    public void sortBy(String field) {
        SortKey now = sort.get().isEmpty() ? null : sort.get().get(0);
        sort.set(now == null || !now.field().equals(field) ? List.of(new SortKey(field, false))
                : now.descending() ? List.of() : List.of(now.reversed()));
    }

    public ReadOnlyObjectProperty<List<SortKey>> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    /** The chosen order, then the key's, so that rows with equal values page in a stable order. */
    private List<Object> order(List<SortKey> keys) {
        List<Object> order = new ArrayList<>();
        keys.forEach(k -> order.add(k.asOrder()));
        String key = schema.primaryKey().isEmpty() ? null : schema.primaryKey().get(0);
        if (key != null && keys.stream().noneMatch(k -> k.field().equals(key))) {
            order.add(List.of(key, "ASC"));
        }
        return order.isEmpty() ? null : order;
    }

    public ObjectProperty<Instant> asOfProperty() {
        return asOf;
    }

    /** Narrows the rows by their values then. */
    public ObjectProperty<Filter> filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<Map<String, LogicalType>> columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    /** The rows of the page shown, as they stood. */
    public ObservableList<Map<String, Object>> rows() {
        return rows;
    }

    /** How many rows matched then; -1 before the first read or after a failure. */
    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public void nextPage() {
        if (hasNextPage().get()) {
            showPage(page.get() + 1);
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            showPage(page.get() - 1);
        }
    }

    public BooleanBinding hasNextPage() {
        return Bindings.createBooleanBinding(() -> (page.get() + 1) * PAGE_SIZE < count.get(), page, count);
    }

    public BooleanBinding hasPreviousPage() {
        return page.greaterThan(0);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last read or step failed, with its error code; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
