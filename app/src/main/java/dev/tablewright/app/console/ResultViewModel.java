package dev.tablewright.app.console;

import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.sql.CancelHook;
import dev.tablewright.core.sql.QueryResult;
import dev.tablewright.core.sql.ResultPage;
import dev.tablewright.core.sql.SqlProblem;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One result tab of the console: the rows of a statement, fetched a page at a time as the grid
 * scrolls, and what the statement did; or the database's error for it.
 */
public final class ResultViewModel {
    /** Rows the first page holds; enough to fill a screen at once. */
    public static final int FIRST_PAGE = 200;
    /** Rows each later page adds. */
    public static final int NEXT_PAGE = 500;

    private final Connector connector;
    private final TaskExecutor tasks;
    private final String sql;
    private final String title;
    private final List<String> columns;
    private final ObservableList<List<Object>> rows = FXCollections.observableArrayList();
    private final ObservableList<List<Object>> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper fetchProblem = new ReadOnlyStringWrapper("");
    private final SqlProblem problem;
    private final String position;
    private final QueryResult.Meta meta;

    private ResultViewModel(Connector connector, TaskExecutor tasks, String title, String sql, QueryResult.Meta meta,
                            SqlProblem problem, String position) {
        this.connector = connector;
        this.tasks = tasks;
        this.title = title;
        this.sql = sql;
        this.meta = meta;
        this.columns = meta == null ? List.of() : List.copyOf(meta.columns());
        this.problem = problem;
        this.position = position;
    }

    /** The first page of a statement's rows, with later pages to come from {@code connector}. */
    static ResultViewModel ofPage(Connector connector, TaskExecutor tasks, String title, String sql, ResultPage page) {
        ResultViewModel r = new ResultViewModel(connector, tasks, title, sql, page.result().meta(), null, null);
        r.add(page.result().results());
        r.hasMore.set(page.hasMore() && page.rereadable());
        r.summarize();
        return r;
    }

    /** A whole result (a statement of a batch): every row is there already. */
    static ResultViewModel ofResult(Connector connector, TaskExecutor tasks, String title, String sql, QueryResult result) {
        ResultViewModel r = new ResultViewModel(connector, tasks, title, sql, result.meta(), null, null);
        r.add(result.results());
        r.summarize();
        return r;
    }

    /** The database's refusal of {@code sql}; {@code position} is "line 3, column 7" or null. */
    static ResultViewModel ofProblem(String title, String sql, SqlProblem problem, String position) {
        ResultViewModel r = new ResultViewModel(null, null, title, sql, null, problem, position);
        r.summary.set(r.errorText());
        return r;
    }

    private void add(List<Map<String, Object>> page) {
        List<List<Object>> converted = new ArrayList<>(page.size());
        for (Map<String, Object> row : page) {
            List<Object> values = new ArrayList<>(columns.size());
            for (String c : columns) {
                values.add(row.get(c));
            }
            converted.add(values);
        }
        rows.addAll(converted);
    }

    private void summarize() {
        StringBuilder s = new StringBuilder();
        if (!columns.isEmpty()) {
            s.append(rows.size()).append(rows.size() == 1 ? " row" : " rows");
            if (hasMore.get()) {
                s.append(" so far, more as you scroll");
            }
        } else {
            s.append(meta.changes()).append(meta.changes() == 1 ? " row changed" : " rows changed");
        }
        if (meta.lastRowId() != null) {
            s.append(" · last id ").append(meta.lastRowId());
        }
        s.append(" · ").append(formatMs(meta.durationMs()));
        summary.set(s.toString());
    }

    static String formatMs(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : Math.round(ms) + " ms";
    }

    /** Fetches the next page if there is one and none is on its way; the grid calls this near its end. */
    public void fetchMore() {
        if (!hasMore.get() || loading.get()) {
            return;
        }
        loading.set(true);
        long offset = rows.size();
        tasks.execute(() -> connector.queryPage(sql, List.of(), offset, NEXT_PAGE, CancelHook.none()), page -> {
            loading.set(false);
            add(page.result().results());
            hasMore.set(page.hasMore());
            summarize();
        }, failure -> {
            loading.set(false);
            hasMore.set(false);
            SqlProblem p = SqlProblem.of(failure, sql);
            fetchProblem.set("Could not fetch more rows: " + p.code() + ": " + p.message());
        });
    }

    public String title() {
        return title;
    }

    public String sql() {
        return sql;
    }

    /** Column names in order; empty for a statement that returned no rows, or an error. */
    public List<String> columns() {
        return columns;
    }

    /** The rows fetched so far, each a list of values in column order. */
    public ObservableList<List<Object>> rows() {
        return rowsView;
    }

    /** What the statement did: "12 rows · 3.1 ms", "1 row changed · last id 7 · 2.0 ms", or the error. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why a later page could not be fetched ("" while all is well). */
    public ReadOnlyStringProperty fetchProblemProperty() {
        return fetchProblem.getReadOnlyProperty();
    }

    /** What the statement did, or null for an error. */
    public QueryResult.Meta meta() {
        return meta;
    }

    public boolean isError() {
        return problem != null;
    }

    /** The database's error, or null. */
    public SqlProblem problem() {
        return problem;
    }

    /** Where the error is in the editor, "line 2, column 5", or null when the database gave no place. */
    public String position() {
        return position;
    }

    /** The error as the tab shows it: code, SQLSTATE / vendor code, message and place. */
    public String errorText() {
        if (problem == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(problem.code().name());
        if (problem.sqlState() != null) {
            s.append(" · SQLSTATE ").append(problem.sqlState());
        }
        if (problem.vendorCode() != 0) {
            s.append(" · error ").append(problem.vendorCode());
        }
        s.append(": ").append(problem.message());
        if (position != null) {
            s.append(" (at ").append(position).append(')');
        }
        return s.toString();
    }
}
