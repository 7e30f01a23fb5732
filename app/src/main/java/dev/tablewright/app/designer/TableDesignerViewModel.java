package dev.tablewright.app.designer;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.InternalNames;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.callfile.CallFile;
import dev.tablewright.core.callfile.CallFileWriter;
import dev.tablewright.core.dialect.Dialects;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.FieldSpecs;
import dev.tablewright.core.schema.SchemaCallFile;
import dev.tablewright.core.schema.TableChangePlan;
import dev.tablewright.core.schema.TableChangeRisk;
import dev.tablewright.core.schema.TableDesign;
import dev.tablewright.core.schema.TableSchema;
import dev.tablewright.core.schema.UnsupportedChangeException;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.collections.ListChangeListener;

/**
 * The table designer: a grid of fields for a new or an existing table, checked as the user types,
 * with a live preview of the statements Apply will run (or what the same design would run on
 * another dialect), the risks of the change for existing rows, and Apply. Also clears or deletes
 * the table and resets the database (each confirmed by typing its name), and exports the design
 * as a call file or fills it from one.
 */
public final class TableDesignerViewModel {
    private static final List<DialogService.FileFilter> CALL_FILES =
            List.of(new DialogService.FileFilter("Call files (YAML)", List.of("*.yaml", "*.yml")));

    private final Connector connector;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final String connectionDialect;

    private final StringProperty tableName = new SimpleStringProperty(this, "tableName", "");
    private final ReadOnlyBooleanWrapper newTable = new ReadOnlyBooleanWrapper(this, "newTable");
    private final ObservableList<DesignField> fields = FXCollections.observableArrayList(f -> f.observables().toArray(new Observable[0]));
    private final BooleanProperty trackHistory = new SimpleBooleanProperty(this, "trackHistory");
    private final StringProperty previewDialect = new SimpleStringProperty(this, "previewDialect");
    private final ObservableList<String> dialects = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper tableProblem = new ReadOnlyStringWrapper(this, "tableProblem", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper deleted = new ReadOnlyBooleanWrapper(this, "deleted");
    private final ReadOnlyLongWrapper rows = new ReadOnlyLongWrapper(this, "rows");
    private final ObservableList<TableChangeRisk> risks = FXCollections.observableArrayList();
    private final BooleanBinding automaticFields;
    private final BooleanBinding applicable;

    private TableSchema current;
    private boolean loading;
    private long planRequest;
    private int nextFieldNumber = 1;

    /**
     * @param table the table to open, or null to design a new one
     */
    public TableDesignerViewModel(Connector connector, String table, TaskExecutor tasks, DialogService dialogs) {
        this.connector = connector;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.connectionDialect = connector.dialect().name();
        dialects.setAll(Dialects.previewNames(connectionDialect));
        previewDialect.set(connectionDialect);
        newTable.set(table == null);
        tableName.set(table == null ? "" : table);
        automaticFields = Bindings.createBooleanBinding(() -> newTable.get() && fields.stream().noneMatch(f -> f.primaryKeyProperty().get()), fields, newTable);
        applicable = valid.and(changed).and(busy.not());
        fields.addListener((ListChangeListener<DesignField>) c -> designChanged());
        tableName.addListener((o, was, now) -> designChanged());
        trackHistory.addListener((o, was, now) -> designChanged());
        previewDialect.addListener((o, was, now) -> designChanged());
    }

    // --- loading ---

    /** Reads the table (for an existing one) and computes the first preview. */
    public void load() {
        if (newTable.get()) {
            designChanged();
            return;
        }
        String table = tableName.get();
        busy.set(true);
        tasks.execute(() -> new Object[]{connector.getTableSchema(table), connector.countRows(table, null)}, loaded -> {
            busy.set(false);
            show((TableSchema) loaded[0], (Long) loaded[1]);
        }, failure -> {
            busy.set(false);
            tableProblem.set(Failures.describe(failure));
        });
    }

    private void show(TableSchema schema, long rowCount) {
        current = schema;
        loading = true;
        try {
            rows.set(rowCount);
            List<DesignField> loaded = new ArrayList<>();
            schema.fields().forEach((name, spec) -> loaded.add(DesignField.of(name, name, spec.logical())));
            fields.setAll(loaded);
            trackHistory.set(schema.options().trackHistory());
        } finally {
            loading = false;
        }
        designChanged();
    }

    // --- editing ---

    /** Adds a new optional string field at the end, with a name not taken yet. */
    public DesignField addField() {
        String name;
        do {
            name = "field" + nextFieldNumber++;
        } while (hasName(name));
        DesignField f = DesignField.added(name, "string");
        fields.add(f);
        return f;
    }

    private boolean hasName(String name) {
        return fields.stream().anyMatch(f -> name.equalsIgnoreCase(f.nameProperty().get()));
    }

    public void removeField(DesignField field) {
        if (field != null && !field.auto()) {
            fields.remove(field);
        }
    }

    /** Moves a field to another place in the order (drag and drop in the grid). */
    public void moveField(DesignField field, int toIndex) {
        int from = fields.indexOf(field);
        if (from < 0 || toIndex < 0 || toIndex >= fields.size() || from == toIndex) {
            return;
        }
        // One change, not a remove and an add: the plan never sees the field dropped in between.
        List<DesignField> reordered = new ArrayList<>(fields);
        reordered.remove(from);
        reordered.add(toIndex, field);
        fields.setAll(reordered);
    }

    // --- validation and the preview ---

    private void designChanged() {
        if (loading) {
            return;
        }
        boolean locallyValid = validate();
        if (!locallyValid) {
            valid.set(false);
            preview.set("-- Fix the problems marked on the fields to see the statements.\n");
            summary.set("");
            return;
        }
        TableDesign design = design();
        String dialect = previewDialect.get();
        long request = ++planRequest;
        tasks.execute(() -> plan(design, dialect), result -> {
            if (request != planRequest) {
                return;
            }
            showPlan(result);
        }, failure -> {
            if (request != planRequest) {
                return;
            }
            showPlanFailure(failure);
        });
    }

    private record Planned(TableChangePlan plan, TableChangePlan here, List<TableChangeRisk> risks) {
    }

    private Planned plan(TableDesign design, String dialect) {
        TableChangePlan here = connector.planTableChange(design);
        TableChangePlan shown = dialect == null || dialect.equals(connectionDialect) ? here : connector.planTableChange(design, dialect);
        List<TableChangeRisk> found = design.existing() && !here.isEmpty() ? connector.checkTableChange(design) : List.of();
        return new Planned(shown, here, found);
    }

    private void showPlan(Planned result) {
        preview.set(result.plan().isEmpty() ? "-- No changes.\n" : result.plan().script());
        summary.set(String.join("\n", result.here().summary()));
        risks.setAll(result.risks());
        Map<String, String> riskByField = new HashMap<>();
        boolean blocked = false;
        for (TableChangeRisk r : result.risks()) {
            riskByField.merge(r.field(), r.message(), (a, b) -> a + " " + b);
            blocked |= r.blocking();
        }
        for (DesignField f : fields) {
            String r = riskByField.remove(f.nameProperty().get());
            if (r == null && f.original() != null) {
                r = riskByField.remove(f.original());
            }
            f.setRisk(r);
            if (r != null && result.risks().stream().anyMatch(x -> x.blocking() && (x.field().equals(f.nameProperty().get())
                    || x.field().equals(f.original())))) {
                f.setProblem(r);
            }
        }
        tableProblem.set(riskByField.isEmpty() ? "" : String.join(" ", riskByField.values()));
        changed.set(!result.here().isEmpty());
        valid.set(!blocked);
    }

    private void showPlanFailure(Throwable failure) {
        risks.clear();
        summary.set("");
        changed.set(false);
        valid.set(false);
        String text = Failures.describe(failure);
        preview.set("-- " + text.replace("\n", "\n-- ") + "\n");
        if (failure instanceof UnsupportedChangeException u && u.field() != null) {
            for (DesignField f : fields) {
                if (u.field().equals(f.nameProperty().get()) || u.field().equals(f.original())) {
                    f.setProblem(u.getMessage());
                    return;
                }
            }
        }
        tableProblem.set(text);
    }

    /** Checks what can be checked without the database; marks each problem on its field. */
    private boolean validate() {
        boolean ok = true;
        String name = tableName.get() == null ? "" : tableName.get().strip();
        String problem = "";
        if (newTable.get()) {
            if (name.isEmpty()) {
                problem = "Give the table a name.";
            } else {
                problem = nameProblem("table", name);
                if (problem.isEmpty() && InternalNames.isInternal(name)) {
                    problem = "Names beginning with __ are reserved for Tablewright's internal tables.";
                }
            }
        }
        if (problem.isEmpty() && fields.isEmpty()) {
            problem = "Add at least one field.";
        }
        tableProblem.set(problem);
        ok &= problem.isEmpty();
        Map<String, Integer> seen = new HashMap<>();
        for (DesignField f : fields) {
            seen.merge(f.nameProperty().get() == null ? "" : f.nameProperty().get().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        long pkCount = fields.stream().filter(f -> f.primaryKeyProperty().get()).count();
        for (DesignField f : fields) {
            String p = fieldProblem(f, seen, pkCount);
            f.setProblem(p);
            f.setRisk("");
            String fieldName = f.nameProperty().get();
            boolean named = fieldName != null && !fieldName.equals(f.original()) && p.isEmpty();
            f.setHint(named ? Names.styleWarning("field", fieldName).orElse("") : "");
            ok &= p.isEmpty();
        }
        return ok;
    }

    private String fieldProblem(DesignField f, Map<String, Integer> seen, long pkCount) {
        String name = f.nameProperty().get() == null ? "" : f.nameProperty().get();
        if (name.isBlank()) {
            return "A field needs a name.";
        }
        if (!name.equals(f.original())) {
            String bad = nameProblem("field", name);
            if (!bad.isEmpty()) {
                return bad;
            }
        }
        if (seen.getOrDefault(name.toLowerCase(Locale.ROOT), 0) > 1) {
            return "Another field is named '" + name + "' (names that differ only in case count as the same).";
        }
        FieldSpec spec;
        try {
            spec = f.spec();
        } catch (TablewrightException e) {
            return e.getMessage();
        }
        if (spec.autoIncrement() && (!f.autoIncrementApplies().get() || pkCount > 1)) {
            return "Auto-increment applies to a single integer primary key only.";
        }
        if ((spec.unique() || spec.primaryKey()) && spec.type().id().matches("text|json|jsonb|file")) {
            return "A " + spec.type().id() + " field cannot be " + (spec.primaryKey() ? "the primary key" : "unique") + "; use a string field.";
        }
        if (spec.defaultValue() != null && spec.type() == LogicalType.FILE) {
            return "A file field cannot have a default value.";
        }
        FieldSpec was = current == null || f.original() == null ? null : current.fields().get(f.original());
        boolean defaultChanged = was == null || !String.valueOf(was.logical().defaultValue()).equals(String.valueOf(spec.defaultValue()))
                || was.type() != spec.type();
        if (spec.defaultValue() != null && defaultChanged && !spec.defaultsToNow()) {
            try {
                Values.coerce(name, spec.type(), spec.defaultValue());
            } catch (TablewrightException e) {
                return "The default does not fit the type: " + e.getMessage();
            }
        }
        if (f.isNew() && !newTable.get() && !spec.allowNull() && spec.defaultValue() == null && rows.get() > 0) {
            return "The table has " + rows.get() + " rows, which would have no value: give a default value, or allow empty values.";
        }
        return "";
    }

    private static String nameProblem(String kind, String name) {
        try {
            Names.requireValidNew(kind, name);
            return "";
        } catch (TablewrightException e) {
            return e.getMessage();
        }
    }

    /** The design as the core takes it. */
    public TableDesign design() {
        List<TableDesign.Field> out = new ArrayList<>();
        for (DesignField f : fields) {
            out.add(new TableDesign.Field(f.nameProperty().get(), f.original(), f.spec()));
        }
        return new TableDesign(tableName.get() == null ? "" : tableName.get().strip(), !newTable.get(), out, trackHistory.get());
    }

    // --- applying ---

    /**
     * Applies the design: refused while invalid; a change that loses data is shown with its counts
     * and runs only when the user confirms it.
     */
    public void apply() {
        if (!applicable.get()) {
            return;
        }
        TableDesign design = design();
        busy.set(true);
        tasks.execute(() -> connector.checkTableChange(design), found -> {
            List<String> blocking = found.stream().filter(TableChangeRisk::blocking).map(TableChangeRisk::message).toList();
            if (!blocking.isEmpty()) {
                busy.set(false);
                status.set(String.join(" ", blocking));
                dialogs.showError("The change cannot be applied", "INVALID_ARGUMENT: " + String.join("\n", blocking));
                return;
            }
            List<String> losses = found.stream().map(TableChangeRisk::message).toList();
            if (!losses.isEmpty() && !dialogs.confirm("Apply changes to " + design.name(), "This change affects existing data",
                    String.join("\n", losses), "Apply anyway")) {
                busy.set(false);
                status.set("Not applied: the change was not confirmed.");
                return;
            }
            tasks.run("Changing table " + design.name(), context -> connector.applyTableChange(design, !losses.isEmpty()), schema -> {
                busy.set(false);
                List<String> done = schema.changes() == null ? List.of() : schema.changes();
                status.set("Applied: " + String.join(" ", done));
                loading = true;
                newTable.set(false);
                tableName.set(schema.name());
                loading = false;
                dialogs.showInformation("Table " + schema.name(), "The table was changed", String.join("\n", done));
                load();
            }, this::failed);
        }, this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        String text = Failures.describe(failure);
        status.set(text);
        dialogs.showError("The table was not changed", text);
    }


    // --- destructive actions, each confirmed by typing a name ---

    /** Deletes every row of the table, once the user has typed its name. */
    public void clearTable() {
        String table = tableName.get();
        if (newTable.get() || !dialogs.confirmByTyping("Clear table", "Every row of " + table + " (" + rows.get() + " rows) is deleted.", table,
                "Clear table")) {
            return;
        }
        busy.set(true);
        tasks.execute(() -> connector.clearTable(table), n -> {
            busy.set(false);
            status.set("Cleared " + table + ": " + n + " rows deleted.");
            load();
        }, this::failed);
    }

    /** Deletes the table (its history and junction tables with it), once the user has typed its name. */
    public void deleteTable() {
        String table = tableName.get();
        if (newTable.get() || !dialogs.confirmByTyping("Delete table", "The table " + table + " and its " + rows.get()
                + " rows are deleted, with its history.", table, "Delete table")) {
            return;
        }
        busy.set(true);
        tasks.execute(() -> connector.deleteTable(table), ok -> {
            busy.set(false);
            status.set("Deleted table " + table + ".");
            deleted.set(true);
        }, this::failed);
    }

    /** Drops every table, view and trigger of the database, once the user has typed its name. */
    public void resetDatabase() {
        String database = connector.databaseName();
        if (!dialogs.confirmByTyping("Reset database", "Every table, view and trigger of " + database + " is dropped; the database is empty afterwards.",
                database, "Reset database")) {
            return;
        }
        busy.set(true);
        tasks.execute(connector::reset, ok -> {
            busy.set(false);
            status.set("Reset database " + database + ".");
            deleted.set(!newTable.get());
        }, this::failed);
    }

    // --- call files ---

    /** The design as a call file: one {@code defineTable} step. */
    public String callFileText() {
        TableDesign design = design();
        return CallFileWriter.oneStep("defineTable", SchemaCallFile.defineTable(design.name(), design.specs(), design.trackHistory()));
    }

    /** Asks where, then writes {@link #callFileText()} there. */
    public void exportCallFile() {
        Optional<Path> target = dialogs.chooseFileToCreate("Export the design as a call file", tableName.get() + ".yaml", CALL_FILES);
        if (target.isEmpty()) {
            return;
        }
        String text = callFileText();
        tasks.execute(() -> Files.writeString(target.get(), text), path -> status.set("Exported the design to " + path + "."), this::failed);
    }

    /** Asks for a call file and fills a new table's design from its first {@code defineTable} step. */
    public void importCallFile() {
        if (!newTable.get()) {
            return;
        }
        Optional<Path> source = dialogs.chooseFileToOpen("Create a table from a call file", CALL_FILES);
        if (source.isEmpty()) {
            return;
        }
        tasks.execute(() -> Files.readString(source.get()), text -> {
            try {
                fillFrom(text);
                status.set("Read the design of " + tableName.get() + " from " + source.get().getFileName() + ".");
            } catch (RuntimeException e) {
                failed(e);
            }
        }, this::failed);
    }

    /** Fills a new table's design from a call file's first {@code defineTable} step. */
    public void fillFrom(String callFile) {
        Map<String, Object> args = CallFile.parse(callFile, false, null, CallFile.Functions.ANY).steps().stream()
                .filter(step -> step.function().equals("defineTable")).map(CallFile.Step::params).findFirst().orElse(null);
        if (args == null) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "The call file has no defineTable step.");
        }
        @SuppressWarnings("unchecked")
        Map<String, FieldSpec> specs = FieldSpecs.parseFields((Map<String, ?>) args.get("fields"));
        loading = true;
        try {
            tableName.set(String.valueOf(args.get("name")));
            List<DesignField> loaded = new ArrayList<>();
            specs.forEach((n, s) -> loaded.add(DesignField.of(n, null, s)));
            fields.setAll(loaded);
            trackHistory.set(args.get("options") instanceof Map<?, ?> o && Boolean.TRUE.equals(o.get("trackHistory")));
        } finally {
            loading = false;
        }
        designChanged();
    }

    // --- properties ---

    public StringProperty tableNameProperty() {
        return tableName;
    }

    /** True while the design is of a table that does not exist yet. */
    public ReadOnlyBooleanProperty newTableProperty() {
        return newTable.getReadOnlyProperty();
    }

    public ObservableList<DesignField> fields() {
        return fields;
    }

    public BooleanProperty trackHistoryProperty() {
        return trackHistory;
    }

    /** The dialect the preview shows: the connection's (what Apply runs) or another. */
    public StringProperty previewDialectProperty() {
        return previewDialect;
    }

    /** The connection's dialect first, then the others. */
    public ObservableList<String> dialects() {
        return dialects;
    }

    public String connectionDialect() {
        return connectionDialect;
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** A problem of the table as a whole (its name, a change not tied to one field); empty when none. */
    public ReadOnlyStringProperty tableProblemProperty() {
        return tableProblem.getReadOnlyProperty();
    }

    /** What Apply would do, in words, one change per line. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The outcome of the last action (applied, cleared, failed with its code). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** True when Apply would change something. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the table is gone (deleted, or the database reset): the shell closes the tab. */
    public ReadOnlyBooleanProperty deletedProperty() {
        return deleted.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** What the change would do to existing rows, as last computed. */
    public ObservableList<TableChangeRisk> risks() {
        return risks;
    }

    /** A new table without a primary key gets id, createdAt and updatedAt. */
    public BooleanBinding automaticFieldsBinding() {
        return automaticFields;
    }

    /** Apply's executable state: valid, something to change, nothing running. */
    public BooleanBinding applicableBinding() {
        return applicable;
    }
}
