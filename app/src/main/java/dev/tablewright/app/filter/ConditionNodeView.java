package dev.tablewright.app.filter;

import dev.tablewright.core.filter.FilterValue;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One condition's row: field, operator, a value editor that fits both, and the node's buttons.
 * Bound to its {@link ConditionNodeViewModel}; only the value editor is made again, when the
 * kind of value changes (a field of another type, an operator taking a list).
 */
final class ConditionNodeView {
    private final ConditionNodeViewModel condition;
    private final TreeViews views;
    private final HBox row = new HBox(6);
    private final HBox valueSlot = new HBox(4);
    private final ComboBox<String> field = new ComboBox<>();
    private final ComboBox<OperatorChoice> op = new ComboBox<>();
    private boolean syncing;

    ConditionNodeView(ConditionNodeViewModel condition, TreeViews views) {
        this.condition = condition;
        this.views = views;
        row.idProperty().bind(Bindings.concat("condition-", condition.pathProperty()));
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("filter-condition");
        valueSlot.setAlignment(Pos.CENTER_LEFT);

        fieldBox();
        operatorBox();
        showValueEditor();
        condition.editorProperty().addListener((obs, old, kind) -> showValueEditor());
        condition.fieldProperty().addListener((obs, old, f) -> showValueEditor());
        condition.operatorProperty().addListener((obs, old, o) -> showValueEditor());

        // Field, operator and value wrap onto a second line where the tree is narrow, rather than being cut.
        FlowPane parts = new FlowPane(6, 4, field, op, valueSlot);
        parts.setAlignment(Pos.CENTER_LEFT);
        parts.setMinWidth(0);
        parts.setPrefWrapLength(200);
        HBox.setHgrow(parts, Priority.ALWAYS);
        HBox actions = new HBox(2);
        actions.getChildren().addAll(views.nodeActions(condition));
        actions.setMinWidth(Region.USE_PREF_SIZE);
        actions.setAlignment(Pos.CENTER_RIGHT);
        row.getChildren().addAll(views.dragHandle(condition), parts, actions);
        views.fieldBoxOf(condition, field);
    }

    Node node() {
        return row;
    }

    private String id(String name) {
        return name + "-" + condition.path();
    }

    /**
     * An editable box of the fields. A name is taken as soon as it is a known field, without
     * Enter, so the operator box is ready at once; choosing from the list (or Enter) moves on to
     * the operator.
     */
    private void fieldBox() {
        field.idProperty().bind(Bindings.concat("field-", condition.pathProperty()));
        field.setEditable(true);
        field.setPromptText("field or json.path");
        field.setItems(views.fields().namesProperty());
        field.setValue(condition.fieldProperty().get());
        field.setPrefWidth(180);
        field.setMinWidth(120);
        field.valueProperty().addListener((obs, old, v) -> take(v));
        field.getEditor().textProperty().addListener((obs, old, text) -> {
            if (field.isFocused() && text != null && views.fields().namesProperty().contains(text.trim())) {
                take(text);
            }
        });
        // Only while the person is in the field box: a value committed because they clicked elsewhere leaves the focus there.
        field.setOnAction(e -> {
            if (field.isFocused() && condition.isComplete() && !field.isShowing()) {
                op.requestFocus();
            }
        });
        field.setOnHidden(e -> {
            if (field.isFocused() && condition.isComplete() && field.getValue() != null) {
                op.requestFocus();
            }
        });
        condition.fieldProperty().addListener((obs, old, f) -> {
            if (!syncing && f != null && !f.equals(field.getValue())) {
                field.setValue(f);
            }
        });
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(condition.fieldDescriptionProperty());
        field.tooltipProperty().bind(Bindings.when(condition.fieldDescriptionProperty().isEmpty()).then((Tooltip) null).otherwise(tip));
    }

    private void take(String typed) {
        if (typed == null || typed.isBlank() || typed.trim().equals(condition.fieldProperty().get())) {
            return;
        }
        syncing = true;
        try {
            condition.fieldProperty().set(typed.trim());
        } finally {
            syncing = false;
        }
    }

    private void operatorBox() {
        op.idProperty().bind(Bindings.concat("op-", condition.pathProperty()));
        op.setItems(condition.operators());
        op.setValue(condition.operatorProperty().get());
        op.setMinWidth(Region.USE_PREF_SIZE);
        op.disableProperty().bind(Bindings.createBooleanBinding(() -> !condition.isComplete(), condition.fieldProperty()));
        op.valueProperty().addListener((obs, old, v) -> {
            if (v != null && v != condition.operatorProperty().get()) {
                condition.operatorProperty().set(v);
            }
        });
        condition.operatorProperty().addListener((obs, old, v) -> op.setValue(v));
        condition.operators().addListener((ListChangeListener<OperatorChoice>) c -> op.setValue(condition.operatorProperty().get()));
    }

    private void showValueEditor() {
        valueSlot.getChildren().setAll(condition.isComplete() ? valueEditor() : new Region());
    }

    private Node valueEditor() {
        return switch (condition.editorProperty().get()) {
            case NONE -> new Region();
            case BOOLEAN -> {
                ToggleButton toggle = new ToggleButton();
                toggle.setId(id("value"));
                toggle.getStyleClass().add("boolean-toggle");
                toggle.setSelected(condition.valueProperty().get() instanceof FilterValue.Literal l && Boolean.TRUE.equals(l.value()));
                toggle.setText(String.valueOf(toggle.isSelected()));
                toggle.selectedProperty().addListener((obs, old, on) -> {
                    toggle.setText(String.valueOf(on));
                    condition.setValue(-1, on);
                });
                yield toggle;
            }
            case RANGE -> {
                HBox range = new HBox(4, item(0, condition.itemEditor(), id("low")), new Label("and"), item(1, condition.itemEditor(), id("high")));
                range.setAlignment(Pos.CENTER_LEFT);
                yield range;
            }
            case CHIPS -> chips();
            case COLUMN -> {
                ComboBox<String> column = new ComboBox<>(views.fields().columnsProperty());
                column.setId(id("value"));
                column.setEditable(true);
                column.setValue(condition.valueText(-1));
                column.valueProperty().addListener((obs, old, v) -> {
                    if (v != null) {
                        condition.setColumn(v);
                    }
                });
                yield column;
            }
            default -> {
                Node editor = item(-1, condition.editorProperty().get(), id("value"));
                if (!condition.offersCurrentUserProperty().get()) {
                    yield editor;
                }
                Button user = new Button("$USER");
                user.setId(id("user"));
                user.setTooltip(new Tooltip("The current user of the connection"));
                user.setMinWidth(Region.USE_PREF_SIZE);
                user.setOnAction(e -> ((TextField) editor).setText("$USER"));
                yield new HBox(4, editor, user);
            }
        };
    }

    /** One value: a text field, or a date picker whose text can also hold a full ISO instant. */
    private Node item(int index, ValueEditor kind, String id) {
        if (kind == ValueEditor.DATE) {
            DatePicker picker = new DatePicker();
            picker.setId(id);
            picker.setEditable(true);
            picker.setPrefWidth(170);
            picker.setConverter(new StringConverter<>() {
                @Override
                public String toString(LocalDate date) {
                    return date == null ? "" : date.toString();
                }

                @Override
                public LocalDate fromString(String text) {
                    try {
                        return text == null || text.length() < 10 ? null : LocalDate.parse(text.substring(0, 10));
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                }
            });
            picker.getEditor().setText(condition.valueText(index));
            picker.getEditor().textProperty().addListener((obs, old, text) -> condition.setValueText(index, text));
            picker.valueProperty().addListener((obs, old, date) -> {
                if (date != null && !picker.getEditor().getText().startsWith(date.toString())) {
                    picker.getEditor().setText(date.toString());
                }
            });
            return picker;
        }
        TextField text = new TextField(condition.valueText(index));
        text.setId(id);
        text.setPrefColumnCount(kind == ValueEditor.NUMBER ? 5 : 9);
        text.setMinWidth(60);
        text.setPromptText(kind == ValueEditor.NUMBER ? "number" : "text");
        text.textProperty().addListener((obs, old, v) -> condition.setValueText(index, v));
        return text;
    }

    /** A chip per value of an {@code in} list; the input stays put (and focused) while chips come and go. */
    private Node chips() {
        FlowPane chips = new FlowPane(4, 4);
        chips.setId(id("value"));
        chips.setPrefWrapLength(320);
        TextField input = new TextField();
        input.setId(id("chipInput"));
        input.setPromptText("value, Enter");
        input.setPrefColumnCount(7);
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                condition.addListValue(input.getText());
                input.clear();
            }
        });
        Button user = new Button("+ $USER");
        user.setId(id("user"));
        user.setMinWidth(Region.USE_PREF_SIZE);
        user.setOnAction(e -> condition.addListValue("$USER"));
        Runnable show = () -> {
            List<Node> nodes = new ArrayList<>();
            List<Object> values = condition.valueProperty().get() instanceof FilterValue.Items l ? l.values() : List.of();
            for (int i = 0; i < values.size(); i++) {
                int index = i;
                Button remove = TreeViews.icon(Feather.X, "Remove this value");
                remove.setId(id("removeChip") + "-" + i);
                remove.setOnAction(e -> condition.removeListValue(index));
                Label chip = new Label(condition.valueText(i), remove);
                chip.setId(id("chip") + "-" + i);
                chip.setContentDisplay(ContentDisplay.RIGHT);
                chip.getStyleClass().add("chip");
                nodes.add(chip);
            }
            chips.getChildren().removeIf(n -> n.getStyleClass().contains("chip"));
            chips.getChildren().addAll(0, nodes);
        };
        chips.getChildren().add(input);
        if (condition.offersCurrentUserProperty().get()) {
            chips.getChildren().add(user);
        }
        show.run();
        condition.valueProperty().addListener((obs, old, v) -> show.run());
        return chips;
    }
}
