package dev.tablewright.app.designer;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.schema.FieldSpec;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.Locale;

/**
 * One row of the designer's field grid: what the user edits (name, type, flags, default) and what
 * the ViewModel says about it (its problem, its risk). Linked to the existing column it came from,
 * so that a new name is a rename.
 */
public final class DesignField {
    /** The contract's eleven type names, as the type column offers them. */
    public static final List<String> TYPES = List.of("string", "text", "integer", "number", "boolean", "date", "json", "jsonb", "file",
            "uniquestring", "uniqueinteger");

    private final String original;
    private final boolean auto;
    private final FieldSpec.Reference references;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty type = new SimpleStringProperty(this, "type", "string");
    private final BooleanProperty primaryKey = new SimpleBooleanProperty(this, "primaryKey");
    private final BooleanProperty unique = new SimpleBooleanProperty(this, "unique");
    private final BooleanProperty allowNull = new SimpleBooleanProperty(this, "allowNull", true);
    private final StringProperty defaultValue = new SimpleStringProperty(this, "defaultValue", "");
    private final BooleanProperty autoIncrement = new SimpleBooleanProperty(this, "autoIncrement");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper risk = new ReadOnlyStringWrapper(this, "risk", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final BooleanBinding autoIncrementApplies;
    private final BooleanBinding uniqueByType;

    private DesignField(String original, boolean auto, FieldSpec.Reference references) {
        this.original = original;
        this.auto = auto;
        this.references = references;
        autoIncrementApplies = Bindings.createBooleanBinding(() -> "integer".equals(type.get()) && primaryKey.get(), type, primaryKey);
        uniqueByType = Bindings.createBooleanBinding(() -> type.get() != null && type.get().startsWith("unique"), type);
        autoIncrementApplies.addListener((o, was, now) -> {
            if (!now) {
                autoIncrement.set(false);
            }
        });
        primaryKey.addListener((o, was, now) -> {
            if (now) {
                allowNull.set(false);
            }
        });
    }

    /** A new field the user adds. */
    public static DesignField added(String name, String type) {
        DesignField f = new DesignField(null, false, null);
        f.name.set(name);
        f.type.set(type);
        return f;
    }

    /** A field of the table as it is (or of a design read from a call file, with {@code original} null). */
    public static DesignField of(String name, String original, FieldSpec spec) {
        DesignField f = new DesignField(original, spec.auto(), spec.references());
        f.name.set(name);
        f.type.set(spec.type().id());
        f.primaryKey.set(spec.primaryKey());
        f.unique.set(spec.unique());
        f.allowNull.set(spec.allowNull());
        f.defaultValue.set(spec.defaultValue() == null ? "" : spec.defaultValue() instanceof String s ? s : Json.write(spec.defaultValue()));
        f.autoIncrement.set(spec.autoIncrement());
        return f;
    }

    /** The field's definition as the core takes it; the default text read in the field's type (may throw). */
    public FieldSpec spec() {
        LogicalType.Parsed parsed = LogicalType.parse(type.get());
        boolean pk = primaryKey.get();
        return new FieldSpec(parsed.type(), pk, parsed.unique() || unique.get(), allowNull.get() && !pk, defaultObject(parsed.type()),
                autoIncrement.get(), auto, references, null);
    }

    /** The default as a value of the field's type: numbers, booleans and JSON parsed, dates and text as written. */
    private Object defaultObject(LogicalType t) {
        String text = defaultValue.get() == null ? "" : defaultValue.get().strip();
        if (text.isEmpty()) {
            return null;
        }
        return switch (t) {
            case INTEGER -> {
                try {
                    yield Long.parseLong(text);
                } catch (NumberFormatException e) {
                    yield text;
                }
            }
            case NUMBER -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    yield text;
                }
            }
            case BOOLEAN -> text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : text;
            case JSON, JSONB -> {
                try {
                    yield Json.MAPPER.readValue(text, Object.class);
                } catch (JsonProcessingException e) {
                    yield text;
                }
            }
            case DATE -> text.equalsIgnoreCase("now") ? "NOW" : text;
            default -> defaultValue.get();
        };
    }

    /** Every property whose change changes the design. */
    List<ObservableValue<?>> observables() {
        return List.of(name, type, primaryKey, unique, allowNull, defaultValue, autoIncrement);
    }

    public String original() {
        return original;
    }

    public boolean isNew() {
        return original == null;
    }

    /** An automatic id / createdAt / updatedAt of the workbench: shown, not edited. */
    public boolean auto() {
        return auto;
    }

    /** The table and field a foreign key points to, as "authors.id"; empty for other fields. */
    public String referenceText() {
        return references == null ? "" : references.table() + "." + references.field();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public BooleanProperty primaryKeyProperty() {
        return primaryKey;
    }

    public BooleanProperty uniqueProperty() {
        return unique;
    }

    public BooleanProperty allowNullProperty() {
        return allowNull;
    }

    public StringProperty defaultValueProperty() {
        return defaultValue;
    }

    public BooleanProperty autoIncrementProperty() {
        return autoIncrement;
    }

    /** Auto-increment is offered only on an integer primary key. */
    public BooleanBinding autoIncrementApplies() {
        return autoIncrementApplies;
    }

    /** uniquestring / uniqueinteger are unique by their type. */
    public BooleanBinding uniqueByType() {
        return uniqueByType;
    }

    /** What is wrong with the field (empty when nothing): Apply waits until every field has none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the change would do to existing values of this field (empty when nothing). */
    public ReadOnlyStringProperty riskProperty() {
        return risk.getReadOnlyProperty();
    }

    /** Advice that does not stop Apply (the camelCase convention). */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    void setProblem(String text) {
        problem.set(text == null ? "" : text);
    }

    void setRisk(String text) {
        risk.set(text == null ? "" : text);
    }

    void setHint(String text) {
        hint.set(text == null ? "" : text);
    }

    @Override
    public String toString() {
        return name.get() + " " + type.get().toLowerCase(Locale.ROOT);
    }
}
