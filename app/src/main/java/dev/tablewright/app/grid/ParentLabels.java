package dev.tablewright.app.grid;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.Values;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.FilterValue;
import dev.tablewright.core.filter.Operator;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The foreign-key columns of one table and the parents' labels for a page of its rows. A page
 * brings its labels with it: {@link #readOption()} is the core's {@code labels} option, so the
 * page's own query finds each row's parents by key (one statement, done by the database). Rows
 * read without it (a row just saved, a key just typed), and keys whose label came back null, are
 * labelled by a {@code key IN (…)} read per foreign-key column over their distinct keys not known
 * yet, never one per row. Runs off the FX thread.
 */
final class ParentLabels {
    /** Labels kept per foreign-key column: 50 pages of distinct keys, a few hundred kilobytes. */
    static final int KNOWN_PER_COLUMN = 10_000;

    /** A foreign-key column: its parent table and key, and the parent field that labels it (null: none). */
    record Column(String field, TableSchema parent, String parentField, String labelField) {
        String parentTable() {
            return parent.name();
        }
    }

    private final Connector connector;
    private final Map<String, Column> columns;
    /** Columns whose labels come with the page: all but one whose result key a field of the table already has. */
    private final Map<String, List<String>> joined;
    private final AtomicInteger reads = new AtomicInteger();
    /** Labels already read, by column: a page of keys seen before costs no read. Cleared by {@link #forget()}. */
    private final Map<String, Map<String, Optional<String>>> known = new HashMap<>();

    private ParentLabels(Connector connector, Map<String, Column> columns, Map<String, List<String>> joined) {
        this.connector = connector;
        this.columns = columns;
        this.joined = joined;
    }

    static ParentLabels none(Connector connector) {
        return new ParentLabels(connector, Map.of(), Map.of());
    }

    /** Reads each parent's schema once, for the label field to use. */
    static ParentLabels of(Connector connector, TableSchema schema, LabelFields labels) {
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, TableSchema> parents = new HashMap<>();
        for (Map.Entry<String, FieldSpec> e : schema.fields().entrySet()) {
            FieldSpec.Reference ref = e.getValue().references();
            if (ref == null) {
                continue;
            }
            TableSchema parent = ref.table().equals(schema.name()) ? schema
                    : parents.computeIfAbsent(ref.table(), connector::getTableSchema);
            if (parent == null || !parent.fields().containsKey(ref.field())) {
                continue;
            }
            String label = labels.of(parent).filter(l -> !l.equals(ref.field())).orElse(null);
            columns.put(e.getKey(), new Column(e.getKey(), parent, ref.field(), label));
        }
        Map<String, List<String>> joined = new LinkedHashMap<>();
        for (Column c : columns.values()) {
            // One field per parent, one probe per row: the label, or the parent's key where there is
            // no label (null: no such row). A null label is told from a missing parent afterwards.
            String read = c.labelField() == null ? c.parentField() : c.labelField();
            if (!schema.fields().containsKey(keyOf(c.field(), read))) {
                joined.put(c.field(), List.of(read));
            }
        }
        return new ParentLabels(connector, Map.copyOf(columns), Collections.unmodifiableMap(joined));
    }

    /** Where the core's {@code labels} option puts a parent's field in a row. */
    private static String keyOf(String foreignKey, String parentField) {
        return foreignKey + "." + parentField;
    }

    /** The core's {@code labels} option for a page read, so the page brings its labels; null when the table has no foreign key. */
    Map<String, List<String>> readOption() {
        return joined.isEmpty() ? null : joined;
    }

    Optional<Column> column(String field) {
        return Optional.ofNullable(columns.get(field));
    }

    Map<String, Column> columns() {
        return columns;
    }

    /** Forgets the labels read so far (the grid's Refresh): a parent renamed or deleted since is read anew. */
    synchronized void forget() {
        known.clear();
    }

    /** Reads for labels so far: what tests count to see one per column per page. */
    int reads() {
        return reads.get();
    }

    /**
     * The labels of {@code rows}, row by row, each a map from foreign-key field to its label. Labels
     * a page brought ({@link #readOption()}) are taken out of its rows, which are left with their
     * own fields only; the others are read.
     */
    List<Map<String, ParentLabel>> of(List<Map<String, Object>> rows) {
        List<Map<String, ParentLabel>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new HashMap<>());
        }
        if (rows.isEmpty()) {
            return out;
        }
        for (Column c : columns.values()) {
            if (joined.containsKey(c.field()) && rows.get(0).containsKey(keyOf(c.field(), joined.get(c.field()).get(0)))) {
                takeFromRows(c, rows, out);
                continue;
            }
            Map<String, String> found = lookup(c, rows.stream().map(r -> r.get(c.field())).toList());
            for (int i = 0; i < rows.size(); i++) {
                Object key = rows.get(i).get(c.field());
                if (key == null) {
                    continue;
                }
                String k = normal(key);
                out.get(i).put(c.field(), found.containsKey(k) ? ParentLabel.of(key, found.get(k)) : ParentLabel.missing(key));
            }
        }
        return out;
    }

    /**
     * The labels a page brought for column {@code c}, removed from its rows and remembered, so a key
     * typed later that a page showed costs no read. A key whose label came back null names no row or
     * a row with a null label: those few keys are told apart by one read ({@link #lookup}).
     */
    private void takeFromRows(Column c, List<Map<String, Object>> rows, List<Map<String, ParentLabel>> out) {
        String brought = keyOf(c.field(), joined.get(c.field()).get(0));
        Map<String, Optional<String>> seen = known(c.field());
        List<Object> unclear = new ArrayList<>();
        Object[] labels = new Object[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            labels[i] = row.remove(brought);
            Object key = row.get(c.field());
            if (key == null) {
                continue;
            }
            if (labels[i] == null && c.labelField() == null) {
                // The parent's key itself came back null: no such row.
                out.get(i).put(c.field(), ParentLabel.missing(key));
                synchronized (this) {
                    seen.put(normal(key), Optional.empty());
                }
                continue;
            }
            if (labels[i] == null) {
                unclear.add(key);
                continue;
            }
            String text = c.labelField() == null ? null : CellValues.display(null, labels[i]);
            out.get(i).put(c.field(), ParentLabel.of(key, text));
            synchronized (this) {
                seen.put(normal(key), Optional.of(text == null ? "" : text));
            }
        }
        if (unclear.isEmpty()) {
            return;
        }
        Map<String, String> found = lookup(c, unclear);
        for (int i = 0; i < rows.size(); i++) {
            Object key = rows.get(i).get(c.field());
            if (key != null && labels[i] == null && c.labelField() != null) {
                String k = normal(key);
                out.get(i).put(c.field(), found.containsKey(k) ? ParentLabel.of(key, found.get(k)) : ParentLabel.missing(key));
            }
        }
    }

    /** The label of one key, for a value just typed or picked; a key of no parent row is {@link ParentLabel#found() missing}. */
    ParentLabel of(String field, Object key) {
        Column c = columns.get(field);
        if (c == null || key == null) {
            return null;
        }
        String k = normal(key);
        Map<String, String> found = lookup(c, List.of(key));
        return found.containsKey(k) ? ParentLabel.of(key, found.get(k)) : ParentLabel.missing(key);
    }

    /**
     * Parent key (normalized) → label, for the distinct keys among {@code keys}: those not known yet
     * in one read, the others from what earlier pages read.
     */
    private Map<String, String> lookup(Column c, List<Object> keys) {
        FieldSpec keySpec = c.parent().fields().get(c.parentField());
        Map<String, Optional<String>> seen = known(c.field());
        Map<String, String> found = new HashMap<>();
        Set<Object> distinct = new LinkedHashSet<>();
        Set<String> asked = new LinkedHashSet<>();
        for (Object key : keys) {
            if (key == null) {
                continue;
            }
            String k = normal(key);
            Optional<String> before;
            synchronized (this) {
                before = seen.get(k);
            }
            if (before != null) {
                if (before.isPresent()) {
                    found.put(k, before.get().isEmpty() ? null : before.get());
                }
                continue;
            }
            try {
                distinct.add(Values.coerce(c.parentField(), keySpec.type(), key));
                asked.add(k);
            } catch (RuntimeException notAKeyOfThatType) {
                // A value the parent's key could never hold (SQLite keeps what it is given): it points nowhere.
            }
        }
        if (distinct.isEmpty()) {
            return found;
        }
        Map<String, String> read = new HashMap<>();
        List<String> fields = c.labelField() == null ? List.of(c.parentField()) : List.of(c.parentField(), c.labelField());
        reads.incrementAndGet();
        List<Map<String, Object>> parents = connector.getTableData(c.parentTable(), ReadOptions.builder()
                .filter(Condition.of(c.parentField(), Operator.IN, FilterValue.of(new ArrayList<>(distinct))))
                .fields(fields).autoJoin(false).build());
        for (Map<String, Object> p : parents) {
            Object label = c.labelField() == null ? null : p.get(c.labelField());
            read.putIfAbsent(normal(p.get(c.parentField())), label == null ? null : CellValues.display(null, label));
        }
        synchronized (this) {
            for (String k : asked) {
                // A key of no row is remembered as such too; "" stands for a parent whose label is null.
                seen.put(k, read.containsKey(k) ? Optional.of(read.get(k) == null ? "" : read.get(k)) : Optional.empty());
            }
        }
        found.putAll(read);
        return found;
    }

    /** The labels known for one column, the least recently used dropped past {@value #KNOWN_PER_COLUMN}. */
    private synchronized Map<String, Optional<String>> known(String field) {
        return known.computeIfAbsent(field, f -> new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
                return size() > KNOWN_PER_COLUMN;
            }
        });
    }

    /** Keys compared as text, so 217 (a long) and 217 (an int, or "217" from a SQLite text column) meet. */
    static String normal(Object key) {
        if (key instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return n.toString();
            }
        }
        return String.valueOf(key);
    }
}
