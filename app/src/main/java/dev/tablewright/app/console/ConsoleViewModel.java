package dev.tablewright.app.console;

import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.RunningTask;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.lex.SqlFlavor;
import dev.tablewright.core.lex.SqlLexer;
import dev.tablewright.core.lex.SqlToken;
import dev.tablewright.core.sql.QueryResult;
import dev.tablewright.core.sql.RawSql;
import dev.tablewright.core.sql.ResultPage;
import dev.tablewright.core.sql.ScriptSplitter;
import dev.tablewright.core.sql.SqlProblem;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL console of one connection: the script being edited, running the statement at the caret,
 * the selection or the whole script (one result tab per statement, or all statements in one
 * transaction as a batch), cancelling a running statement, the connection's query history and
 * the table and column names offered while typing.
 */
public final class ConsoleViewModel {
    private static final Pattern BATCH_FAILURE = Pattern.compile("^Statement (\\d+) of \\d+ failed");

    private final Connector connector;
    private final QueryHistory historyStore;
    private final TaskExecutor tasks;
    /** A line holding nothing but blanks, between two tokens: it ends a statement run at the caret. */
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\r\\f]*\\n");
    private final SqlFlavor flavor;

    private final StringProperty script = new SimpleStringProperty("");
    private final IntegerProperty caret = new SimpleIntegerProperty();
    private final IntegerProperty selectionStart = new SimpleIntegerProperty();
    private final IntegerProperty selectionEnd = new SimpleIntegerProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Integer> caretRequest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ResultViewModel> latestResult = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ResultViewModel> results = FXCollections.observableArrayList();
    // Made once: a wrapper made per call would be collected with the listeners added to it.
    private final ObservableList<ResultViewModel> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> historyView = FXCollections.unmodifiableObservableList(history);
    private final StringProperty historySearch = new SimpleStringProperty("");
    private final FilteredList<HistoryEntry> foundHistory = new FilteredList<>(history);
    private final ReadOnlyObjectWrapper<Map<String, List<String>>> schema = new ReadOnlyObjectWrapper<>(Map.of());
    private final BooleanBinding canRun;
    private RunningTask current;
    /** Numbers the result tabs, so two results of the same statement can be told apart. */
    private int tabCount;

    /**
     * @param connector the open connection the console runs on
     * @param history   where this connection's history is kept ({@link QueryHistory#inDataDirectory})
     * @param tasks     the app's one task executor
     */
    public ConsoleViewModel(Connector connector, QueryHistory history, TaskExecutor tasks) {
        this.connector = connector;
        this.historyStore = history;
        this.tasks = tasks;
        this.flavor = connector.dialect().scriptFlavor();
        foundHistory.predicateProperty().bind(Bindings.createObjectBinding(
                () -> entry -> QueryHistory.matches(entry, historySearch.get()), historySearch));
        canRun = running.not().and(Bindings.createBooleanBinding(() -> !script.get().isBlank(), script));
    }

    /** Loads the saved history and the schema for completion; call once, when the console opens. */
    public void open() {
        tasks.execute(historyStore::load, history::setAll,
                failure -> status.set("Could not read the query history from " + historyStore.file() + ": " + failure.getMessage()));
        refreshSchema();
    }

    /** Reads the tables and their columns again (after DDL, or when the user asks). */
    public void refreshSchema() {
        tasks.execute(() -> {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (String table : connector.getAllTables()) {
                tables.put(table, List.copyOf(connector.getTableSchema(table).fields().keySet()));
            }
            return Map.copyOf(tables);
        }, schema::set, failure -> status.set("Could not read the tables for completion: " + Failures.describe(failure)));
    }

    // --- running ---

    /** A statement and where its text starts in the editor (-1 when it is not from the editor). */
    record Piece(String sql, int offset) {
    }

    /** Ctrl+Enter: the selection when there is one, else the statement at the caret. */
    public void runCurrent() {
        if (selectionEnd.get() > selectionStart.get()) {
            runSelection();
        } else {
            runStatementAtCaret();
        }
    }

    public void runStatementAtCaret() {
        Piece p = statementAt(caret.get());
        if (p != null) {
            run(List.of(p), "Running a statement");
        }
    }

    public void runSelection() {
        run(pieces(selectionStart.get(), selectionEnd.get()), "Running the selection");
    }

    /** Ctrl+Shift+Enter: every statement of the script, in order; stops at the first that fails. */
    public void runScript() {
        run(pieces(0, script.get().length()), "Running the script");
    }

    /**
     * The selection (or else the whole script) in one transaction: one result per statement when
     * all succeed; when one fails, none is applied and its error is shown.
     */
    public void runAsBatch() {
        boolean selected = selectionEnd.get() > selectionStart.get();
        List<Piece> pieces = selected ? pieces(selectionStart.get(), selectionEnd.get()) : pieces(0, script.get().length());
        if (pieces.isEmpty() || running.get()) {
            return;
        }
        String text = script.get();
        List<RawSql.Statement> statements = pieces.stream().map(p -> new RawSql.Statement(p.sql(), List.of())).toList();
        Instant ranAt = Instant.now();
        start("Running " + pieces.size() + " statements as a batch", context -> connector.batch(statements, context::onCancel),
                (List<QueryResult> done) -> {
                    List<ResultViewModel> tabs = new ArrayList<>();
                    for (int i = 0; i < done.size(); i++) {
                        ResultViewModel r = ResultViewModel.ofResult(connector, tasks, "Batch " + (++tabCount), pieces.get(i).sql(), done.get(i));
                        tabs.add(r);
                        remember(pieces.get(i).sql(), ranAt, r);
                    }
                    show(tabs);
                    status.set("Batch of " + done.size() + " statements committed");
                    refreshSchema();
                },
                failure -> {
                    if (failure instanceof CancellationException) {
                        return;
                    }
                    Matcher m = BATCH_FAILURE.matcher(failure.getMessage() == null ? "" : failure.getMessage());
                    int index = m.find() ? Integer.parseInt(m.group(1)) - 1 : -1;
                    Piece failed = index >= 0 && index < pieces.size() ? pieces.get(index) : null;
                    ResultViewModel error = problemTab("Batch failed " + (++tabCount), failed == null ? pieces.get(0) : failed, failure, text);
                    show(List.of(error));
                    remember(failed == null ? statements.get(0).sql() : failed.sql(), ranAt, error);
                    status.set("Batch rolled back: none of its " + pieces.size() + " statements was applied");
                });
    }

    /** Runs a statement from the history again. */
    public void rerun(HistoryEntry entry) {
        if (entry != null) {
            run(List.of(new Piece(entry.sql(), -1)), "Running a statement from the history");
        }
    }

    /** Stops the running statement; the database undoes what it had done. */
    public void cancel() {
        RunningTask task = current;
        if (task != null) {
            task.cancel();
        }
    }

    /** The console closes: a statement still running is cancelled, so it does not hold its connection. */
    public void dispose() {
        cancel();
    }

    /** What one statement of a run came to: a first page, or a failure. */
    private record Outcome(Piece piece, Instant ranAt, ResultPage page, RuntimeException failure) {
    }

    private void run(List<Piece> pieces, String title) {
        if (pieces.isEmpty() || running.get()) {
            return;
        }
        String text = script.get();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        start(title, context -> {
            for (Piece p : pieces) {
                if (context.isCancelled()) {
                    break;
                }
                Instant ranAt = Instant.now();
                try {
                    outcomes.add(new Outcome(p, ranAt, connector.queryPage(p.sql(), List.of(), 0, ResultViewModel.FIRST_PAGE,
                            context::onCancel), null));
                } catch (CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    outcomes.add(new Outcome(p, ranAt, null, e));
                    break;
                }
            }
            return null;
        }, ignored -> finish(outcomes, pieces.size(), text, false), failure -> finish(outcomes, pieces.size(), text, true));
    }

    private <T> void start(String title, TaskExecutor.Work<T> work, Consumer<T> ok,
                           Consumer<Throwable> fail) {
        running.set(true);
        status.set(title + "…");
        current = tasks.run(title, work, result -> {
            current = null;
            running.set(false);
            ok.accept(result);
        }, failure -> {
            current = null;
            running.set(false);
            if (failure instanceof CancellationException) {
                status.set("Cancelled: the database undid the statement that was running");
            }
            fail.accept(failure);
        });
    }

    private void finish(List<Outcome> outcomes, int planned, String text, boolean cancelled) {
        List<ResultViewModel> tabs = new ArrayList<>();
        boolean wrote = false;
        for (Outcome o : outcomes) {
            int n = ++tabCount;
            String title = "Result " + n;
            ResultViewModel r;
            if (o.failure() != null) {
                r = problemTab("Error " + n, o.piece(), o.failure(), text);
            } else {
                r = ResultViewModel.ofPage(connector, tasks, title, o.piece().sql(), o.page());
                wrote |= !o.page().rereadable();
            }
            tabs.add(r);
            remember(o.piece().sql(), o.ranAt(), r);
        }
        show(tabs);
        if (!cancelled) {
            long failures = outcomes.stream().filter(o -> o.failure() != null).count();
            status.set(failures > 0 ? "Stopped at statement " + outcomes.size() + " of " + planned + ": the database refused it"
                    : outcomes.size() == 1 ? "1 statement ran" : outcomes.size() + " statements ran");
        }
        if (wrote) {
            refreshSchema();
        }
    }

    private ResultViewModel problemTab(String title, Piece piece, Throwable failure, String text) {
        SqlProblem p = SqlProblem.of(failure, piece.sql());
        String where = null;
        if (p.position() >= 0 && piece.offset() >= 0) {
            int at = Math.min(text.length(), piece.offset() + p.position());
            where = lineAndColumn(text, at);
            caretRequest.set(null);
            caretRequest.set(at);
        }
        return ResultViewModel.ofProblem(title, piece.sql(), p, where);
    }

    /** "line 2, column 5" (both from 1) of {@code offset} in {@code text}. */
    static String lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }

    private void show(List<ResultViewModel> tabs) {
        results.addAll(tabs);
        if (!tabs.isEmpty()) {
            latestResult.set(tabs.get(tabs.size() - 1));
        }
    }

    /** Closes a result tab. */
    public void close(ResultViewModel result) {
        results.remove(result);
        if (latestResult.get() == result) {
            latestResult.set(results.isEmpty() ? null : results.get(results.size() - 1));
        }
    }

    // --- history ---

    private void remember(String sql, Instant ranAt, ResultViewModel result) {
        double ms = result.meta() == null ? 0 : result.meta().durationMs();
        history.add(0, new HistoryEntry(sql, ranAt, ms, result.summaryProperty().get(), result.isError()));
        if (history.size() > QueryHistory.LIMIT) {
            history.remove(QueryHistory.LIMIT, history.size());
        }
        List<HistoryEntry> snapshot = List.copyOf(history);
        tasks.execute(() -> {
            historyStore.save(snapshot);
            return null;
        }, ignored -> {
        }, failure -> status.set("Could not save the query history to " + historyStore.file() + ": " + failure.getMessage()));
    }

    // --- statements of the script ---

    private List<Piece> pieces(int from, int to) {
        String text = script.get();
        int a = Math.max(0, Math.min(from, text.length()));
        int b = Math.max(a, Math.min(to, text.length()));
        List<Piece> out = new ArrayList<>();
        for (ScriptSplitter.Span s : ScriptSplitter.spans(text.substring(a, b), flavor)) {
            out.add(new Piece(s.sql(), a + s.start()));
        }
        return out;
    }

    /**
     * The statement the caret is in or just after (after its {@code ;}, or on the blank lines that
     * follow it); before the first statement, the first one. Null for a script with no statement.
     * As in DBeaver, a blank line ends a statement too: {@code SELECT 1} and {@code SELECT 2}
     * written on lines apart with no {@code ;} between them are two statements.
     */
    Piece statementAt(int position) {
        List<ScriptSplitter.Span> spans = ScriptSplitter.spans(script.get(), flavor);
        ScriptSplitter.Span chosen = null;
        for (ScriptSplitter.Span s : spans) {
            if (s.start() <= position) {
                chosen = s;
            }
        }
        if (chosen == null && !spans.isEmpty()) {
            chosen = spans.get(0);
        }
        if (chosen == null) {
            return null;
        }
        Piece paragraph = null;
        for (Piece p : paragraphs(chosen.sql())) {
            if (paragraph == null || chosen.start() + p.offset() <= position) {
                paragraph = p;
            }
        }
        return new Piece(paragraph.sql(), chosen.start() + paragraph.offset());
    }

    /**
     * A statement cut at its blank lines, each part with its offset in the statement. A blank line
     * inside parentheses, a string or a comment does not cut, nor does one in a statement with a
     * {@code BEGIN ... END} body (a trigger, a procedure), whose parts mean nothing alone.
     */
    private List<Piece> paragraphs(String statement) {
        List<SqlToken> tokens = SqlLexer.tokens(statement, flavor);
        boolean compound = tokens.stream().anyMatch(t -> t.kind() == SqlToken.Kind.WORD
                && statement.substring(t.start(), t.end()).equalsIgnoreCase("BEGIN"));
        if (tokens.isEmpty() || compound) {
            return List.of(new Piece(statement, 0));
        }
        List<Piece> out = new ArrayList<>();
        int depth = 0;
        int from = tokens.get(0).start();
        int last = tokens.get(0).end();
        for (SqlToken t : tokens) {
            if (depth == 0 && t.start() > last && BLANK_LINE.matcher(statement.substring(last, t.start())).find()) {
                out.add(new Piece(statement.substring(from, last), from));
                from = t.start();
            }
            if (t.kind() == SqlToken.Kind.OPEN) {
                depth++;
            } else if (t.kind() == SqlToken.Kind.CLOSE && depth > 0) {
                depth--;
            }
            last = t.end();
        }
        out.add(new Piece(statement.substring(from, last), from));
        return out;
    }


    // --- completion ---

    /** Table and column names for the word at the caret (Ctrl+Space). */
    public List<SqlCompletion.Suggestion> completions() {
        return SqlCompletion.at(script.get(), Math.min(caret.get(), script.get().length()), flavor, schema.get(),
                connector.dialect()::quoteIdentifier);
    }


    // --- properties ---

    /** The dialect's lexical rules, for the highlighter. */
    public SqlFlavor flavor() {
        return flavor;
    }

    public StringProperty scriptProperty() {
        return script;
    }

    /** The caret's index in the script; the view keeps it current. */
    public IntegerProperty caretProperty() {
        return caret;
    }

    public IntegerProperty selectionStartProperty() {
        return selectionStart;
    }

    public IntegerProperty selectionEndProperty() {
        return selectionEnd;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether a run may start now: nothing running and a script to run. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** One line on what the console did last. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Where the view should put the caret (an error's place); set anew each time. */
    public ReadOnlyObjectProperty<Integer> caretRequestProperty() {
        return caretRequest.getReadOnlyProperty();
    }

    /** The result tabs, oldest first. */
    public ObservableList<ResultViewModel> results() {
        return resultsView;
    }

    /** The newest result, which the view shows. */
    public ReadOnlyObjectProperty<ResultViewModel> latestResultProperty() {
        return latestResult.getReadOnlyProperty();
    }

    /** Every statement run on this connection, newest first. */
    public ObservableList<HistoryEntry> history() {
        return historyView;
    }

    /** Words to find in the history; {@link #foundHistory()} follows it. */
    public StringProperty historySearchProperty() {
        return historySearch;
    }

    public ObservableList<HistoryEntry> foundHistory() {
        return foundHistory;
    }

    public ReadOnlyObjectProperty<Map<String, List<String>>> schemaProperty() {
        return schema.getReadOnlyProperty();
    }

}
