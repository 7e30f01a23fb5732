package dev.tablewright.app.filter;

import dev.tablewright.app.DataDirectory;
import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.Dialects;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.filter.FilterException;
import dev.tablewright.core.filter.FilterSql;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.TableSchema;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filter builder of one table (or several joined ones): the tree being edited (node
 * ViewModels over the typed filter), the filter it makes, shown as JSON (editable) and as SQL on
 * each dialect, the number of rows it matches, and the filter last applied. Saved filters,
 * export and import are its {@link #library()}. Every database call runs on the
 * {@link TaskExecutor}; the count waits for a pause in editing and drops results of filters
 * edited since.
 */
public final class FilterBuilderViewModel {
    /** Where loading the table's schema has got to. */
    public enum State { LOADING, READY, FAILED }

    private final Connector connector;
    private final String connectionName;
    private final String table;
    private final TaskExecutor tasks;
    private final Debouncer debouncer;
    private final FilterFields fields = new FilterFields();
    private final FilterTreeViewModel tree = new FilterTreeViewModel(fields);
    private final FilterLibraryViewModel library;
    private final JsonPaths jsonPaths;

    private final Map<String, TableSchema> schemas = new LinkedHashMap<>();
    private FilterJson.Parsed shownJson = new FilterJson.Parsed(null, Map.of());
    private boolean writingJson;
    private Dialect dialect;
    private long countGeneration;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<String> tables = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> otherTables = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<JoinProposal> joinProposals = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final StringProperty jsonText = new SimpleStringProperty("[]");
    private final ReadOnlyStringWrapper jsonError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FilterJson.Position> jsonErrorPosition = new ReadOnlyObjectWrapper<>();
    private final StringProperty sqlDialect = new SimpleStringProperty();
    private final ReadOnlyListWrapper<String> sqlDialects = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    /**
     * A count over several tables reads their rows (the core counts one table), so it stops past
     * this many: before its join condition is written a filter pairs every row of one table with
     * every row of the other, and reading all of those filled the memory.
     */
    static final int JOIN_COUNT_CAP = 100_000;
    private final ReadOnlyObjectWrapper<Long> matchingRows = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Filter> appliedFilter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<String>> appliedTables = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /**
     * The builder as the shell opens it: saved filters in the app's data directory, the count
     * waiting for a 300 ms pause in editing. Call {@link #load()} next.
     */
    public FilterBuilderViewModel(Connector connector, String connectionName, String table, TaskExecutor tasks, DialogService dialogs) {
        this(connector, connectionName, table, tasks, dialogs, new SavedFilters(DataDirectory.resolve()), new FxDebouncer(Duration.millis(300)));
    }

    public FilterBuilderViewModel(Connector connector, String connectionName, String table, TaskExecutor tasks, DialogService dialogs,
                                  SavedFilters savedFilters, Debouncer debouncer) {
        this.connector = connector;
        this.connectionName = connectionName;
        this.table = table;
        this.tasks = tasks;
        this.debouncer = debouncer;
        this.jsonPaths = new JsonPaths(connector);
        this.library = new FilterLibraryViewModel(this, savedFilters, tasks, dialogs);
        tree.setOnEdit(this::edited);
        jsonText.addListener((obs, old, text) -> {
            if (!writingJson) {
                jsonEdited(text);
            }
        });
        sqlDialect.addListener((obs, old, d) -> showSql(filter()));
    }

    // --- loading ---

    private record Loaded(Dialect dialect, TableSchema schema, List<String> allTables, Map<String, Map<String, LogicalType>> paths,
                          Map<String, Object> saved) {
    }

    /** Reads the table's schema, samples its JSON columns and lists its saved filters, in the background. */
    public void load() {
        state.set(State.LOADING);
        tasks.execute(() -> {
            TableSchema schema = connector.getTableSchema(table);
            return new Loaded(connector.dialect(), schema, connector.getAllTables(), jsonPaths.sample(schema), library.read());
        }, this::loaded, e -> {
            problem.set(Failures.describe(e));
            state.set(State.FAILED);
        });
    }

    private void loaded(Loaded l) {
        schemas.clear();
        schemas.put(table, l.schema());
        jsonPaths.reset(l.paths());
        dialect = l.dialect();
        String current = dialect.name();
        sqlDialects.setAll(Dialects.previewNames(current));
        sqlDialect.set(current);
        otherTables.setAll(l.allTables().stream().filter(t -> !t.equals(table)).toList());
        library.show(l.saved());
        tablesChanged();
        state.set(State.READY);
        edited(true);
    }

    /**
     * Reads the fields of the filter's tables again (one added in the designer), keeping the
     * filter being built; nothing to do before the builder first loaded.
     */
    public void refreshFields() {
        if (state.get() != State.READY) {
            return;
        }
        List<String> names = List.copyOf(schemas.keySet());
        tasks.execute(() -> {
            Map<String, TableSchema> read = new LinkedHashMap<>();
            for (String name : names) {
                read.put(name, connector.getTableSchema(name));
            }
            return read;
        }, read -> {
            schemas.putAll(read);
            tablesChanged();
        }, e -> problem.set(Failures.describe(e)));
    }

    // --- fields and tables ---

    private boolean multiTable() {
        return schemas.size() > 1;
    }

    private void tablesChanged() {
        tables.setAll(schemas.keySet());
        fields.set(jsonPaths.choices(schemas, multiTable()), multiTable());
        tree.fieldsChanged();
        proposeJoins();
    }

    private void proposeJoins() {
        List<JoinProposal> out = new ArrayList<>();
        if (multiTable()) {
            for (TableSchema child : schemas.values()) {
                for (Map<String, Object> rel : child.relationships()) {
                    Object parent = rel.get("table");
                    if ("belongsTo".equals(rel.get("type")) && schemas.containsKey(parent) && !parent.equals(child.name())) {
                        JoinProposal p = new JoinProposal(child.name() + "." + rel.get("field"), parent + "." + rel.get("references"));
                        if (!tree.hasJoin(p)) {
                            out.add(p);
                        }
                    }
                }
            }
        }
        joinProposals.setAll(out);
    }

    /** Adds a table to query with this one; fields become {@code table.field} and joins are proposed from foreign keys. */
    public void addTable(String name) {
        if (!schemas.containsKey(name)) {
            addTables(List.of(name), true, () -> { });
        }
    }

    /** Reads the tables' schemas in the background, then queries them too; {@code qualify}: the tree's fields get this table's name. */
    void addTables(List<String> names, boolean qualify, Runnable then) {
        tasks.execute(() -> {
            Map<TableSchema, Map<String, Map<String, LogicalType>>> read = new LinkedHashMap<>();
            for (String name : names) {
                TableSchema schema = connector.getTableSchema(name);
                read.put(schema, jsonPaths.sample(schema));
            }
            return read;
        }, read -> {
            if (!multiTable()) {
                jsonPaths.qualify(table);
                if (qualify) {
                    tree.renameFields(f -> table + "." + f);
                }
            }
            read.forEach((schema, paths) -> {
                schemas.put(schema.name(), schema);
                jsonPaths.add(schema.name(), paths);
                otherTables.remove(schema.name());
            });
            tablesChanged();
            then.run();
            edited(true);
        }, e -> message.set(Failures.describe(e)));
    }

    /** Stops querying a table (not the builder's own); conditions that name it go with it. */
    public void removeTable(String name) {
        if (name.equals(table) || !schemas.containsKey(name)) {
            return;
        }
        schemas.remove(name);
        jsonPaths.drop(name);
        String prefix = name + ".";
        tree.dropConditions(c -> c.fieldProperty().get() != null && c.fieldProperty().get().startsWith(prefix)
                || c.valueProperty().get().toArrayValue() instanceof String s && s.startsWith(prefix));
        if (!multiTable()) {
            jsonPaths.unqualify(table);
            tree.renameFields(f -> f.startsWith(table + ".") ? f.substring(table.length() + 1) : f);
        }
        otherTables.add(name);
        FXCollections.sort(otherTables);
        tablesChanged();
        edited(true);
    }

    /** Adds a proposed join, ANDed with everything else, first (as the reference writes joins). */
    public ConditionNodeViewModel acceptJoin(JoinProposal proposal) {
        return tree.addAndedFirst(proposal.condition());
    }

    // --- the live panes ---

    /** The filter the tree makes now: unfinished parts left out. */
    public Filter filter() {
        return tree.filter();
    }

    private void edited(boolean structural) {
        Filter filter = filter();
        writeJson(filter.toArray());
        if (structural) {
            proposeJoins();
        }
        check(filter);
    }

    private void writeJson(List<Object> array) {
        String text = FilterJson.format(array);
        writingJson = true;
        try {
            jsonText.set(text);
        } finally {
            writingJson = false;
        }
        shownJson = FilterJson.parse(text);
        jsonError.set("");
        jsonErrorPosition.set(null);
    }

    private void jsonEdited(String text) {
        FilterJson.Parsed parsed;
        try {
            parsed = FilterJson.parse(text);
        } catch (FilterJson.SyntaxException e) {
            markJson("Not a JSON array: " + e.getMessage(), e.position());
            return;
        }
        Filter read;
        try {
            read = readFilter(parsed.value());
        } catch (FilterException e) {
            markJson(e.code() + ": " + e.getMessage(), parsed.positionOf(e.at()));
            return;
        }
        shownJson = parsed;
        writingJson = true;
        try {
            tree.setFilter(read);
        } finally {
            writingJson = false;
        }
    }

    /** A filter array as this builder reads it: with several tables, a text naming a column is that column. */
    Filter readFilter(Object array) {
        Filter f = Filter.parse(array);
        return multiTable() ? FilterSql.withColumns(f, schemas) : f;
    }

    private void markJson(String why, FilterJson.Position at) {
        jsonErrorPosition.set(at);
        jsonError.set(at == null ? why : why + " (line " + at.line() + ", column " + at.column() + ")");
        valid.set(false);
        filterProblem.set(jsonError.get());
        countGeneration++;
        matchingRows.set(null);
        countText.set("—");
    }

    /** Checks the filter on the connection's dialect, shows its SQL, and counts its rows once editing pauses. */
    private void check(Filter filter) {
        if (schemas.isEmpty()) {
            return;
        }
        showSql(filter);
        try {
            FilterSql.select(dialect, List.copyOf(schemas.values()), filter);
        } catch (TablewrightException e) {
            valid.set(false);
            filterProblem.set(e.code() + ": " + e.getMessage());
            FilterJson.Position at = e instanceof FilterException f ? shownJson.positionOf(f.at()) : null;
            if (at != null) {
                jsonErrorPosition.set(at);
                jsonError.set(filterProblem.get() + " (line " + at.line() + ", column " + at.column() + ")");
            }
            countGeneration++;
            matchingRows.set(null);
            countText.set("—");
            return;
        }
        valid.set(true);
        filterProblem.set("");
        long generation = ++countGeneration;
        List<String> queried = List.copyOf(schemas.keySet());
        debouncer.schedule(() -> count(generation, queried, filter));
    }

    private void count(long generation, List<String> queried, Filter filter) {
        if (generation != countGeneration) {
            return;
        }
        countText.set("Counting…");
        tasks.execute(() -> countRows(queried, filter), n -> {
            if (generation == countGeneration) {
                matchingRows.set(n);
                countText.set(n > JOIN_COUNT_CAP ? "more than " + String.format(Locale.ROOT, "%,d", JOIN_COUNT_CAP) + " matching rows"
                        : n == 1 ? "1 matching row" : n + " matching rows");
            }
        }, e -> {
            if (generation == countGeneration) {
                matchingRows.set(null);
                countText.set(Failures.describe(e));
            }
        });
    }

    private long countRows(List<String> queried, Filter filter) {
        if (queried.size() == 1) {
            return connector.countRows(queried.get(0), ReadOptions.filter(filter));
        }
        // The core counts one table; over a join, the rows are read with a single column each.
        String first = queried.get(0) + "." + schemas.get(queried.get(0)).fields().keySet().iterator().next();
        return connector.getTableData(queried, ReadOptions.builder().filter(filter).fields(List.of(first)).autoJoin(false)
                .limit(JOIN_COUNT_CAP + 1).build()).size();
    }

    private void showSql(Filter filter) {
        if (schemas.isEmpty() || sqlDialect.get() == null) {
            return;
        }
        try {
            SqlStatement s = FilterSql.select(Dialects.named(sqlDialect.get()), List.copyOf(schemas.values()), filter);
            String text = s.sql().replace(" WHERE ", "\nWHERE ");
            List<Object> values = FilterSql.values(s);
            sql.set(values.isEmpty() ? text : text + "\n\n-- values, bound in order: " + Json.write(values));
        } catch (TablewrightException e) {
            sql.set("-- " + e.code() + ": " + e.getMessage());
        }
    }

    // --- apply, clear ---

    /** Publishes the current filter as the applied one (an empty filter publishes null: every row). */
    public void apply() {
        if (!valid.get()) {
            return;
        }
        Filter f = filter();
        appliedTables.set(List.copyOf(schemas.keySet()));
        appliedFilter.set(f.isEmpty() ? null : f);
    }

    /** Empties the tree and applies no filter: every row again. */
    public void clear() {
        tree.setFilter(null);
        appliedTables.set(List.copyOf(schemas.keySet()));
        appliedFilter.set(null);
    }

    /** Replaces the tree with {@code filter}. */
    public void setFilter(Filter filter) {
        tree.setFilter(multiTable() && filter != null ? FilterSql.withColumns(filter, schemas) : filter);
    }

    /** Shows an imported or saved filter, adding the tables it queries; says what went wrong otherwise. */
    void show(List<String> queried, Object array, String done) {
        Filter loaded;
        try {
            loaded = Filter.parse(array);
        } catch (FilterException e) {
            message.set(e.code() + ": " + e.getMessage());
            return;
        }
        if (!queried.contains(table)) {
            message.set("That filter queries " + queried + ", not '" + table + "': open it from one of those tables.");
            return;
        }
        List<String> missing = queried.stream().filter(t -> !schemas.containsKey(t)).toList();
        if (missing.isEmpty()) {
            setFilter(loaded);
            message.set(done);
        } else {
            addTables(missing, false, () -> {
                setFilter(loaded);
                message.set(done);
            });
        }
    }

    /** The filter as saved: the array, with its tables when it queries several. */
    Object stored() {
        List<Object> array = filter().toArray();
        if (!multiTable()) {
            return array;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tables", List.copyOf(schemas.keySet()));
        m.put("filter", array);
        return m;
    }

    /** The queried tables as a call-file step names them: the table, or the list of them. */
    Object callFileName() {
        return multiTable() ? List.copyOf(schemas.keySet()) : table;
    }

    void say(String text) {
        message.set(text);
    }

    // --- properties ---

    /** The tree of node ViewModels the view shows. */
    public FilterTreeViewModel tree() {
        return tree;
    }

    public GroupNodeViewModel root() {
        return tree.root();
    }

    /** Saved filters, export and import. */
    public FilterLibraryViewModel library() {
        return library;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why loading failed, with the error code. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String table() {
        return table;
    }

    public String connectionName() {
        return connectionName;
    }

    /** The queried tables, this one first. */
    public ReadOnlyListProperty<String> tablesProperty() {
        return tables.getReadOnlyProperty();
    }

    /** Tables that can be added to the query. */
    public ReadOnlyListProperty<String> otherTablesProperty() {
        return otherTables.getReadOnlyProperty();
    }

    /** The fields conditions can name, with their types. */
    public FilterFields fields() {
        return fields;
    }

    public ReadOnlyListProperty<FieldChoice> fieldsProperty() {
        return fields.fieldsProperty();
    }

    public ReadOnlyListProperty<JoinProposal> joinProposalsProperty() {
        return joinProposals.getReadOnlyProperty();
    }

    /** The filter array as JSON; typing a valid array here replaces the tree. */
    public StringProperty jsonTextProperty() {
        return jsonText;
    }

    /** What is wrong with the filter, and where in the JSON text; empty when nothing is. */
    public ReadOnlyStringProperty jsonErrorProperty() {
        return jsonError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FilterJson.Position> jsonErrorPositionProperty() {
        return jsonErrorPosition.getReadOnlyProperty();
    }

    /** The dialect the SQL pane shows: the connection's first, then the other two. */
    public StringProperty sqlDialectProperty() {
        return sqlDialect;
    }

    public ReadOnlyListProperty<String> sqlDialectsProperty() {
        return sqlDialects.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sqlProperty() {
        return sql.getReadOnlyProperty();
    }

    /** Why the filter cannot run (error code and message), or empty. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    /** True when the filter runs on this connection: Apply is enabled. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Rows the current filter matches; null while counting or when the filter cannot run. */
    public ReadOnlyObjectProperty<Long> matchingRowsProperty() {
        return matchingRows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** The filter last applied; null after Clear or before any Apply: every row. */
    public ReadOnlyObjectProperty<Filter> appliedFilterProperty() {
        return appliedFilter.getReadOnlyProperty();
    }

    /** The tables the applied filter queries (this table alone unless tables were added). */
    public ReadOnlyObjectProperty<List<String>> appliedTablesProperty() {
        return appliedTables.getReadOnlyProperty();
    }

    /** What the last save, export, import or added table did, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
