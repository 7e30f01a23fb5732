package dev.tablewright.app.filter;

import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.filter.Filter.Condition;
import dev.tablewright.core.filter.FilterValue;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition of the tree, {@code [field, operator, value]}: its field, operator and value as
 * properties the row's controls bind to, the operators and the value editor that fit its field's
 * type, and the edits that keep the value fitting the operator (one value into a list and back).
 * The operator keeps its spelling ({@code eq}, {@code IS}) while it means the same.
 */
public final class ConditionNodeViewModel extends FilterNodeViewModel {
    private final StringProperty field = new SimpleStringProperty();
    private final ObjectProperty<OperatorChoice> operator = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<FilterValue> value = new ReadOnlyObjectWrapper<>(FilterValue.of(""));
    private final ObservableList<OperatorChoice> operators = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ValueEditor> editor = new ReadOnlyObjectWrapper<>(ValueEditor.TEXT);
    private final ReadOnlyBooleanWrapper offersCurrentUser = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper fieldDescription = new ReadOnlyStringWrapper("");
    private String spelling = "=";
    private boolean adapting;

    /** A condition still to be filled in: no field yet. */
    ConditionNodeViewModel(FilterTreeViewModel tree) {
        super(tree);
        operator.set(OperatorChoice.EQUALS);
        listen();
        refresh();
    }

    ConditionNodeViewModel(FilterTreeViewModel tree, Condition c) {
        super(tree);
        field.set(c.field());
        spelling = c.spelling();
        value.set(c.value());
        operator.set(OperatorChoice.of(c.operator(), c.value() instanceof FilterValue.Null ? null : ""));
        listen();
        refresh();
    }

    private void listen() {
        field.addListener((obs, old, now) -> {
            if (!adapting) {
                fieldChanged(old, now);
            }
        });
        operator.addListener((obs, old, now) -> {
            if (!adapting && now != null && now != old) {
                operatorChanged(now);
            }
        });
    }

    @Override
    Filter toFilter() {
        if (!isComplete()) {
            return null;
        }
        try {
            return new Condition(field.get(), operator.get().operator(), spelling, value.get());
        } catch (IllegalArgumentException unfinished) {
            // A range with an end still empty: left out of the array until it has both.
            return null;
        }
    }

    /** Named a field: part of the array. */
    public boolean isComplete() {
        return field.get() != null && !field.get().isBlank() && operator.get() != null;
    }

    /** The field ({@code price}, {@code products.price}, {@code specs.color}); choosing another type of field resets the operator and value to ones that fit. */
    public StringProperty fieldProperty() {
        return field;
    }

    /** The operator as the builder offers it; choosing one carries the value over where it fits. */
    public ObjectProperty<OperatorChoice> operatorProperty() {
        return operator;
    }

    /** The value; edited through {@link #setValueText}, {@link #setValue}, {@link #addListValue}. */
    public ReadOnlyObjectProperty<FilterValue> valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** The operators that fit the field's type, with the condition's own even where it does not fit. */
    public ObservableList<OperatorChoice> operators() {
        return operators;
    }

    /** The editor the value gets: from the field's type and the operator. */
    public ReadOnlyObjectProperty<ValueEditor> editorProperty() {
        return editor.getReadOnlyProperty();
    }

    /** True where a text value fits, so {@code $USER} (the current user) is offered as one. */
    public ReadOnlyBooleanProperty offersCurrentUserProperty() {
        return offersCurrentUser.getReadOnlyProperty();
    }

    /** {@code price: number}, for the field box's tooltip; empty for a field the builder does not know. */
    public ReadOnlyStringProperty fieldDescriptionProperty() {
        return fieldDescription.getReadOnlyProperty();
    }

    private Optional<FieldChoice> fieldChoice() {
        return tree.fields().fieldOf(field.get(), value.get());
    }

    private LogicalType type() {
        return fieldChoice().map(FieldChoice::type).orElse(null);
    }

    /** Works out the operators, editor and offers again: the field, its type or the known fields changed. */
    void refresh() {
        List<OperatorChoice> offered = new ArrayList<>(OperatorChoice.forType(type()));
        if (operator.get() != null && !offered.contains(operator.get())) {
            offered.add(operator.get());
        }
        if (!offered.equals(operators)) {
            adapting = true;
            try {
                operators.setAll(offered);
            } finally {
                adapting = false;
            }
        }
        editor.set(editorKind());
        offersCurrentUser.set((type() == null || type().isTextual()) && editor.get() != ValueEditor.NONE && editor.get() != ValueEditor.COLUMN);
        fieldDescription.set(fieldChoice().map(f -> f.name() + ": " + (f.type() == null ? "mixed" : f.type().id())).orElse(""));
    }

    private ValueEditor editorKind() {
        OperatorChoice op = operator.get() == null ? OperatorChoice.EQUALS : operator.get();
        if (op.isNullCheck()) {
            return ValueEditor.NONE;
        }
        if (op == OperatorChoice.BETWEEN || op == OperatorChoice.NOT_BETWEEN) {
            return ValueEditor.RANGE;
        }
        if (op == OperatorChoice.IN || op == OperatorChoice.NOT_IN) {
            return ValueEditor.CHIPS;
        }
        if (value.get() instanceof FilterValue.Column) {
            return ValueEditor.COLUMN;
        }
        LogicalType type = type();
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
    public ValueEditor itemEditor() {
        LogicalType type = type();
        if (type == LogicalType.INTEGER || type == LogicalType.NUMBER) {
            return ValueEditor.NUMBER;
        }
        return type == LogicalType.DATE ? ValueEditor.DATE : ValueEditor.TEXT;
    }

    private void fieldChanged(String old, String now) {
        LogicalType before = tree.fields().fieldOf(old, value.get()).map(FieldChoice::type).orElse(null);
        LogicalType after = type();
        List<OperatorChoice> offered = OperatorChoice.forType(after);
        OperatorChoice op = operator.get();
        if (old == null || op == null || !offered.contains(op) || before != after && !(value.get() instanceof FilterValue.Null)) {
            OperatorChoice first = offered.get(0);
            adapting = true;
            try {
                operator.set(first);
            } finally {
                adapting = false;
            }
            spelling = first.operator().symbol();
            value.set(first.isNullCheck() ? FilterValue.NULL : single(defaultValue(after)));
        }
        refresh();
        tree.edited(true);
    }

    private void operatorChanged(OperatorChoice choice) {
        FilterValue v = value.get();
        List<Object> items = v instanceof FilterValue.Items l ? l.values() : null;
        Object one = v instanceof FilterValue.Literal l ? l.value() : v instanceof FilterValue.Column c ? c.name() : null;
        LogicalType type = type();
        FilterValue next;
        if (choice.isNullCheck()) {
            next = FilterValue.NULL;
        } else if (choice == OperatorChoice.BETWEEN || choice == OperatorChoice.NOT_BETWEEN) {
            List<Object> range = new ArrayList<>();
            if (items != null) {
                items.stream().filter(Objects::nonNull).limit(2).forEach(range::add);
            } else if (one != null) {
                range.add(one);
            }
            while (range.size() < 2) {
                range.add(range.isEmpty() ? defaultValue(type) : range.get(0));
            }
            next = new FilterValue.Items(range);
        } else if (choice == OperatorChoice.IN || choice == OperatorChoice.NOT_IN) {
            next = new FilterValue.Items(items != null ? items : one == null ? List.of() : List.of(one));
        } else if (items != null) {
            next = single(items.isEmpty() || items.get(0) == null ? defaultValue(type) : items.get(0));
        } else {
            next = v instanceof FilterValue.Null ? single(defaultValue(type)) : v;
        }
        spelling = choice.operator().symbol();
        value.set(next);
        refresh();
        tree.edited(true);
    }

    private static FilterValue single(Object v) {
        return v == null ? FilterValue.NULL : FilterValue.of(v);
    }

    /** The text an editor shows for the value (index &lt; 0), or for item {@code index} of a list value. */
    public String valueText(int index) {
        FilterValue v = value.get();
        Object shown;
        if (index >= 0) {
            shown = v instanceof FilterValue.Items l && index < l.values().size() ? l.values().get(index) : null;
        } else {
            shown = v.toArrayValue();
        }
        return shown == null ? "" : shown instanceof List<?> ? Json.write(shown) : String.valueOf(shown);
    }

    /** Sets the value (index &lt; 0) or item {@code index} of a list value from what was typed, read in the field's type. */
    public void setValueText(int index, String text) {
        setValue(index, parse(type(), text));
    }

    /** Sets the value (index &lt; 0) or item {@code index} of a list value. */
    public void setValue(int index, Object newValue) {
        if (index < 0) {
            value.set(single(newValue));
        } else {
            List<Object> list = value.get() instanceof FilterValue.Items l ? new ArrayList<>(l.values()) : new ArrayList<>();
            while (list.size() <= index) {
                list.add(defaultValue(type()));
            }
            list.set(index, newValue == null ? defaultValue(type()) : newValue);
            value.set(new FilterValue.Items(list));
        }
        tree.edited(false);
    }

    /** Compares the field with another queried table's column {@code table.field} (a join). */
    public void setColumn(String column) {
        value.set(FilterValue.Column.parse(column).filter(c -> tree.fields().isColumn(column)).map(c -> (FilterValue) c)
                .orElse(single(column)));
        refresh();
        tree.edited(false);
    }

    /** Adds a chip to an {@code in} / {@code notin} list. */
    public void addListValue(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        List<Object> list = value.get() instanceof FilterValue.Items l ? new ArrayList<>(l.values()) : new ArrayList<>();
        list.add(parse(type(), text.trim()));
        value.set(new FilterValue.Items(list));
        tree.edited(false);
    }

    public void removeListValue(int index) {
        if (value.get() instanceof FilterValue.Items l && index < l.values().size()) {
            List<Object> list = new ArrayList<>(l.values());
            list.remove(index);
            value.set(new FilterValue.Items(list));
            tree.edited(false);
        }
    }

    /** Renames the field without adapting the operator or value (the tables queried changed, not the field). */
    void rename(String newName) {
        adapting = true;
        try {
            field.set(newName);
        } finally {
            adapting = false;
        }
    }

    /** What was typed, as the value of a field of {@code type}: numbers for numbers, true/false for booleans, else the text. */
    static Object parse(LogicalType type, String text) {
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
}
