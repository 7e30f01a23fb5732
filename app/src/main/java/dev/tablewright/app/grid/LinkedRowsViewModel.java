package dev.tablewright.app.grid;

import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.TableSchema;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of another table linked to one row through a many-to-many relationship (a post's tags):
 * listed with their labels in label order, read a page at a time in the database
 * ({@code getLinkedRows}); linked through the parent picker ({@code associateRow}) and unlinked
 * ({@code dissociateRow}). A refusal shows its code and changes nothing.
 */
public final class LinkedRowsViewModel {
    /** Rows per read, as the picker's. */
    static final int PAGE = ParentPickerViewModel.PAGE;

    private final Connector connector;
    private final TaskExecutor executor;
    private final LabelFields labelFields;
    private final String sourceTable;
    private final Object sourceId;
    private final String sourceCaption;
    private final String targetTable;
    private final int pageSize;
    private final ObservableList<ParentPickerViewModel.Choice> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    /** The linked table as a "parent" of the row: its key and label field, for reading and for the picker. */
    private ParentLabels.Column target;
    /** Bumped by every reload: a late page of an older one is dropped. */
    private int generation;

    /** {@code sourceCaption}: how the row is named in the panel's title ("post “Hello”", or "post 3" without a label). */
    LinkedRowsViewModel(Connector connector, TaskExecutor executor, LabelFields labelFields, String sourceTable, Object sourceId,
                        String sourceCaption, String targetTable) {
        this(connector, executor, labelFields, sourceTable, sourceId, sourceCaption, targetTable, PAGE);
    }

    LinkedRowsViewModel(Connector connector, TaskExecutor executor, LabelFields labelFields, String sourceTable, Object sourceId,
                        String sourceCaption, String targetTable, int pageSize) {
        this.connector = connector;
        this.executor = executor;
        this.labelFields = labelFields;
        this.sourceTable = sourceTable;
        this.sourceId = sourceId;
        this.sourceCaption = sourceCaption;
        this.targetTable = targetTable;
        this.pageSize = pageSize;
        title.set(sourceCaption);
    }

    /**
     * The panel of {@code target} rows linked to the row {@code values} of {@code source}; empty
     * when the row has no single key to link by (a new row, a table keyed by several fields).
     */
    static Optional<LinkedRowsViewModel> of(Connector connector, TaskExecutor executor, LabelFields labelFields, TableSchema source,
                                            Map<String, Object> values, String target) {
        Object id = idOf(source, values);
        if (id == null) {
            return Optional.empty();
        }
        // A row is named by its label where it has one: a key such as a UUID says nothing to a reader.
        Object label = labelFields.of(source).map(values::get).orElse(null);
        String caption = label == null ? Names.singular(source.name()) + " " + CellValues.display(null, id)
                : Names.singular(source.name()) + " “" + CellValues.display(null, label) + "”";
        return Optional.of(new LinkedRowsViewModel(connector, executor, labelFields, source.name(), id, caption, target));
    }

    /**
     * The Related menu's entries for the many-to-many relationships of {@code source}: "Linked tags
     * (3)", one {@code countLinkedRows} each. Runs off the FX thread.
     */
    static List<RelatedLink> count(Connector connector, TableSchema source, Map<String, Object> values) {
        Object id = idOf(source, values);
        List<RelatedLink> out = new ArrayList<>();
        for (Map<String, Object> rel : source.relationships()) {
            if (id != null && "manyToMany".equals(rel.get("type"))) {
                String other = (String) rel.get("table");
                long n = connector.countLinkedRows(source.name(), id, other, null);
                out.add(new RelatedLink("Linked " + other + " (" + n + ")", null, false, n, other));
            }
        }
        return out;
    }

    private static Object idOf(TableSchema source, Map<String, Object> values) {
        return values == null || source.primaryKey().size() != 1 ? null : values.get(source.primaryKey().get(0));
    }

    /** Reads the linked table's schema (its key and label field), then the count and the first page. */
    public void open() {
        loading.set(true);
        executor.execute(() -> {
            TableSchema schema = connector.getTableSchema(targetTable);
            if (schema.primaryKey().size() != 1) {
                throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "'" + targetTable + "' has no single-field primary key to link by.");
            }
            String key = schema.primaryKey().get(0);
            String label = labelFields.of(schema).filter(l -> !l.equals(key)).orElse(null);
            return new ParentLabels.Column(targetTable, schema, key, label);
        }, column -> {
            target = column;
            ready.set(true);
            reload();
        }, this::failed);
    }

    /** Reads the count and the first page again (after a link or unlink, here or elsewhere). */
    public void reload() {
        if (target == null) {
            return;
        }
        generation++;
        rows.clear();
        more.set(false);
        int asked = generation;
        executor.execute(() -> connector.countLinkedRows(sourceTable, sourceId, targetTable, null), n -> {
            if (asked == generation) {
                count.set(n);
                title.set(sourceCaption + " · " + n + " linked");
            }
        }, this::failed);
        read(0, asked);
    }

    /** Reads the next page, when {@link #moreProperty()} says there is one. */
    public void loadMore() {
        if (more.get() && !loading.get()) {
            read(rows.size(), generation);
        }
    }

    private void read(int offset, int asked) {
        ParentLabels.Column c = target;
        List<String> fields = c.labelField() == null ? List.of(c.parentField()) : List.of(c.parentField(), c.labelField());
        List<Object> order = new ArrayList<>();
        if (c.labelField() != null) {
            order.add(List.of(c.labelField(), "ASC"));
        }
        order.add(List.of(c.parentField(), "ASC"));
        int limit = pageSize;
        loading.set(true);
        executor.execute(() -> connector.getLinkedRows(sourceTable, sourceId, targetTable, ReadOptions.builder().fields(fields).order(order)
                .limit(limit + 1).offset(offset == 0 ? null : offset).autoJoin(false).build()), page -> {
            if (asked != generation) {
                return;
            }
            loading.set(false);
            List<ParentPickerViewModel.Choice> shown = new ArrayList<>();
            for (Map<String, Object> r : page.subList(0, Math.min(limit, page.size()))) {
                Object l = c.labelField() == null ? null : r.get(c.labelField());
                shown.add(new ParentPickerViewModel.Choice(r.get(c.parentField()), l == null ? null : CellValues.display(null, l)));
            }
            rows.addAll(shown);
            more.set(page.size() > limit);
        }, this::failed);
    }

    /** A picker over the linked table's rows, to link one more; empty until the panel is open. Its first page is read at once. */
    public Optional<ParentPickerViewModel> picker() {
        if (target == null) {
            return Optional.empty();
        }
        ParentPickerViewModel picker = new ParentPickerViewModel(connector, executor, target);
        picker.reload();
        return Optional.of(picker);
    }

    /** Links the row picked ({@code associateRow}); one already linked is not linked twice. */
    public void link(ParentPickerViewModel.Choice choice) {
        String what = name(choice);
        executor.execute(() -> connector.associateRow(sourceTable, sourceId, targetTable, choice.key()), n -> {
            message.set(n == 0 ? what + " was linked already." : "Linked " + what + ".");
            reload();
        }, this::failed);
    }

    /** Unlinks the rows ({@code dissociateRow}): the rows themselves stay, only the links go. */
    public void unlink(List<ParentPickerViewModel.Choice> chosen) {
        if (chosen.isEmpty()) {
            return;
        }
        List<Object> keys = chosen.stream().map(ParentPickerViewModel.Choice::key).toList();
        String what = chosen.size() == 1 ? name(chosen.get(0)) : chosen.size() + " " + targetTable + " rows";
        executor.execute(() -> connector.dissociateRow(sourceTable, sourceId, targetTable, keys), n -> {
            message.set(n == 0 ? what + " was not linked any more." : "Unlinked " + what + ".");
            reload();
        }, this::failed);
    }

    private static String name(ParentPickerViewModel.Choice choice) {
        return choice.label() == null ? CellValues.display(null, choice.key()) : choice.label();
    }

    private void failed(Throwable failure) {
        loading.set(false);
        message.set(Failures.describe(failure));
    }

    /** The linked rows listed so far, in label order: key and label. */
    public ObservableList<ParentPickerViewModel.Choice> rows() {
        return rows;
    }

    /** How many rows are linked; -1 until counted. */
    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** The row whose links these are, and how many: "post “Hello” · 5 linked". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the last link or unlink did, or its refusal as {@code CODE: message}. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when more rows are linked than are listed. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True once the linked table's key is known: Link… can open its picker. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public String targetTable() {
        return targetTable;
    }
}
