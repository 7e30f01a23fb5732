package dev.tablewright.app.filter;

import dev.tablewright.app.DataDirectory;
import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.dialect.Dialect;
import dev.tablewright.core.dialect.MysqlDialect;
import dev.tablewright.core.dialect.PostgresDialect;
import dev.tablewright.core.dialect.SqlStatement;
import dev.tablewright.core.dialect.SqliteDialect;
import dev.tablewright.core.filter.FilterSql;
import dev.tablewright.core.filter.Operator;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.TableSchema;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filter builder of one table (or several joined ones): the tree being edited, the filter
 * array it makes, shown as JSON (editable) and as SQL on each dialect, the number of rows it
 * matches, and the filter last applied. Every database call runs on the {@link TaskExecutor};
 * the count waits for a pause in editing and drops results of filters edited since.
 */
public final class FilterBuilderViewModel {
    private static final DialogService.FileFilter JSON_FILES = new DialogService.FileFilter("Filters (JSON)", List.of("*.json"));
    private static final DialogService.FileFilter CALL_FILES = new DialogService.FileFilter("Call files (YAML)", List.of("*.yaml", "*.yml"));


    /** Where loading the table's schema has got to. */
    public enum State { LOADING, READY, FAILED }

    /** Rows read from a JSON column to find the paths its values hold. */
    static final int JSON_SAMPLE_ROWS = 200;
    private static final Pattern AT_PATH = Pattern.compile("Invalid filter at (filter[^:\\s]*)");

    private final Connector connector;
    private final String connectionName;
    private final String table;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final SavedFilters savedFilters;
    private final Debouncer debouncer;

    private FilterTree tree = new FilterTree(new FilterGroup(FilterGroup.Junction.AND));
    private final Map<String, TableSchema> schemas = new LinkedHashMap<>();
    /** Paths found in JSON columns, by column ({@code specs}, or {@code products.specs} with several tables). */
    private final Map<String, Map<String, LogicalType>> jsonPaths = new LinkedHashMap<>();
    private Map<String, Object> saved = new LinkedHashMap<>();
    private FilterJson.Parsed shownJson = new FilterJson.Parsed(null, Map.of());
    private boolean writingJson;
    private Dialect dialect;
    private long countGeneration;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper treeVersion = new ReadOnlyIntegerWrapper();
    private final ReadOnlyListWrapper<String> tables = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> otherTables = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<FieldChoice> fields = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<JoinProposal> joinProposals = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final StringProperty jsonText = new SimpleStringProperty("[]");
    private final ReadOnlyStringWrapper jsonError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FilterJson.Position> jsonErrorPosition = new ReadOnlyObjectWrapper<>();
    private final StringProperty sqlDialect = new SimpleStringProperty();
    private final ReadOnlyListWrapper<String> sqlDialects = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper sql = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Long> matchingRows = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<Object>> appliedFilter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<String>> appliedTables = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyListWrapper<String> savedNames = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final StringProperty saveName = new SimpleStringProperty("");
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
        this.dialogs = dialogs;
        this.savedFilters = savedFilters;
        this.debouncer = debouncer;
        jsonText.addListener((obs, old, text) -> {
            if (!writingJson) {
                jsonEdited(text);
            }
        });
        sqlDialect.addListener((obs, old, d) -> showSql(tree.toArray()));
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
            return new Loaded(connector.dialect(), schema, connector.getAllTables(), samplePaths(schema), savedFilters.list(connectionName, table));
        }, this::loaded, e -> {
            problem.set(Failures.describe(e));
            state.set(State.FAILED);
        });
    }

    private void loaded(Loaded l) {
        schemas.clear();
        schemas.put(table, l.schema());
        jsonPaths.clear();
        l.paths().forEach(jsonPaths::put);
        dialect = l.dialect();
        String current = dialect.name();
        sqlDialects.setAll(java.util.stream.Stream.of(current, "sqlite", "postgres", current.equals("mysql") ? "mysql" : "mariadb").distinct().toList());
        sqlDialect.set(current);
        otherTables.setAll(l.allTables().stream().filter(t -> !t.equals(table)).toList());
        saved = l.saved();
        savedNames.setAll(saved.keySet());
        tablesChanged();
        state.set(State.READY);
        edited(true);
    }

    /** The paths the sampled values of each JSON column hold, with the type of their values. */
    private Map<String, Map<String, LogicalType>> samplePaths(TableSchema schema) {
        Map<String, Map<String, LogicalType>> out = new LinkedHashMap<>();
        schema.fields().forEach((name, spec) -> {
            if (spec.type().isJson()) {
                List<Map<String, Object>> rows = connector.getTableData(schema.name(),
                        new ReadOptions(null, List.of(name), null, JSON_SAMPLE_ROWS, null, false, null, null, null, null));
                Map<String, LogicalType> paths = new java.util.TreeMap<>();
                for (Map<String, Object> row : rows) {
                    collectPaths(row.get(name), "", paths);
                }
                out.put(name, paths);
            }
        });
        return out;
    }

    private static void collectPaths(Object value, String prefix, Map<String, LogicalType> paths) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectPaths(v, prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, paths));
            return;
        }
        LogicalType type = value instanceof Number ? LogicalType.NUMBER : value instanceof Boolean ? LogicalType.BOOLEAN
                : value instanceof String ? LogicalType.STRING : null;
        if (type == null || prefix.isEmpty()) {
            return;
        }
        LogicalType before = paths.putIfAbsent(prefix, type);
        if (before != null && before != type) {
            // Mixed values: the typed value decides the comparison, so the builder offers every operator.
            paths.put(prefix, null);
        }
    }

    // --- fields and operators ---

    private boolean multiTable() {
        return schemas.size() > 1;
    }

    private void tablesChanged() {
        tables.setAll(schemas.keySet());
        List<FieldChoice> out = new ArrayList<>();
        boolean multi = multiTable();
        schemas.forEach((t, schema) -> schema.fields().forEach((name, spec) -> {
            String qualified = multi ? t + "." + name : name;
            out.add(new FieldChoice(qualified, spec.type(), false));
            Map<String, LogicalType> paths = jsonPaths.get(multi ? t + "." + name : name);
            if (paths == null && multi) {
                paths = jsonPaths.get(name);
            }
            if (paths != null && spec.type().isJson()) {
                paths.forEach((path, type) -> out.add(new FieldChoice(qualified + "." + path, type, true)));
            }
        }));
        fields.setAll(out);
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
                        if (!hasJoin(tree.root(), p)) {
                            out.add(p);
                        }
                    }
                }
            }
        }
        joinProposals.setAll(out);
    }

    private static boolean hasJoin(FilterGroup group, JoinProposal p) {
        for (FilterNode n : group.children()) {
            if (n instanceof FilterGroup g && hasJoin(g, p)) {
                return true;
            }
            if (n instanceof FilterCondition c && c.operator().orElse(null) == Operator.EQ
                    && (p.childField().equals(c.field()) && p.parentField().equals(c.value())
                    || p.parentField().equals(c.field()) && p.childField().equals(c.value()))) {
                return true;
            }
        }
        return false;
    }

    /** The field a condition names, as the builder knows it; a typed JSON path gets the type of its value. */
    public Optional<FieldChoice> fieldOf(FilterCondition c) {
        if (c.field() == null) {
            return Optional.empty();
        }
        for (FieldChoice f : fields) {
            if (f.name().equals(c.field())) {
                return Optional.of(f);
            }
        }
        for (FieldChoice f : fields) {
            if (!f.jsonPath() && f.type().isJson() && c.field().startsWith(f.name() + ".")) {
                Object v = c.value() instanceof List<?> l && !l.isEmpty() ? l.get(0) : c.value();
                return Optional.of(new FieldChoice(c.field(), v instanceof Number ? LogicalType.NUMBER
                        : v instanceof Boolean ? LogicalType.BOOLEAN : v instanceof String ? LogicalType.STRING : null, true));
            }
        }
        return Optional.empty();
    }

    private LogicalType typeOf(FilterCondition c) {
        return fieldOf(c).map(FieldChoice::type).orElse(null);
    }

    /** The operators that fit the condition's field, with the one it has even where it does not fit. */
    public List<OperatorChoice> operatorsFor(FilterCondition c) {
        List<OperatorChoice> offered = new ArrayList<>(OperatorChoice.forType(typeOf(c)));
        operatorOf(c).filter(o -> !offered.contains(o)).ifPresent(offered::add);
        return offered;
    }

    public Optional<OperatorChoice> operatorOf(FilterCondition c) {
        return c.operator().map(op -> OperatorChoice.of(op, c.value()));
    }

    /** The editor the condition's value gets. */
    public ValueEditor editorFor(FilterCondition c) {
        OperatorChoice op = operatorOf(c).orElse(OperatorChoice.EQUALS);
        if (op.isNullCheck()) {
            return ValueEditor.NONE;
        }
        if (op == OperatorChoice.BETWEEN || op == OperatorChoice.NOT_BETWEEN) {
            return ValueEditor.RANGE;
        }
        if (op == OperatorChoice.IN || op == OperatorChoice.NOT_IN) {
            return ValueEditor.CHIPS;
        }
        if (multiTable() && isColumnReference(c.value())) {
            return ValueEditor.COLUMN;
        }
        LogicalType type = typeOf(c);
        if (type == null) {
            return ValueEditor.TEXT;
        }
        return switch (type) {
            case BOOLEAN -> ValueEditor.BOOLEAN;
            case INTEGER, NUMBER -> ValueEditor.NUMBER;
            case DATE -> ValueEditor.DATE;
            default -> ValueEditor.TEXT;
        };
    }

    /** The kind of picker each end of a range, or each chip, gets: NUMBER, DATE or TEXT. */
    public ValueEditor itemEditorFor(FilterCondition c) {
        LogicalType type = typeOf(c);
        if (type == LogicalType.INTEGER || type == LogicalType.NUMBER) {
            return ValueEditor.NUMBER;
        }
        return type == LogicalType.DATE ? ValueEditor.DATE : ValueEditor.TEXT;
    }

    /** True where a text value fits, so {@code $USER} (the current user) is offered as one. */
    public boolean offersCurrentUser(FilterCondition c) {
        LogicalType type = typeOf(c);
        return (type == null || type.isTextual()) && editorFor(c) != ValueEditor.NONE;
    }

    private boolean isColumnReference(Object value) {
        return value instanceof String s && fields.stream().anyMatch(f -> !f.jsonPath() && f.name().equals(s));
    }

    /** The text an editor shows for the value, or for item {@code index} of a list value. */
    public String valueText(FilterCondition c, int index) {
        Object v = c.value();
        if (index >= 0) {
            v = v instanceof List<?> l && index < l.size() ? l.get(index) : null;
        }
        return v == null ? "" : v instanceof List<?> ? Json.write(v) : String.valueOf(v);
    }

    // --- tree edits ---

    public FilterTree tree() {
        return tree;
    }

    public FilterGroup root() {
        return tree.root();
    }

    public FilterCondition addCondition(FilterGroup group) {
        FilterCondition c = tree.addCondition(group);
        edited(true);
        return c;
    }

    public FilterGroup addGroup(FilterGroup group) {
        FilterGroup g = tree.addGroup(group);
        edited(true);
        return g;
    }

    public void setJunction(FilterGroup group, FilterGroup.Junction junction) {
        group.setJunction(junction);
        edited(true);
    }

    public void remove(FilterNode node) {
        tree.remove(node);
        edited(true);
    }

    public void moveUp(FilterNode node) {
        tree.moveUp(node);
        edited(true);
    }

    public void moveDown(FilterNode node) {
        tree.moveDown(node);
        edited(true);
    }

    /** Drag and drop: {@code node} to position {@code index} of {@code target}. */
    public void move(FilterNode node, FilterGroup target, int index) {
        tree.move(node, target, index);
        edited(true);
    }

    public FilterGroup wrapInGroup(FilterNode node) {
        FilterGroup g = tree.wrapInGroup(node);
        edited(true);
        return g;
    }

    public void ungroup(FilterGroup group) {
        tree.ungroup(group);
        edited(true);
    }

    /** Chooses the field; a field of another type resets the operator and value to ones that fit it. */
    public void setField(FilterCondition c, String field) {
        LogicalType before = typeOf(c);
        boolean fresh = c.field() == null;
        c.setField(field);
        LogicalType after = typeOf(c);
        List<OperatorChoice> offered = OperatorChoice.forType(after);
        Optional<OperatorChoice> op = operatorOf(c);
        if (fresh || op.isEmpty() || !offered.contains(op.get()) || before != after && c.value() != null) {
            OperatorChoice first = offered.get(0);
            c.setOperator(first.operator());
            c.setValue(first.isNullCheck() ? null : defaultValue(after));
        }
        edited(true);
    }

    /** Chooses the operator, carrying the value over where it fits (one value into a list and back). */
    public void setOperator(FilterCondition c, OperatorChoice choice) {
        Object v = c.value();
        LogicalType type = typeOf(c);
        Object value;
        if (choice.isNullCheck()) {
            value = null;
        } else if (choice == OperatorChoice.BETWEEN || choice == OperatorChoice.NOT_BETWEEN) {
            List<Object> range = new ArrayList<>();
            if (v instanceof List<?> l) {
                l.stream().limit(2).forEach(range::add);
            } else if (v != null) {
                range.add(v);
            }
            while (range.size() < 2) {
                range.add(range.isEmpty() ? defaultValue(type) : range.get(0));
            }
            value = range;
        } else if (choice == OperatorChoice.IN || choice == OperatorChoice.NOT_IN) {
            value = v instanceof List<?> l ? new ArrayList<>(l) : v == null ? new ArrayList<>() : new ArrayList<>(List.of(v));
        } else if (v instanceof List<?> l) {
            value = l.isEmpty() || l.get(0) == null ? defaultValue(type) : l.get(0);
        } else {
            value = v == null ? defaultValue(type) : v;
        }
        c.setOperator(choice.operator());
        c.setValue(value);
        edited(true);
    }

    /** Sets the value (index &lt; 0) or item {@code index} of a list value from what was typed, read in the field's type. */
    public void setValueText(FilterCondition c, int index, String text) {
        setValue(c, index, parse(typeOf(c), text));
    }

    public void setValue(FilterCondition c, int index, Object value) {
        if (index < 0) {
            c.setValue(value);
        } else {
            List<Object> list = c.value() instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            while (list.size() <= index) {
                list.add(null);
            }
            list.set(index, value);
            c.setValue(list);
        }
        edited(false);
    }

    /** Adds a chip to an {@code in} / {@code notin} list. */
    public void addListValue(FilterCondition c, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<Object> list = c.value() instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
        list.add(parse(typeOf(c), text.trim()));
        c.setValue(list);
        edited(true);
    }

    public void removeListValue(FilterCondition c, int index) {
        if (c.value() instanceof List<?> l && index < l.size()) {
            List<Object> list = new ArrayList<>(l);
            list.remove(index);
            c.setValue(list);
            edited(true);
        }
    }

    private static Object parse(LogicalType type, String text) {
        String t = text.trim();
        if (type == null || type == LogicalType.INTEGER || type == LogicalType.NUMBER) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException notWhole) {
                try {
                    if (type != LogicalType.INTEGER && !t.isEmpty()) {
                        return Double.parseDouble(t);
                    }
                } catch (NumberFormatException notNumber) {
                    // kept as typed: the filter's check then says what is wrong with it
                }
            }
            if (type == null && (t.equals("true") || t.equals("false"))) {
                return Boolean.valueOf(t);
            }
            return type == null ? text : t;
        }
        if (type == LogicalType.BOOLEAN && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(t.toLowerCase(Locale.ROOT));
        }
        return text;
    }

    private static Object defaultValue(LogicalType type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case INTEGER, NUMBER -> 0L;
            case BOOLEAN -> Boolean.TRUE;
            case DATE -> LocalDate.now(ZoneOffset.UTC).toString();
            case JSON, JSONB, FILE -> null;
            default -> "";
        };
    }

    // --- several tables ---

    /** Adds a table to query with this one; fields become {@code table.field} and joins are proposed from foreign keys. */
    public void addTable(String name) {
        if (!schemas.containsKey(name)) {
            addTables(List.of(name), true, () -> { });
        }
    }

    /** Reads the tables' schemas in the background, then queries them too; {@code qualify}: the tree's fields get this table's name. */
    private void addTables(List<String> names, boolean qualify, Runnable then) {
        tasks.execute(() -> {
            Map<TableSchema, Map<String, Map<String, LogicalType>>> read = new LinkedHashMap<>();
            for (String name : names) {
                TableSchema schema = connector.getTableSchema(name);
                read.put(schema, samplePaths(schema));
            }
            return read;
        }, read -> {
            if (!multiTable()) {
                Map<String, Map<String, LogicalType>> own = new LinkedHashMap<>(jsonPaths);
                jsonPaths.clear();
                own.forEach((column, paths) -> jsonPaths.put(table + "." + column, paths));
                if (qualify) {
                    renameFields(tree.root(), f -> table + "." + f);
                }
            }
            read.forEach((schema, paths) -> {
                schemas.put(schema.name(), schema);
                paths.forEach((column, p) -> jsonPaths.put(schema.name() + "." + column, p));
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
        jsonPaths.keySet().removeIf(k -> k.startsWith(name + "."));
        dropConditionsNaming(tree.root(), name + ".");
        if (!multiTable()) {
            Map<String, Map<String, LogicalType>> own = new LinkedHashMap<>(jsonPaths);
            jsonPaths.clear();
            own.forEach((column, paths) -> jsonPaths.put(column.substring(table.length() + 1), paths));
            renameFields(tree.root(), f -> f.startsWith(table + ".") ? f.substring(table.length() + 1) : f);
        }
        otherTables.add(name);
        FXCollections.sort(otherTables);
        tablesChanged();
        edited(true);
    }

    private static void renameFields(FilterGroup group, java.util.function.UnaryOperator<String> rename) {
        for (FilterNode n : group.children()) {
            if (n instanceof FilterGroup g) {
                renameFields(g, rename);
            } else if (n instanceof FilterCondition c && c.field() != null) {
                c.setField(rename.apply(c.field()));
            }
        }
    }

    private void dropConditionsNaming(FilterGroup group, String prefix) {
        for (FilterNode n : List.copyOf(group.children())) {
            if (n instanceof FilterGroup g) {
                dropConditionsNaming(g, prefix);
            } else if (n instanceof FilterCondition c && (c.field() != null && c.field().startsWith(prefix)
                    || c.value() instanceof String s && s.startsWith(prefix))) {
                group.remove(group.indexOf(n));
            }
        }
    }

    /** Adds a proposed join, ANDed with everything else, first (as the reference writes joins). */
    public FilterCondition acceptJoin(JoinProposal proposal) {
        List<Object> c = proposal.condition();
        FilterCondition join = new FilterCondition((String) c.get(0), (String) c.get(1), c.get(2));
        tree.addAndedFirst(join);
        edited(true);
        return join;
    }

    // --- the live panes ---

    private void edited(boolean structural) {
        List<Object> array = tree.toArray();
        writeJson(array);
        if (structural) {
            proposeJoins();
            treeVersion.set(treeVersion.get() + 1);
        }
        check(array);
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
        FilterTree rebuilt;
        try {
            rebuilt = FilterTree.of(parsed.value());
        } catch (InvalidFilterException e) {
            markJson(ErrorCode.INVALID_FILTER + ": " + e.getMessage(), parsed.positionOf(e.at()));
            return;
        }
        shownJson = parsed;
        tree = rebuilt;
        jsonError.set("");
        jsonErrorPosition.set(null);
        proposeJoins();
        treeVersion.set(treeVersion.get() + 1);
        check(tree.toArray());
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
    private void check(List<Object> array) {
        if (schemas.isEmpty()) {
            return;
        }
        showSql(array);
        try {
            FilterSql.select(dialect, List.copyOf(schemas.values()), array);
        } catch (TablewrightException e) {
            valid.set(false);
            filterProblem.set(e.code() + ": " + e.getMessage());
            Matcher m = AT_PATH.matcher(e.getMessage());
            FilterJson.Position at = m.find() ? shownJson.positionOf(m.group(1)) : null;
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
        Object filter = array.isEmpty() ? null : array;
        debouncer.schedule(() -> count(generation, queried, filter));
    }

    private void count(long generation, List<String> queried, Object filter) {
        if (generation != countGeneration) {
            return;
        }
        countText.set("Counting…");
        tasks.execute(() -> countRows(queried, filter), n -> {
            if (generation == countGeneration) {
                matchingRows.set(n);
                countText.set(n == 1 ? "1 matching row" : n + " matching rows");
            }
        }, e -> {
            if (generation == countGeneration) {
                matchingRows.set(null);
                countText.set(Failures.describe(e));
            }
        });
    }

    private long countRows(List<String> queried, Object filter) {
        if (queried.size() == 1) {
            return connector.countRows(queried.get(0), ReadOptions.filter(filter));
        }
        // The core counts one table; over a join, the rows are read with a single column each.
        String first = queried.get(0) + "." + schemas.get(queried.get(0)).fields().keySet().iterator().next();
        return connector.getTableData(queried, new ReadOptions(filter, List.of(first), null, null, null, false, null, null, null, null)).size();
    }

    private void showSql(List<Object> array) {
        if (schemas.isEmpty() || sqlDialect.get() == null) {
            return;
        }
        try {
            SqlStatement s = FilterSql.select(dialectNamed(sqlDialect.get()), List.copyOf(schemas.values()), array.isEmpty() ? null : array);
            String text = s.sql().replace(" WHERE ", "\nWHERE ");
            List<Object> values = FilterSql.values(s);
            sql.set(values.isEmpty() ? text : text + "\n\n-- values, bound in order: " + Json.write(values));
        } catch (TablewrightException e) {
            sql.set("-- " + e.code() + ": " + e.getMessage());
        }
    }

    private static Dialect dialectNamed(String name) {
        return switch (name) {
            case "sqlite" -> new SqliteDialect();
            case "postgres" -> new PostgresDialect();
            case "mysql" -> new MysqlDialect(false);
            default -> new MysqlDialect(true);
        };
    }

    // --- apply, clear ---

    /** Publishes the current filter as the applied one (an empty filter publishes null: every row). */
    public void apply() {
        if (!valid.get()) {
            return;
        }
        List<Object> array = tree.toArray();
        appliedTables.set(List.copyOf(schemas.keySet()));
        appliedFilter.set(array.isEmpty() ? null : Collections.unmodifiableList(array));
    }

    /** Empties the tree and applies no filter: every row again. */
    public void clear() {
        tree = new FilterTree(new FilterGroup(FilterGroup.Junction.AND));
        edited(true);
        appliedTables.set(List.copyOf(schemas.keySet()));
        appliedFilter.set(null);
    }

    /** Replaces the tree with the one of a filter array. */
    public void setFilter(Object filter) {
        tree = FilterTree.of(filter);
        edited(true);
    }

    // --- saved filters, export, import ---

    /** Saves the current filter under the name typed in {@link #saveNameProperty()} (replacing one of that name). */
    public void saveFilter() {
        String name = saveName.get() == null ? "" : saveName.get().trim();
        if (name.isEmpty()) {
            message.set("Type a name for the filter, then save it.");
            return;
        }
        Object stored = stored();
        tasks.execute(() -> savedFilters.save(connectionName, table, name, stored), all -> {
            saved = all;
            savedNames.setAll(all.keySet());
            message.set("Saved the filter '" + name + "'.");
        }, e -> message.set("Could not save the filter: " + Failures.describe(e)));
    }

    private Object stored() {
        List<Object> array = tree.toArray();
        if (!multiTable()) {
            return array;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tables", List.copyOf(schemas.keySet()));
        m.put("filter", array);
        return m;
    }

    /** Loads a saved filter into the builder (adding the tables it queries). */
    public void loadSaved(String name) {
        Object value = saved.get(name);
        if (value == null) {
            return;
        }
        FilterFiles.Imported imported = value instanceof Map<?, ?> m
                ? new FilterFiles.Imported(((List<?>) m.get("tables")).stream().map(String::valueOf).toList(), m.get("filter"))
                : new FilterFiles.Imported(List.of(table), value);
        load(imported, "Loaded the filter '" + name + "'.");
    }

    public void deleteSaved(String name) {
        tasks.execute(() -> savedFilters.delete(connectionName, table, name), all -> {
            saved = all;
            savedNames.setAll(all.keySet());
            message.set("Deleted the filter '" + name + "'.");
        }, e -> message.set("Could not delete the filter: " + Failures.describe(e)));
    }

    /** The filter as a call-file step that reads the rows it matches, like the steps of examples/*.yaml. */
    public String callFileStep() {
        return FilterFiles.callFileStep(multiTable() ? List.copyOf(schemas.keySet()) : table, tree.toArray());
    }

    public void exportJson() {
        dialogs.chooseFileToCreate("Export the filter as JSON", table + "-filter.json", List.of(JSON_FILES))
                .ifPresent(this::exportJson);
    }

    public void exportJson(Path file) {
        write(file, FilterJson.format(tree.toArray()) + "\n");
    }

    public void exportCallFileStep() {
        dialogs.chooseFileToCreate("Export the filter as a call-file step", table + "-filter.yaml", List.of(CALL_FILES))
                .ifPresent(this::exportCallFileStep);
    }

    public void exportCallFileStep(Path file) {
        write(file, callFileStep());
    }

    private void write(Path file, String text) {
        tasks.execute(() -> Files.writeString(file, text), ok -> message.set("Exported the filter to " + file + "."),
                e -> message.set("Could not export the filter: " + Failures.describe(e)));
    }

    public void importFile() {
        dialogs.chooseFileToOpen("Import a filter", List.of(JSON_FILES, CALL_FILES)).ifPresent(this::importFile);
    }

    /** Reads a filter array (JSON or YAML) or a call file whose first getTableData/countRows/findRow step has one. */
    public void importFile(Path file) {
        tasks.execute(() -> FilterFiles.read(Files.readString(file), table), imported -> load(imported, "Imported the filter from " + file + "."),
                e -> message.set("Could not import " + file + ": " + Failures.describe(e)));
    }

    private void load(FilterFiles.Imported imported, String done) {
        FilterTree loaded;
        try {
            loaded = FilterTree.of(imported.filter());
        } catch (InvalidFilterException e) {
            message.set(e.code() + ": " + e.getMessage());
            return;
        }
        if (!imported.tables().contains(table)) {
            message.set("That filter queries " + imported.tables() + ", not '" + table + "': open it from one of those tables.");
            return;
        }
        List<String> missing = imported.tables().stream().filter(t -> !schemas.containsKey(t)).toList();
        Runnable show = () -> {
            tree = loaded;
            message.set(done);
        };
        if (missing.isEmpty()) {
            show.run();
            edited(true);
        } else {
            addTables(missing, false, show);
        }
    }


    // --- properties ---

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why loading failed, with the error code. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Goes up whenever the tree's shape changes: the view rebuilds its rows. */
    public ReadOnlyIntegerProperty treeVersionProperty() {
        return treeVersion.getReadOnlyProperty();
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

    public ReadOnlyListProperty<FieldChoice> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<JoinProposal> joinProposalsProperty() {
        return joinProposals.getReadOnlyProperty();
    }

    /** The filter array as JSON; typing a valid array here rebuilds the tree. */
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

    /** The filter array last applied (read-only); null after Clear or before any Apply: every row. */
    public ReadOnlyObjectProperty<List<Object>> appliedFilterProperty() {
        return appliedFilter.getReadOnlyProperty();
    }

    /** The tables the applied filter queries (this table alone unless tables were added). */
    public ReadOnlyObjectProperty<List<String>> appliedTablesProperty() {
        return appliedTables.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> savedNamesProperty() {
        return savedNames.getReadOnlyProperty();
    }

    public StringProperty saveNameProperty() {
        return saveName;
    }

    /** What the last save, export or import did, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
