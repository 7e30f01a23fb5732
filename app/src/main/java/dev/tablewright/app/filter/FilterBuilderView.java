package dev.tablewright.app.filter;

import dev.tablewright.app.sqltext.SqlHighlighter;
import dev.tablewright.core.dialect.Dialects;
import dev.tablewright.core.lex.SqlFlavor;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The filter builder: the tree of groups and conditions on the left, the filter as JSON and as
 * SQL with its matching rows on the right, tables and joins above, apply / save / export below.
 * Nodes are found by id: a node's id ends with its path in the tree ({@code root}, {@code 1},
 * {@code 1_0}), e.g. {@code #addCondition-root}, {@code #or-1}, {@code #field-1_0}.
 */
public final class FilterBuilderView {
    private final FilterBuilderViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final VBox treeBox = new VBox();
    private FilterNode dragged;

    public FilterBuilderView(FilterBuilderViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("filterBuilder");
        root.getStyleClass().add("filter-builder");
        root.getStylesheets().add(FilterBuilderView.class.getResource("filter-builder.css").toExternalForm());

        root.setTop(tablesBar());
        treeBox.setId("filterTree");
        treeBox.getStyleClass().add("filter-tree");
        ScrollPane treeScroll = new ScrollPane(treeBox);
        treeScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(treeScroll, livePanes());
        split.setDividerPositions(0.58);
        root.setCenter(split);
        root.setBottom(actionsBar());

        viewModel.treeVersionProperty().addListener((obs, old, v) -> rebuildTree());
        viewModel.fieldsProperty().addListener((ListChangeListener<FieldChoice>) change -> rebuildTree());
        rebuildTree();
    }

    public Parent root() {
        return root;
    }

    // --- tables and joins ---

    private Node tablesBar() {
        HBox tables = new HBox(6);
        tables.setAlignment(Pos.CENTER_LEFT);
        ComboBox<String> add = new ComboBox<>(viewModel.otherTablesProperty());
        add.setId("addTable");
        add.setPromptText("Add table…");
        add.setOnAction(e -> {
            String t = add.getValue();
            if (t != null) {
                viewModel.addTable(t);
                add.getSelectionModel().clearSelection();
            }
        });
        Runnable showTables = () -> {
            tables.getChildren().setAll(new Label("Tables:"));
            for (String t : viewModel.tablesProperty()) {
                Label chip = new Label(t);
                chip.getStyleClass().add("table-chip");
                if (!t.equals(viewModel.table())) {
                    Button remove = iconButton(Feather.X, "Stop querying " + t, "removeTable-" + t);
                    remove.setOnAction(e -> viewModel.removeTable(t));
                    chip.setGraphic(remove);
                    chip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                }
                tables.getChildren().add(chip);
            }
            tables.getChildren().add(add);
        };
        viewModel.tablesProperty().addListener((ListChangeListener<String>) c -> showTables.run());
        showTables.run();

        VBox joins = new VBox(4);
        joins.setId("joinProposals");
        Runnable showJoins = () -> {
            joins.getChildren().clear();
            List<JoinProposal> proposals = viewModel.joinProposalsProperty();
            for (int i = 0; i < proposals.size(); i++) {
                JoinProposal p = proposals.get(i);
                Button use = new Button("Join");
                use.setId("acceptJoin-" + i);
                use.setOnAction(e -> viewModel.acceptJoin(p));
                Label what = new Label("Foreign key: " + p + " — add this join condition? (edit it like any condition)");
                HBox row = new HBox(8, new FontIcon(Feather.LINK), what, use);
                row.setAlignment(Pos.CENTER_LEFT);
                row.getStyleClass().add("join-proposal");
                joins.getChildren().add(row);
            }
        };
        viewModel.joinProposalsProperty().addListener((ListChangeListener<JoinProposal>) c -> showJoins.run());
        showJoins.run();

        VBox top = new VBox(6, tables, joins);
        top.setPadding(new Insets(8));
        top.getStyleClass().add("filter-top");
        return top;
    }

    // --- the tree ---

    private void rebuildTree() {
        treeBox.getChildren().setAll(group(viewModel.root(), "root", null));
    }

    private Node group(FilterGroup group, String path, FilterGroup parent) {
        VBox box = new VBox(4);
        box.setId("group-" + path);
        box.getStyleClass().addAll("filter-group", group.junction() == FilterGroup.Junction.AND ? "and" : "or");

        Button and = junctionButton("AND", group, FilterGroup.Junction.AND, "and-" + path);
        Button or = junctionButton("OR", group, FilterGroup.Junction.OR, "or-" + path);
        HBox segmented = new HBox(and, or);
        segmented.getStyleClass().add("junction");
        Button addCondition = new Button("Condition", new FontIcon(Feather.PLUS));
        addCondition.setId("addCondition-" + path);
        addCondition.setOnAction(e -> viewModel.addCondition(group));
        Button addGroup = new Button("Group", new FontIcon(Feather.PLUS_SQUARE));
        addGroup.setId("addGroup-" + path);
        addGroup.setOnAction(e -> viewModel.addGroup(group));
        HBox header = new HBox(6, segmented, addCondition, addGroup);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("group-header");
        if (group.isImplicit() && parent != null && parent.junction() == FilterGroup.Junction.OR) {
            Label note = new Label("(AND binds tighter than OR)");
            note.getStyleClass().add("implicit-note");
            header.getChildren().add(note);
        }
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        header.getChildren().add(spring);
        if (parent != null) {
            header.getChildren().addAll(nodeActions(group, path));
            Button ungroup = iconButton(Feather.MINIMIZE_2, "Ungroup: put its conditions where the group stands", "ungroup-" + path);
            ungroup.setOnAction(e -> viewModel.ungroup(group));
            header.getChildren().add(header.getChildren().size() - 1, ungroup);
            header.getChildren().add(0, dragHandle(group));
        }
        box.getChildren().add(header);
        dropTarget(header, group, group.children().size());

        List<FilterNode> children = group.children();
        if (children.isEmpty()) {
            Label empty = new Label(parent == null ? "No conditions: every row matches. Add a condition or a group."
                    : "An empty group: add a condition to it.");
            empty.getStyleClass().add("empty-note");
            box.getChildren().add(empty);
        }
        for (int i = 0; i < children.size(); i++) {
            String childPath = parent == null ? String.valueOf(i) : path + "_" + i;
            if (i > 0) {
                Label word = new Label(group.junction().name());
                word.getStyleClass().addAll("junction-word", group.junction() == FilterGroup.Junction.AND ? "and" : "or");
                box.getChildren().add(word);
            }
            FilterNode child = children.get(i);
            Node row = child instanceof FilterGroup g ? group(g, childPath, group) : condition((FilterCondition) child, childPath);
            dropTarget(row, group, i);
            box.getChildren().add(row);
        }
        return box;
    }

    private Button junctionButton(String text, FilterGroup group, FilterGroup.Junction junction, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add(group.junction() == junction ? "selected" : "unselected");
        b.setOnAction(e -> viewModel.setJunction(group, junction));
        return b;
    }

    private List<Node> nodeActions(FilterNode node, String path) {
        Button up = iconButton(Feather.ARROW_UP, "Move up", "moveUp-" + path);
        up.setDisable(!viewModel.tree().canMoveUp(node));
        up.setOnAction(e -> viewModel.moveUp(node));
        Button down = iconButton(Feather.ARROW_DOWN, "Move down", "moveDown-" + path);
        down.setDisable(!viewModel.tree().canMoveDown(node));
        down.setOnAction(e -> viewModel.moveDown(node));
        Button wrap = iconButton(Feather.MAXIMIZE_2, "Wrap in a group", "wrap-" + path);
        wrap.setOnAction(e -> viewModel.wrapInGroup(node));
        Button remove = iconButton(Feather.TRASH_2, "Remove", "remove-" + path);
        remove.setOnAction(e -> viewModel.remove(node));
        return List.of(up, down, wrap, remove);
    }

    private Node dragHandle(FilterNode node) {
        FontIcon grip = new FontIcon(Feather.MENU);
        Label handle = new Label(null, grip);
        handle.getStyleClass().add("drag-handle");
        handle.setTooltip(new Tooltip("Drag to move"));
        handle.setOnDragDetected(e -> {
            dragged = node;
            ClipboardContent content = new ClipboardContent();
            content.putString(node.toString());
            handle.startDragAndDrop(TransferMode.MOVE).setContent(content);
            e.consume();
        });
        return handle;
    }

    /** Dropping on a row puts the dragged node before it; on a group's header, at the group's end. */
    private void dropTarget(Node target, FilterGroup group, int index) {
        target.setOnDragOver(e -> {
            if (dragged != null && viewModel.tree().canMoveInto(dragged, group)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            FilterNode node = dragged;
            dragged = null;
            if (node != null) {
                viewModel.move(node, group, index);
            }
            e.setDropCompleted(node != null);
            e.consume();
        });
    }

    private Node condition(FilterCondition c, String path) {
        HBox row = new HBox(6);
        row.setId("condition-" + path);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("filter-condition");

        ComboBox<String> field = new ComboBox<>();
        field.setId("field-" + path);
        field.setEditable(true);
        field.setPromptText("field or json.path");
        field.getItems().setAll(viewModel.fieldsProperty().stream().map(FieldChoice::name).toList());
        field.setValue(c.field());
        field.setPrefWidth(190);
        field.valueProperty().addListener((obs, old, v) -> {
            if (v != null && !v.isBlank() && !v.equals(c.field())) {
                viewModel.setField(c, v.trim());
            }
        });
        viewModel.fieldOf(c).ifPresent(f -> field.setTooltip(new Tooltip(f.name() + ": " + (f.type() == null ? "mixed" : f.type().id()))));

        ComboBox<OperatorChoice> op = new ComboBox<>();
        op.setId("op-" + path);
        op.getItems().setAll(viewModel.operatorsFor(c));
        op.setValue(viewModel.operatorOf(c).orElse(null));
        op.setDisable(c.field() == null);
        op.valueProperty().addListener((obs, old, v) -> {
            if (v != null && v != old) {
                viewModel.setOperator(c, v);
            }
        });

        row.getChildren().addAll(dragHandle(c), field, op);
        if (c.field() != null) {
            row.getChildren().add(valueEditor(c, path));
        }
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        row.getChildren().add(spring);
        row.getChildren().addAll(nodeActions(c, path));
        return row;
    }

    private Node valueEditor(FilterCondition c, String path) {
        return switch (viewModel.editorFor(c)) {
            case NONE -> new Region();
            case BOOLEAN -> {
                ToggleButton toggle = new ToggleButton();
                toggle.setId("value-" + path);
                toggle.getStyleClass().add("boolean-toggle");
                toggle.setSelected(Boolean.TRUE.equals(c.value()));
                toggle.setText(String.valueOf(toggle.isSelected()));
                toggle.selectedProperty().addListener((obs, old, on) -> {
                    toggle.setText(String.valueOf(on));
                    viewModel.setValue(c, -1, on);
                });
                yield toggle;
            }
            case RANGE -> {
                HBox range = new HBox(4, item(c, 0, viewModel.itemEditorFor(c), "low-" + path), new Label("and"),
                        item(c, 1, viewModel.itemEditorFor(c), "high-" + path));
                range.setAlignment(Pos.CENTER_LEFT);
                yield range;
            }
            case CHIPS -> chips(c, path);
            case COLUMN -> {
                ComboBox<String> column = new ComboBox<>();
                column.setId("value-" + path);
                column.setEditable(true);
                column.getItems().setAll(viewModel.fieldsProperty().stream().filter(f -> !f.jsonPath()).map(FieldChoice::name).toList());
                column.setValue(viewModel.valueText(c, -1));
                column.valueProperty().addListener((obs, old, v) -> {
                    if (v != null) {
                        viewModel.setValue(c, -1, v);
                    }
                });
                yield column;
            }
            default -> {
                Node editor = item(c, -1, viewModel.editorFor(c), "value-" + path);
                if (!viewModel.offersCurrentUser(c)) {
                    yield editor;
                }
                Button user = new Button("$USER");
                user.setId("user-" + path);
                user.setTooltip(new Tooltip("The current user of the connection"));
                user.setMinWidth(Region.USE_PREF_SIZE);
                user.setOnAction(e -> ((TextField) editor).setText("$USER"));
                yield new HBox(4, editor, user);
            }
        };
    }

    /** One value: a text field, or a date picker whose text can also hold a full ISO instant. */
    private Node item(FilterCondition c, int index, ValueEditor kind, String id) {
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
            picker.getEditor().setText(viewModel.valueText(c, index));
            picker.getEditor().textProperty().addListener((obs, old, text) -> viewModel.setValueText(c, index, text));
            picker.valueProperty().addListener((obs, old, date) -> {
                if (date != null && !picker.getEditor().getText().startsWith(date.toString())) {
                    picker.getEditor().setText(date.toString());
                }
            });
            return picker;
        }
        TextField text = new TextField(viewModel.valueText(c, index));
        text.setId(id);
        text.setPrefColumnCount(kind == ValueEditor.NUMBER ? 6 : 12);
        text.setPromptText(kind == ValueEditor.NUMBER ? "number" : "text");
        text.textProperty().addListener((obs, old, v) -> viewModel.setValueText(c, index, v));
        return text;
    }

    private Node chips(FilterCondition c, String path) {
        FlowPane chips = new FlowPane(4, 4);
        chips.setId("value-" + path);
        chips.setPrefWrapLength(320);
        List<?> values = c.value() instanceof List<?> l ? l : List.of();
        for (int i = 0; i < values.size(); i++) {
            int index = i;
            Button remove = iconButton(Feather.X, "Remove this value", "removeChip-" + path + "-" + i);
            remove.setOnAction(e -> viewModel.removeListValue(c, index));
            Label chip = new Label(viewModel.valueText(c, i), remove);
            chip.setId("chip-" + path + "-" + i);
            chip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            chip.getStyleClass().add("chip");
            chips.getChildren().add(chip);
        }
        TextField input = new TextField();
        input.setId("chipInput-" + path);
        input.setPromptText("value, Enter");
        input.setPrefColumnCount(7);
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.addListValue(c, input.getText());
            }
        });
        chips.getChildren().add(input);
        if (viewModel.offersCurrentUser(c)) {
            Button user = new Button("+ $USER");
            user.setId("user-" + path);
            user.setOnAction(e -> viewModel.addListValue(c, "$USER"));
            chips.getChildren().add(user);
        }
        return chips;
    }

    // --- the live panes ---

    private Node livePanes() {
        Label jsonTitle = new Label("Filter array (JSON) — edit or paste");
        jsonTitle.getStyleClass().add("pane-title");
        TextArea json = new TextArea();
        json.setId("filterJson");
        json.getStyleClass().add("code");
        json.textProperty().bindBidirectional(viewModel.jsonTextProperty());
        VBox.setVgrow(json, Priority.ALWAYS);
        Label jsonError = new Label();
        jsonError.setId("jsonError");
        jsonError.getStyleClass().add("error-text");
        jsonError.setWrapText(true);
        jsonError.textProperty().bind(viewModel.jsonErrorProperty());
        jsonError.managedProperty().bind(jsonError.textProperty().isNotEmpty());
        jsonError.visibleProperty().bind(jsonError.managedProperty());
        ChangeListener<String> markJson = (obs, old, e) -> {
            json.getStyleClass().remove("invalid");
            if (e != null && !e.isEmpty()) {
                json.getStyleClass().add("invalid");
            }
        };
        viewModel.jsonErrorProperty().addListener(markJson);

        Label sqlTitle = new Label("SQL on");
        sqlTitle.getStyleClass().add("pane-title");
        ComboBox<String> dialect = new ComboBox<>(viewModel.sqlDialectsProperty());
        dialect.setId("sqlDialect");
        dialect.valueProperty().bindBidirectional(viewModel.sqlDialectProperty());
        HBox sqlHeader = new HBox(6, sqlTitle, dialect);
        sqlHeader.setAlignment(Pos.CENTER_LEFT);
        CodeArea sqlText = new CodeArea();
        sqlText.setId("filterSql");
        sqlText.getStyleClass().addAll("code", "sql-code");
        sqlText.getStylesheets().add(SqlHighlighter.STYLESHEET);
        sqlText.setEditable(false);
        sqlText.setWrapText(true);
        Runnable showSql = () -> {
            String text = viewModel.sqlProperty().get() == null ? "" : viewModel.sqlProperty().get();
            sqlText.replaceText(text);
            if (!text.isEmpty()) {
                String shown = viewModel.sqlDialectProperty().get();
                sqlText.setStyleSpans(0, SqlHighlighter.styles(text,
                        shown == null ? SqlFlavor.SQLITE : Dialects.named(shown).scriptFlavor()));
            }
        };
        viewModel.sqlProperty().addListener((obs, old, text) -> showSql.run());
        showSql.run();
        VirtualizedScrollPane<CodeArea> sql = new VirtualizedScrollPane<>(sqlText);
        VBox.setVgrow(sql, Priority.ALWAYS);

        Label count = new Label();
        count.setId("matchingRows");
        count.getStyleClass().add("matching-rows");
        count.textProperty().bind(viewModel.countTextProperty());
        Label problem = new Label();
        problem.setId("filterProblem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.filterProblemProperty());

        VBox panes = new VBox(6, jsonTitle, json, jsonError, sqlHeader, sql, count, problem);
        panes.setPadding(new Insets(8));
        panes.setMinWidth(280);
        return panes;
    }

    // --- apply, saved filters, export ---

    private Node actionsBar() {
        Button apply = new Button("Apply", new FontIcon(Feather.FILTER));
        apply.setId("applyFilter");
        apply.getStyleClass().add("accent");
        apply.disableProperty().bind(viewModel.validProperty().not());
        apply.setOnAction(e -> viewModel.apply());
        Button clear = new Button("Clear", new FontIcon(Feather.X_CIRCLE));
        clear.setId("clearFilter");
        clear.setOnAction(e -> viewModel.clear());

        TextField name = new TextField();
        name.setId("saveName");
        name.setPromptText("name");
        name.setPrefColumnCount(10);
        name.textProperty().bindBidirectional(viewModel.saveNameProperty());
        Button save = new Button("Save", new FontIcon(Feather.SAVE));
        save.setId("saveFilter");
        save.setOnAction(e -> viewModel.saveFilter());
        ComboBox<String> saved = new ComboBox<>(viewModel.savedNamesProperty());
        saved.setId("savedFilters");
        saved.setPromptText("Saved filters");
        Button load = new Button("Load");
        load.setId("loadSaved");
        load.disableProperty().bind(saved.valueProperty().isNull());
        load.setOnAction(e -> viewModel.loadSaved(saved.getValue()));
        Button delete = iconButton(Feather.TRASH_2, "Delete the saved filter", "deleteSaved");
        delete.disableProperty().bind(saved.valueProperty().isNull());
        delete.setOnAction(e -> viewModel.deleteSaved(saved.getValue()));

        MenuItem asJson = new MenuItem("Filter as JSON…");
        asJson.setId("exportJson");
        asJson.setOnAction(e -> viewModel.exportJson());
        MenuItem asStep = new MenuItem("getTableData call-file step (YAML)…");
        asStep.setId("exportStep");
        asStep.setOnAction(e -> viewModel.exportCallFileStep());
        MenuButton export = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD), asJson, asStep);
        export.setId("exportFilter");
        Button importButton = new Button("Import…", new FontIcon(Feather.UPLOAD));
        importButton.setId("importFilter");
        importButton.setOnAction(e -> viewModel.importFile());

        Label message = new Label();
        message.setId("filterMessage");
        message.textProperty().bind(viewModel.messageProperty());

        HBox bar = new HBox(8, apply, clear, new javafx.scene.control.Separator(Orientation.VERTICAL), name, save, saved, load, delete,
                new javafx.scene.control.Separator(Orientation.VERTICAL), export, importButton, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        bar.getStyleClass().add("filter-actions");
        return bar;
    }

    private static Button iconButton(Feather icon, String tip, String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll("flat", "icon-button");
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
