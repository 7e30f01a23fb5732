package dev.tablewright.app.filter;

import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.filter.FilterValue;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.collections.FXCollections;

import java.util.List;
import java.util.Optional;

/**
 * The fields the builder offers, shared by every condition of the tree: the queried tables'
 * columns ({@code table.field} once there are several) and the paths their sampled JSON values
 * hold, each with its type.
 */
public final class FilterFields {
    private final ReadOnlyListWrapper<FieldChoice> fields = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> names = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> columns = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private boolean multiTable;

    void set(List<FieldChoice> all, boolean severalTables) {
        multiTable = severalTables;
        fields.setAll(all);
        names.setAll(all.stream().map(FieldChoice::name).toList());
        columns.setAll(all.stream().filter(f -> !f.jsonPath()).map(FieldChoice::name).toList());
    }

    public ReadOnlyListProperty<FieldChoice> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    /** The names a field box offers. */
    public ReadOnlyListProperty<String> namesProperty() {
        return names.getReadOnlyProperty();
    }

    /** The columns a join's value box offers ({@code table.field}). */
    public ReadOnlyListProperty<String> columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    public boolean multiTable() {
        return multiTable;
    }

    /** True when {@code name} is a column of a queried table (a value naming it is a join). */
    public boolean isColumn(String name) {
        return columns.contains(name);
    }

    /** The field a condition names; a JSON path the samples did not hold gets the type of the value compared with it. */
    public Optional<FieldChoice> fieldOf(String name, FilterValue value) {
        if (name == null) {
            return Optional.empty();
        }
        for (FieldChoice f : fields) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        for (FieldChoice f : fields) {
            if (!f.jsonPath() && f.type().isJson() && name.startsWith(f.name() + ".")) {
                Object v = value instanceof FilterValue.Items items && !items.values().isEmpty() ? items.values().get(0)
                        : value instanceof FilterValue.Literal l ? l.value() : null;
                return Optional.of(new FieldChoice(name, v instanceof Number ? LogicalType.NUMBER
                        : v instanceof Boolean ? LogicalType.BOOLEAN : v instanceof String ? LogicalType.STRING : null, true));
            }
        }
        return Optional.empty();
    }
}
