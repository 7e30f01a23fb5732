package dev.tablewright.app.grid;

import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a filter over several tables (the join written in the filter), read-only, with
 * {@code table.field} columns: read a page at a time in the database (LIMIT/OFFSET in a stable
 * order, the tables' keys last), counted with a cap as the grid counts a table.
 */
public final class JoinedResultViewModel {
    private final Connector connector;
    private final List<String> tables;
    private final Filter filter;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<Map<String, LogicalType>> columns = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<ObservableList<GridRow>> rows = new ReadOnlyObjectWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper rowCountText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private int pageSize = GridViewModel.PAGE_SIZE;
    private int countCap = GridViewModel.COUNT_CAP;
    private PagedRows current;

    public JoinedResultViewModel(Connector connector, List<String> tables, Filter filter, TaskExecutor executor) {
        this.connector = connector;
        this.tables = List.copyOf(tables);
        this.filter = filter == null || filter.isEmpty() ? null : filter;
        this.executor = executor;
    }

    /** Smaller pages, so tests see several of them on a small join. */
    JoinedResultViewModel withPaging(int pageSize, int countCap) {
        this.pageSize = pageSize;
        this.countCap = countCap;
        return this;
    }

    public List<String> tables() {
        return tables;
    }

    public Filter filter() {
        return filter;
    }

    /** Reads the tables' fields and the first page, then counts the rows. */
    public void open() {
        int size = pageSize;
        int cap = countCap;
        rowCountText.set("reading…");
        executor.execute(() -> {
            Map<String, LogicalType> cols = new LinkedHashMap<>();
            for (String t : tables) {
                TableSchema s = connector.getTableSchema(t);
                for (Map.Entry<String, FieldSpec> f : s.fields().entrySet()) {
                    // Files stay out of a page, as in the grid: 200 rows could carry 200 images.
                    if (f.getValue().type() != LogicalType.FILE) {
                        cols.put(t + "." + f.getKey(), f.getValue().type());
                    }
                }
            }
            List<Map<String, Object>> first = read(List.copyOf(cols.keySet()), 0, size);
            long n = first.size() < size ? first.size() : connector.countRows(tables, ReadOptions.filter(filter).withLimit(cap + 1));
            return new Opened(cols, first, n);
        }, opened -> {
            columns.set(opened.columns());
            long shown = Math.min(opened.count(), cap);
            PagedRows list = new PagedRows(shown, size, GridViewModel.MAX_PAGES, this::load);
            list.seed(opened.first(), List.of());
            current = list;
            rows.set(list);
            NumberFormat f = NumberFormat.getIntegerInstance(Locale.ROOT);
            rowCountText.set(opened.count() > cap ? "more than " + f.format(cap) + " rows" : f.format(opened.count()) + (opened.count() == 1 ? " row" : " rows"));
        }, this::failed);
    }

    private record Opened(Map<String, LogicalType> columns, List<Map<String, Object>> first, long count) {
    }

    private List<Map<String, Object>> read(List<String> fields, long from, int length) {
        return connector.getTableData(tables, ReadOptions.builder().filter(filter).fields(fields).limit(length)
                .offset(from == 0 ? null : Math.toIntExact(from)).autoJoin(false).build());
    }

    private void load(PagedRows list, PagedRows.Page page) {
        List<String> fields = List.copyOf(columns.get().keySet());
        long from = page.from();
        int length = page.rows.length;
        executor.execute(() -> read(fields, from, length), values -> {
            if (list == current && page.isCurrent()) {
                page.fill(values);
            }
        }, this::failed);
    }

    private void failed(Throwable failure) {
        rowCountText.set("");
        message.set(Failures.describe(failure));
    }

    /** The columns, {@code table.field}, in the tables' order, with their types. */
    public ReadOnlyObjectProperty<Map<String, LogicalType>> columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ObservableList<GridRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rowCountTextProperty() {
        return rowCountText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    int cachedPages() {
        return current == null ? 0 : current.cachedPages();
    }
}
