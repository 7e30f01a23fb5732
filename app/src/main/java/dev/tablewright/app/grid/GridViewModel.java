package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.RunningTask;
import dev.tablewright.app.task.TaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.Filter.Group;
import dev.tablewright.core.filter.Filter.Junction;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.filter.FilterValue;
import dev.tablewright.core.filter.Operator;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The data grid of one table: rows in pages, sorted and filtered by the database, edited through
 * the core API. The items list ({@link #rowsProperty()}) is as long as the table but holds only the
 * pages recently looked at; a new list replaces it when the order or filter changes.
 */
public final class GridViewModel {
    private static final DialogService.FileFilter CSV_FILES = new DialogService.FileFilter("CSV files", List.of("*.csv"));

    /** Rows per page: one screen is 30-60 rows, so a page covers a few screens of scrolling. */
    public static final int PAGE_SIZE = 200;
    /** Pages kept: 25 x 200 rows, whatever the table's size. */
    static final int MAX_PAGES = 25;
    /** Up to this many rows are counted exactly when a table opens; beyond, the count says "more than". */
    static final int COUNT_CAP = 5_000_000;

    private final Connector connector;
    private final String table;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final LabelFields labelFields;

    private final ReadOnlyObjectWrapper<TableSchema> schema = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ObservableList<GridRow>> rows = new ReadOnlyObjectWrapper<>(FXCollections.observableArrayList());
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(Filter.none());
    private final ReadOnlyObjectWrapper<List<SortKey>> sort = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyLongWrapper rowCount = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyBooleanWrapper rowCountExact = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper rowCountText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper focusIndex = new ReadOnlyIntegerWrapper(-1);
    private final ObservableList<RelatedLink> related = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call listens weakly and is collected with its listeners. */
    private final ObservableList<RelatedLink> relatedView = FXCollections.unmodifiableObservableList(related);
    /** The row whose children are being counted: a late answer for another row is dropped. */
    private Map<String, Object> relatedFor;
    private final Map<String, TableSchema> childSchemas = new ConcurrentHashMap<>();
    private Consumer<Object> rowHistory;
    private Consumer<Instant> timeTravel;

    private final PendingEdits pending = new PendingEdits();
    /** New rows taken over from another grid before this one showed its first rows; shown on top then. */
    private List<GridRow> carriedDrafts = List.of();
    /** Off (the default): edits wait for Save; on: each edit is written as it is made. */
    private final BooleanProperty writeAtOnce = new SimpleBooleanProperty();
    private RowWindow window;
    /** The foreign-key columns and their parents' label fields; replaced when a label field is chosen. */
    private ParentLabels parentLabels;
    private PagedRows current;
    private int pageSize = PAGE_SIZE;
    private int countCap = COUNT_CAP;

    public GridViewModel(Connector connector, String table, TaskExecutor executor, DialogService dialogs) {
        this(connector, table, executor, dialogs, LabelFields.forSession());
    }

    /** {@code labelFields}: which field labels each parent table's rows in foreign-key cells, remembered there. */
    public GridViewModel(Connector connector, String table, TaskExecutor executor, DialogService dialogs, LabelFields labelFields) {
        this.connector = connector;
        this.table = table;
        this.executor = executor;
        this.dialogs = dialogs;
        this.labelFields = labelFields;
        this.parentLabels = ParentLabels.none(connector);
        filter.addListener((obs, old, now) -> {
            if (schema.get() != null) {
                reload(-1);
            }
        });
    }

    /** Smaller pages and count cap, so tests see many pages and a capped count on small tables. */
    GridViewModel withPaging(int pageSize, int countCap) {
        this.pageSize = pageSize;
        this.countCap = countCap;
        return this;
    }

    public String table() {
        return table;
    }

    /**
     * Reads the schema and the first page in one go, so columns and rows reach the screen in the
     * same layout pass (not an empty grid first, then its rows); the count follows.
     */
    public void open() {
        loading.set(true);
        List<SortKey> order = sort.get();
        Filter where = filter.get();
        List<GridRow> drafts = current == null ? List.of() : current.draftRows();
        int size = pageSize;
        executor.execute(() -> {
            TableSchema s = connector.getTableSchema(table);
            ParentLabels labels = ParentLabels.of(connector, s, labelFields);
            RowWindow w = new RowWindow(connector, s, order, where, labels.readOption());
            return new Opened(s, labels, w, Slice.of(w.first(size), labels));
        }, opened -> {
            parentLabels = opened.labels();
            schema.set(opened.schema());
            editable.set(!opened.schema().primaryKey().isEmpty());
            if (sort.get() != order || filter.get() != where) {
                // The order or filter changed while the table was being read: read it in the new one.
                reload(-1);
                return;
            }
            window = opened.window();
            show(opened.window(), opened.first(), size, drafts, -1);
        }, this::failed);
    }

    private record Opened(TableSchema schema, ParentLabels labels, RowWindow window, Slice first) {
    }

    /** Rows read together with their parents' labels (brought by the page's own read, or one read per foreign-key column). */
    private record Slice(List<Map<String, Object>> rows, List<Map<String, ParentLabel>> labels) {
        static Slice of(List<Map<String, Object>> rows, ParentLabels labels) {
            return new Slice(rows, labels.of(rows));
        }
    }

    /**
     * Reads everything again in the current order and filter: the table's fields (one added in the
     * designer), new rows, rows others changed, parents renamed.
     */
    public void refresh() {
        parentLabels.forget();
        TableSchema known = schema.get();
        if (known == null) {
            open();
            return;
        }
        executor.execute(() -> connector.getTableSchema(table), now -> {
            if (now.equals(known)) {
                reload(-1);
            } else {
                open();
            }
        }, this::failed);
    }

    private void reload(int focus) {
        TableSchema s = schema.get();
        RowWindow w;
        try {
            w = new RowWindow(connector, s, sort.get(), filter.get(), parentLabels.readOption());
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        window = w;
        List<GridRow> drafts = current == null ? List.of() : current.draftRows();
        loading.set(true);
        int size = pageSize;
        ParentLabels labels = parentLabels;
        executor.execute(() -> Slice.of(w.first(size), labels), first -> {
            if (window == w) {
                show(w, first, size, drafts, focus);
            }
        }, this::failed);
    }

    /** Shows a new list that starts with {@code first} (the drafts on top) and asks for the count. */
    private void show(RowWindow w, Slice slice, int size, List<GridRow> drafts, int focus) {
        List<Map<String, Object>> first = slice.rows();
        boolean complete = first.size() < size;
        PagedRows list = new PagedRows(first.size(), size, MAX_PAGES, this::load);
        list.seed(first, slice.labels());
        for (int i = drafts.size() - 1; i >= 0; i--) {
            list.addDraft(drafts.get(i));
        }
        for (int i = carriedDrafts.size() - 1; i >= 0; i--) {
            list.addDraft(carriedDrafts.get(i));
        }
        carriedDrafts = List.of();
        current = list;
        reapplyPending();
        rows.set(list);
        loading.set(false);
        if (complete) {
            showCount(first.size(), true);
            focus(focus);
        } else {
            rowCountText.set("counting…");
            count(w, list, focus);
        }
    }

    private void count(RowWindow w, PagedRows list, int focus) {
        int cap = countCap;
        executor.execute(() -> connector.countRows(table, ReadOptions.filter(filterOrNull()).withLimit(cap + 1)), n -> {
            if (current != list) {
                return;
            }
            list.grow(n);
            showCount(n, n <= cap);
            focus(focus);
        }, this::failed);
    }

    /** Counts every row, however many: the figure the grid could only estimate when the table opened. */
    public RunningTask countExactly() {
        PagedRows list = current;
        return executor.run("Counting rows of " + table, context -> connector.countRows(table, ReadOptions.filter(filterOrNull())), n -> {
            if (current == list) {
                list.grow(n);
                showCount(n, true);
            }
        }, this::failed);
    }

    private void showCount(long n, boolean exact) {
        rowCount.set(n);
        rowCountExact.set(exact);
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.ROOT);
        f.setGroupingUsed(true);
        if (exact) {
            rowCountText.set(f.format(n) + (n == 1 ? " row" : " rows"));
        } else {
            rowCountText.set("more than " + f.format(n - 1) + " rows");
        }
    }

    private void focus(int index) {
        focusIndex.set(-1);
        if (index >= 0 && current != null && index < current.size()) {
            focusIndex.set(index);
        }
    }

    private Filter filterOrNull() {
        Filter f = filter.get();
        return f == null || f.isEmpty() ? null : f;
    }

    /**
     * Fetches one page: by keyset from a loaded neighbour where there is one, the last page by the
     * reversed order, else by OFFSET from the nearer end.
     */
    private void load(PagedRows list, PagedRows.Page page) {
        RowWindow w = window;
        long from = page.from();
        int length = page.rows.length;
        long total = list.total();
        PagedRows.Page previous = list.loadedPage(page.index - 1);
        PagedRows.Page next = list.loadedPage(page.index + 1);
        Map<String, Object> afterRow = previous == null ? null : previous.lastRow();
        Map<String, Object> beforeRow = next == null ? null : next.firstRow();
        ParentLabels labels = parentLabels;
        executor.execute(() -> {
            List<Map<String, Object>> values;
            if (from == 0) {
                values = w.first(length);
            } else if (afterRow != null) {
                values = w.after(afterRow, from - 1, length);
            } else if (beforeRow != null) {
                values = w.before(beforeRow, from + length, length);
            } else if (from + length >= total) {
                values = w.last(length);
            } else {
                values = w.at(from, length, total);
            }
            return Slice.of(values, labels);
        }, slice -> {
            // A page asked for before the order changed, or pushed out of the cache meanwhile, is dropped.
            if (list == current && page.isCurrent()) {
                page.fill(slice.rows(), slice.labels());
                reapplyPending();
            }
        }, this::failed);
    }

    // --- sorting and filtering ---

    /** A click on a column header: ascending, then descending, then unsorted. */
    public void sortBy(String field) {
        List<SortKey> now = sort.get();
        SortKey existing = now.isEmpty() ? null : now.get(0);
        List<SortKey> next;
        if (existing == null || !existing.field().equals(field)) {
            next = List.of(new SortKey(field, false));
        } else if (!existing.descending()) {
            next = List.of(new SortKey(field, true));
        } else {
            next = List.of();
        }
        sort(next);
    }

    public void sort(List<SortKey> keys) {
        sort.set(List.copyOf(keys));
        if (schema.get() != null) {
            reload(-1);
        }
    }

    public ReadOnlyObjectProperty<List<SortKey>> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    /** The filter; empty shows every row. Setting it reads the rows again. */
    public ObjectProperty<Filter> filterProperty() {
        return filter;
    }

    // --- foreign keys ---

    /** The table a foreign-key field points at; empty for any other field (and before the table is open). */
    public Optional<String> parentTable(String field) {
        return parentLabels.column(field).map(ParentLabels.Column::parentTable);
    }

    /** The parent's field whose value a foreign-key cell shows beside the key; empty when there is none. */
    public Optional<String> labelField(String field) {
        return parentLabels.column(field).map(ParentLabels.Column::labelField);
    }

    /** The parent's fields that could label a foreign-key field's cells. */
    public List<String> labelCandidates(String field) {
        return parentLabels.column(field).map(c -> LabelFields.candidates(c.parent())).orElse(List.of());
    }

    /**
     * Makes {@code labelField} the label of the parent's rows, remembered for that table (every grid
     * pointing at it uses it from now on), and reads the labels again.
     */
    public void chooseLabel(String field, String labelField) {
        ParentLabels.Column column = parentLabels.column(field).orElse(null);
        TableSchema s = schema.get();
        if (column == null || s == null) {
            return;
        }
        executor.execute(() -> {
            labelFields.choose(column.parentTable(), labelField);
            return ParentLabels.of(connector, s, labelFields);
        }, labels -> {
            parentLabels = labels;
            message.set(column.parentTable() + " rows are labelled by " + labelField + ".");
            reload(-1);
        }, this::failed);
    }

    /** A picker over the parent rows of a foreign-key field; empty for another field. Its first page is read at once. */
    public Optional<ParentPickerViewModel> picker(String field) {
        return parentLabels.column(field).map(c -> {
            ParentPickerViewModel picker = new ParentPickerViewModel(connector, executor, c);
            picker.reload();
            return picker;
        });
    }

    /**
     * Links a row to the parent picked: the key is saved as if typed, its label shown at once. A
     * refused link (the parent deleted meanwhile) keeps the key on the row with its error code.
     */
    public void pick(GridRow row, String field, ParentPickerViewModel.Choice choice) {
        row.label(field, ParentLabel.of(choice.key(), choice.label()));
        edit(row, field, choice.key());
    }

    /**
     * The foreign keys a new row cannot be saved without (NOT NULL, no default, not filled by the
     * database), in column order: the view asks for the parent of each before it adds the row.
     */
    public List<String> mandatoryParents() {
        TableSchema s = schema.get();
        if (s == null) {
            return List.of();
        }
        return s.fields().entrySet().stream().filter(e -> parentLabels.column(e.getKey()).isPresent() && !e.getValue().allowNull()
                && !e.getValue().auto() && !e.getValue().autoIncrement() && e.getValue().defaultValue() == null).map(Map.Entry::getKey).toList();
    }

    /** A new row on top of the grid with the parents picked for its mandatory links already in it, their labels shown. */
    public GridRow addRow(Map<String, ParentPickerViewModel.Choice> parents) {
        Map<String, Object> keys = new LinkedHashMap<>();
        parents.forEach((field, choice) -> keys.put(field, choice.key()));
        GridRow draft = GridRow.draft(keys);
        parents.forEach((field, choice) -> draft.label(field, ParentLabel.of(choice.key(), choice.label())));
        current.addDraft(draft);
        focus(0);
        return draft;
    }

    // --- relations ---

    /** Where a foreign-key cell leads: the parent table filtered to the row the key names; empty for a null key or another field. */
    public Optional<GridPlace> parentPlace(GridRow row, String field) {
        ParentLabels.Column c = parentLabels.column(field).orElse(null);
        Object key = row == null ? null : row.value(field);
        if (c == null || key == null) {
            return Optional.empty();
        }
        ParentLabel label = row.label(field);
        String caption = Names.singular(c.parentTable()) + " " + CellValues.display(null, key)
                + (label != null && label.text() != null ? " · " + label.text() : "");
        return Optional.of(new GridPlace(c.parentTable(), Condition.of(c.parentField(), Operator.EQ, FilterValue.of(key)), caption));
    }

    /**
     * The hops from {@code row}: to each parent its foreign keys name, and to the children of every
     * relation pointing at this table ("Tracks of this album (14)"). Parents are listed at once;
     * children are counted in the background, one {@code countRows} per relation.
     */
    public void loadRelated(GridRow row) {
        TableSchema s = schema.get();
        Map<String, Object> values = row == null ? null : row.storedProperty().get();
        if (s == null || values == null) {
            related.clear();
            return;
        }
        List<RelatedLink> parents = new ArrayList<>();
        for (String field : parentLabels.columns().keySet()) {
            parentPlace(row, field).ifPresent(p -> {
                ParentLabel l = row.label(field);
                boolean found = l == null || l.found();
                parents.add(new RelatedLink(field + " → " + p.caption() + (found ? "" : " (no such row)"), p, false, found ? 1 : 0));
            });
        }
        List<Map<String, Object>> children = s.relationships().stream().filter(r -> "hasMany".equals(r.get("type"))).toList();
        boolean linked = s.relationships().stream().anyMatch(r -> "manyToMany".equals(r.get("type")));
        String parentWord = Names.singular(table).toLowerCase(Locale.ROOT);
        related.setAll(parents);
        if (children.isEmpty() && !linked) {
            return;
        }
        relatedFor = values;
        executor.execute(() -> {
            Map<String, Long> tablesSeen = new HashMap<>();
            children.forEach(r -> tablesSeen.merge((String) r.get("table"), 1L, Long::sum));
            List<RelatedLink> out = new ArrayList<>();
            for (Map<String, Object> rel : children) {
                String child = (String) rel.get("table");
                String field = (String) rel.get("field");
                TableSchema childSchema = childSchemas.computeIfAbsent(child, connector::getTableSchema);
                FieldSpec key = childSchema == null ? null : childSchema.fields().get(field);
                if (key == null || key.references() == null || !values.containsKey(key.references().field())) {
                    continue;
                }
                Object id = values.get(key.references().field());
                Filter f = Condition.of(field, Operator.EQ, FilterValue.of(id));
                long n = id == null ? 0 : connector.countRows(child, ReadOptions.filter(f));
                String plural = Names.plural(child);
                String text = Character.toUpperCase(plural.charAt(0)) + plural.substring(1) + " of this " + parentWord
                        + (tablesSeen.get(child) > 1 ? " by " + field : "");
                String caption = plural + " of " + parentWord + " " + CellValues.display(null, id) + (tablesSeen.get(child) > 1 ? " by " + field : "");
                out.add(new RelatedLink(text + " (" + n + ")", new GridPlace(child, f, caption), true, n));
            }
            out.addAll(LinkedRowsViewModel.count(connector, s, values));
            return out;
        }, links -> {
            if (relatedFor == values) {
                List<RelatedLink> all = new ArrayList<>(parents);
                all.addAll(links);
                related.setAll(all);
            }
        }, this::failed);
    }

    /** The panel of the rows of {@code target} linked many-to-many to {@code row}; empty for a row not saved yet. */
    public Optional<LinkedRowsViewModel> linkedRows(GridRow row, String target) {
        TableSchema s = schema.get();
        return s == null || row == null ? Optional.empty() : LinkedRowsViewModel.of(connector, executor, labelFields, s, row.storedProperty().get(), target);
    }

    /** The hops {@link #loadRelated} found for the last row asked about. */
    public ObservableList<RelatedLink> related() {
        return relatedView;
    }

    // --- a row's history ---

    /** {@code open} shows one record's history, given its key; without it the grid offers none. */
    public void setRowHistory(Consumer<Object> open) {
        this.rowHistory = open;
    }

    /** Whether {@code row} has a history to show: a saved row of a table that keeps one. */
    public boolean hasHistory(GridRow row) {
        TableSchema s = schema.get();
        return rowHistory != null && row != null && !row.isDraft() && row.storedProperty().get() != null && s != null
                && s.options().trackHistory() && s.primaryKey().size() == 1;
    }

    /** {@code open} shows the table as it stood at a moment (time travel); without it the grid offers none. */
    public void setTimeTravel(Consumer<Instant> open) {
        this.timeTravel = open;
    }

    /** Whether the table keeps a history to travel back in. */
    public boolean canTimeTravel() {
        TableSchema s = schema.get();
        return timeTravel != null && s != null && s.options().trackHistory();
    }

    /** Opens the table as it stands now, read-only, to step back from change to change. */
    public void timeTravel() {
        if (canTimeTravel()) {
            timeTravel.accept(Instant.now());
        }
    }

    /** Opens the history of {@code row} ("History of this row"). */
    public void showHistory(GridRow row) {
        if (hasHistory(row)) {
            rowHistory.accept(row.storedProperty().get().get(schema.get().primaryKey().get(0)));
        }
    }

    /** Reads made for parents' labels alone since the table opened: none for a page, which brings its labels. */
    int labelReads() {
        return parentLabels.reads();
    }

    // --- editing ---

    /**
     * An edit of one cell. It waits, marked, for {@link #saveAll} (or {@link #revertAll}); with
     * {@link #writeAtOnceProperty} on it is written through {@code changeRow} at once. A new row
     * keeps its values until it is saved. Input is kept on the row until the database took it, so
     * a refused value can be corrected. Either way {@link #undo} takes it back.
     */
    public void edit(GridRow row, String field, Object input) {
        Map<String, Object> stored = row.storedProperty().get();
        if (row.isDraft() || stored == null || !editable.get()) {
            row.input(field, input);
            if (!row.isDraft()) {
                save(row);
            }
            return;
        }
        Object id = idOf(stored);
        boolean hadPending = row.hasPending(field);
        pending.remember(new PendingEdits.Edit(id, field, row.value(field), hadPending && !writeAtOnce.get()));
        row.input(field, input);
        if (writeAtOnce.get()) {
            save(row);
            return;
        }
        pending.put(id, field, input);
        message.set("");
    }

    /** Ctrl+S: writes every pending edit and every new row; what the database refuses stays pending, with its error. */
    public void saveAll() {
        if (current != null) {
            current.draftRows().forEach(this::saveDraft);
        }
        if (pending.isEmpty()) {
            return;
        }
        Map<Object, Map<String, Object>> toWrite = pending.all();
        List<Object> written = new ArrayList<>();
        executor.execute(() -> {
            for (Map.Entry<Object, Map<String, Object>> e : toWrite.entrySet()) {
                connector.changeRow(table, e.getKey(), e.getValue());
                synchronized (written) {
                    written.add(e.getKey());
                }
            }
            return written.size();
        }, done -> {
            written.forEach(pending::forget);
            message.set(done == 1 ? "Saved 1 row." : "Saved " + done + " rows.");
            reload(-1);
        }, failure -> {
            String why = Failures.describe(failure);
            synchronized (written) {
                written.forEach(pending::forget);
                toWrite.keySet().stream().filter(id -> !written.contains(id)).findFirst().ifPresent(id -> pending.refused(id, why));
            }
            message.set(why);
            reload(-1);
        });
    }

    /** Forgets every pending edit and new row: the grid shows the table as stored. */
    public void revertAll() {
        pending.clear();
        if (current != null) {
            current.draftRows().forEach(current::removeDraft);
            current.loadedRows().forEach(GridRow::discardInput);
        }
        message.set("");
    }

    /**
     * Ctrl+Z: takes back the newest edit. A pending one is simply forgotten (the cell shows what
     * it showed before); one already written is undone by writing the old value back.
     */
    public void undo() {
        PendingEdits.Edit edit = pending.takeLast();
        if (edit == null) {
            return;
        }
        if (pending.has(edit.id(), edit.field())) {
            if (edit.hadPending()) {
                pending.put(edit.id(), edit.field(), edit.before());
            } else {
                pending.remove(edit.id(), edit.field());
            }
            if (current != null) {
                current.loadedRows().stream().filter(row -> edit.id().equals(idOf(row.storedProperty().get()))).forEach(row -> {
                    row.forget(edit.field());
                    pending.of(edit.id()).forEach(row::input);
                });
            }
            message.set("Undid the edit of " + edit.field() + ".");
            return;
        }
        Map<String, Object> back = new HashMap<>();
        back.put(edit.field(), edit.before());
        executor.execute(() -> connector.changeRow(table, edit.id(), back), done -> {
            message.set("Undid the edit of " + edit.field() + ": its old value is written back.");
            reload(-1);
        }, this::failed);
    }

    /**
     * The table was renamed and this grid replaces {@code before}, which showed it under the old
     * name: the edits not saved there, their undo list and the new rows carry over, so a rename
     * loses nothing the user typed.
     */
    public void takeUnsavedFrom(GridViewModel before) {
        pending.takeOver(before.pending);
        List<GridRow> drafts = before.current == null ? List.of() : before.current.draftRows();
        if (current == null) {
            carriedDrafts = drafts;
            return;
        }
        for (int i = drafts.size() - 1; i >= 0; i--) {
            current.addDraft(drafts.get(i));
        }
        reapplyPending();
    }

    /** Puts the pending edits back on the rows read again (a reload, a page scrolled back to). */
    private void reapplyPending() {
        if (pending.isEmpty() || current == null) {
            return;
        }
        for (GridRow row : current.loadedRows()) {
            Object id = idOf(row.storedProperty().get());
            pending.of(id).forEach(row::input);
            if (pending.refusal(id) != null) {
                row.failed(pending.refusal(id));
            }
        }
    }

    /** Saves what the user typed on a row: {@code addRow} for a new one, {@code changeRow} otherwise. */
    public void save(GridRow row) {
        if (row.isDraft()) {
            saveDraft(row);
            return;
        }
        Map<String, Object> stored = row.storedProperty().get();
        if (stored == null || row.pending().isEmpty()) {
            return;
        }
        if (!editable.get()) {
            row.failed("INVALID_ARGUMENT: table '" + table + "' has no primary key, so its rows cannot be changed one by one here.");
            return;
        }
        Object id = idOf(stored);
        Map<String, Object> changes = row.pendingCopy();
        row.saving();
        ParentLabels labels = parentLabels;
        executor.execute(() -> Slice.of(List.of(connector.changeRow(table, id, changes)), labels), saved -> {
            row.saved(withoutFiles(saved.rows().get(0)), saved.labels().get(0));
            pending.forget(id);
            message.set("Saved.");
        }, failure -> rowFailed(row, failure));
    }

    /**
     * Forgets what was typed on a row (a new row disappears); the message about the row's failed
     * save goes with it, as the problem it described is gone.
     */
    public void discard(GridRow row) {
        if (!row.errorProperty().get().isEmpty() && row.errorProperty().get().equals(message.get())) {
            message.set("");
        }
        if (row.isDraft() && current != null) {
            current.removeDraft(row);
        } else {
            Map<String, Object> stored = row.storedProperty().get();
            if (stored != null && editable.get()) {
                pending.forget(idOf(stored));
            }
            row.discardInput();
        }
    }

    /** A new empty row on top of the grid, saved with {@link #save} once filled in. */
    public GridRow addRow() {
        GridRow draft = GridRow.draft(Map.of());
        current.addDraft(draft);
        focus(0);
        return draft;
    }

    /** A new row with the values of {@code row} (files included), without its key and automatic fields. */
    public void duplicate(GridRow row) {
        Map<String, Object> stored = row.isDraft() ? row.pendingCopy() : row.storedProperty().get();
        if (stored == null) {
            return;
        }
        TableSchema s = schema.get();
        Object id = row.isDraft() ? null : idOf(stored);
        boolean hasFiles = s.fields().values().stream().anyMatch(f -> f.type() == LogicalType.FILE);
        executor.execute(() -> id != null && hasFiles ? connector.findRow(table, ReadOptions.filter(idFilter(id))) : stored, full -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            s.fields().forEach((name, spec) -> {
                if (!spec.primaryKey() && !spec.auto() && full != null && full.containsKey(name)) {
                    copy.put(name, full.get(name));
                }
            });
            current.addDraft(GridRow.draft(copy));
            focus(0);
        }, this::failed);
    }

    private void saveDraft(GridRow draft) {
        Map<String, Object> values = draft.pendingCopy();
        RowWindow w = window;
        Filter f = filterOrNull();
        draft.saving();
        executor.execute(() -> {
            Map<String, Object> saved = connector.addRow(table, values);
            boolean shown = f == null || connector.countRows(table, ReadOptions.filter(f.and(idFilter(idOf(saved))))) > 0;
            return shown ? w.indexOf(saved) : -1L;
        }, index -> {
            current.removeDraft(draft);
            message.set(index < 0 ? "Row added; it does not match the filter, so it is not shown." : "Row added.");
            reload(index < 0 ? -1 : (int) (index + current.drafts()));
        }, failure -> rowFailed(draft, failure));
    }

    /** Deletes rows through {@code deleteRow}, after the user confirms; new rows are just dropped. */
    public void delete(List<GridRow> selected) {
        List<GridRow> saved = selected.stream().filter(r -> !r.isDraft() && r.isLoaded()).toList();
        selected.stream().filter(GridRow::isDraft).forEach(this::discard);
        if (saved.isEmpty()) {
            return;
        }
        String what = saved.size() == 1 ? "1 row" : saved.size() + " rows";
        if (!dialogs.confirm("Delete rows", "Delete " + what + " from " + table + "?",
                "The rows are deleted from the database at once. History, where the table keeps it, records who deleted them.",
                "Delete " + what)) {
            return;
        }
        List<Object> ids = saved.stream().map(r -> idOf(r.storedProperty().get())).toList();
        int firstIndex = current.indexOf(saved.get(0));
        executor.execute(() -> {
            int done = 0;
            for (Object id : ids) {
                connector.deleteRow(table, id);
                done++;
            }
            return done;
        }, done -> {
            message.set("Deleted " + (done == 1 ? "1 row." : done + " rows."));
            reload(Math.max(0, firstIndex));
        }, failure -> {
            message.set(Failures.describe(failure));
            reload(Math.max(0, firstIndex));
        });
    }

    private void rowFailed(GridRow row, Throwable failure) {
        String text = Failures.describe(failure);
        row.failed(text);
        message.set(text);
    }

    private Object idOf(Map<String, Object> row) {
        List<String> pk = schema.get().primaryKey();
        if (pk.size() == 1) {
            return row.get(pk.get(0));
        }
        Map<String, Object> id = new LinkedHashMap<>();
        pk.forEach(k -> id.put(k, row.get(k)));
        return id;
    }

    private Filter idFilter(Object id) {
        List<String> pk = schema.get().primaryKey();
        if (pk.size() == 1) {
            return Condition.of(pk.get(0), Operator.EQ, FilterValue.of(id));
        }
        List<Filter> all = new ArrayList<>();
        for (String k : pk) {
            all.add(Condition.of(k, Operator.EQ, FilterValue.of(((Map<?, ?>) id).get(k))));
        }
        return Group.of(Junction.AND, all);
    }

    private Map<String, Object> withoutFiles(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        schema.get().fields().forEach((name, spec) -> {
            if (spec.type() == LogicalType.FILE) {
                out.remove(name);
            }
        });
        return out;
    }

    // --- files ---

    /** Reads a file cell's bytes (pages leave files out), then hands them to {@code use}. */
    public void readFile(GridRow row, String field, Consumer<byte[]> use) {
        if (row.hasPending(field)) {
            use.accept((byte[]) row.pending().get(field));
            return;
        }
        Map<String, Object> stored = row.storedProperty().get();
        if (stored == null) {
            use.accept(null);
            return;
        }
        Object id = idOf(stored);
        executor.execute(() -> {
            Map<String, Object> found = connector.findRow(table, ReadOptions.builder().filter(idFilter(id)).fields(List.of(field)).autoJoin(false).build());
            return found == null ? null : (byte[]) found.get(field);
        }, use::accept, this::failed);
    }

    /** Asks for a file and stores its bytes in the cell. */
    public void attachFile(GridRow row, String field) {
        dialogs.chooseFileToOpen("Attach a file to " + field, List.of()).ifPresent(path -> executor.execute(
                () -> Files.readAllBytes(path), bytes -> edit(row, field, bytes), this::failed));
    }

    /** Asks where to save a file cell, and writes its bytes there. */
    public void saveFile(GridRow row, String field) {
        readFile(row, field, bytes -> {
            if (bytes == null) {
                message.set("The cell holds no file.");
                return;
            }
            dialogs.chooseFileToCreate("Save " + field, field + ".bin", List.of()).ifPresent(path -> executor.execute(() -> {
                Files.write(path, bytes);
                return path;
            }, p -> message.set("Saved " + bytes.length + " bytes to " + p + "."), this::failed));
        });
    }

    /** Shows a file cell as an image. */
    public void previewFile(GridRow row, String field) {
        readFile(row, field, bytes -> {
            if (bytes == null) {
                message.set("The cell holds no file.");
            } else {
                dialogs.showImage(field, bytes);
            }
        });
    }

    // --- copy, export, import ---

    /** The rows as text for the clipboard; rows still loading are left out. */
    public String copy(List<GridRow> selected, RowFormat format) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (GridRow r : selected) {
            if (r.isLoaded() || r.isDraft()) {
                Map<String, Object> v = new LinkedHashMap<>();
                for (String field : window.fields()) {
                    v.put(field, r.value(field));
                }
                values.add(v);
            }
        }
        return format.write(connector.dialect(), schema.get(), window.fields(), values);
    }

    /** Writes every row of the table (or only those the filter shows) to a file, in chunks. */
    public RunningTask export(Path file, RowFormat format, boolean onlyFiltered) {
        TableSchema s = schema.get();
        Filter f = onlyFiltered ? filterOrNull() : null;
        RowWindow w = new RowWindow(connector, s, onlyFiltered ? sort.get() : List.of(), f, true);
        return executor.run("Export " + table + " to " + file.getFileName(), context -> TableTransfer.export(connector, w, f, file, format, context),
                n -> message.set("Exported " + n + (n == 1 ? " row" : " rows") + " to " + file + "."),
                this::failed);
    }

    /**
     * Reads a CSV file into a table in chunks: an existing table through {@code addRows} (values in
     * its types), a new one through {@code autoAddRows} (types guessed from the first rows).
     */
    public RunningTask importCsv(Path file, String targetTable) {
        return executor.run("Import " + file.getFileName() + " into " + targetTable,
                context -> TableTransfer.importCsv(connector, targetTable, file, context),
                n -> {
                    message.set("Imported " + n + (n == 1 ? " row" : " rows") + " into " + targetTable + ".");
                    if (targetTable.equals(table)) {
                        refresh();
                    }
                },
                this::failed);
    }

    /** Asks where to write, then exports; nothing happens when the user cancels the file chooser. */
    public void exportToChosenFile(RowFormat format, boolean onlyFiltered) {
        String suffix = format == RowFormat.JSON ? ".json" : ".csv";
        dialogs.chooseFileToCreate("Export " + table, table + suffix, List.of()).ifPresent(file -> export(file, format, onlyFiltered));
    }

    /** Asks for a CSV file, then imports it into this table. */
    public void importCsvFromChosenFile() {
        dialogs.chooseFileToOpen("Import CSV into " + table, List.of(CSV_FILES)).ifPresent(file -> importCsv(file, table));
    }

    private void failed(Throwable failure) {
        loading.set(false);
        message.set(Failures.describe(failure));
    }


    // --- properties ---

    /** How many cells hold an edit not yet written (Save writes them, Revert forgets them). */
    public ReadOnlyIntegerProperty pendingCountProperty() {
        return pending.countProperty();
    }

    /** On: each edit is written as it is made, with no Save step. */
    public BooleanProperty writeAtOnceProperty() {
        return writeAtOnce;
    }

    public ReadOnlyObjectProperty<TableSchema> schemaProperty() {
        return schema.getReadOnlyProperty();
    }

    /** The field specs in column order; empty until the table is open. */
    public Map<String, FieldSpec> fields() {
        TableSchema s = schema.get();
        return s == null ? Map.of() : s.fields();
    }

    public ReadOnlyObjectProperty<ObservableList<GridRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** Rows the filter matches: exact when {@link #rowCountExactProperty()} is true, else a lower bound. */
    public ReadOnlyLongProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rowCountExactProperty() {
        return rowCountExact.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rowCountTextProperty() {
        return rowCountText.getReadOnlyProperty();
    }

    /** The last outcome worth a line under the grid: a failure as {@code CODE: message}, or what was done. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True when rows can be changed one by one (the table has a primary key). */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** A row the view should scroll to and select (a new or added row); -1 for none. */
    public ReadOnlyIntegerProperty focusIndexProperty() {
        return focusIndex.getReadOnlyProperty();
    }

    /** Pages held in memory now: bounded, whatever the table's size. */
    int cachedPages() {
        return current == null ? 0 : current.cachedPages();
    }
}
