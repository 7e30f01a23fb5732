package dev.tablewright.app.filter;

import dev.tablewright.app.controls.CompactButtons;
import dev.tablewright.app.sqltext.SqlHighlighter;
import dev.tablewright.core.dialect.Dialects;
import dev.tablewright.core.lex.SqlFlavor;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The filter builder: the tree of groups and conditions on the left, the filter as JSON and as
 * SQL with its matching rows on the right, tables and joins above, apply / save / export below.
 * Each node of the tree has its own view bound to its node ViewModel ({@link GroupNodeView},
 * {@link ConditionNodeView}); controls are named after their node's place ({@code root},
 * {@code 1}, {@code 1_0}), e.g. {@code #addCondition-root}, {@code #or-1}, {@code #field-1_0}.
 */
public final class FilterBuilderView {
    private final FilterBuilderViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final StackPane treeBox = new StackPane();
    private final TreeViews views;

    public FilterBuilderView(FilterBuilderViewModel viewModel) {
        this.viewModel = viewModel;
        this.views = new TreeViews(viewModel.fields());
        root.setId("filterBuilder");
        root.getStyleClass().add("filter-builder");
        root.getStylesheets().add(FilterBuilderView.class.getResource("filter-builder.css").toExternalForm());

        root.setTop(tablesBar());
        treeBox.setId("filterTree");
        treeBox.getStyleClass().add("filter-tree");
        treeBox.setAlignment(Pos.TOP_LEFT);
        ScrollPane treeScroll = new ScrollPane(treeBox);
        treeScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(treeScroll, livePanes());
        split.setId("builderSplit");
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        // Where the builder is given little height (a 1000 x 650 window), its middle scrolls:
        // the tables above and Apply below stay in sight.
        ScrollPane middle = new ScrollPane(split);
        middle.setFitToWidth(true);
        middle.setFitToHeight(true);
        middle.getStyleClass().add("edge-to-edge");
        middle.setFocusTraversable(false);
        root.setCenter(middle);
        root.setBottom(actionsBar());

        showRoot(viewModel.tree().root());
        viewModel.tree().rootProperty().addListener((obs, old, group) -> showRoot(group));
    }

    public Parent root() {
        return root;
    }

    /** The root group's view; only a new root (another filter, the root wrapped) builds the tree's view again. */
    private void showRoot(GroupNodeViewModel group) {
        treeBox.getChildren().setAll(new GroupNodeView(group, views).node());
    }

    // --- tables and joins ---

    private Node tablesBar() {
        FlowPane tables = new FlowPane(6, 4);
        tables.setAlignment(Pos.CENTER_LEFT);
        ComboBox<String> add = new ComboBox<>(viewModel.otherTablesProperty());
        add.setId("addTable");
        add.setPromptText("Add table…");
        add.setOnAction(e -> {
            String t = add.getValue();
            if (t != null) {
                viewModel.addTable(t);
            }
        });
        // The list loses the added table a moment later; the box then shows its prompt, not the next table.
        viewModel.otherTablesProperty().addListener((ListChangeListener<String>) c -> Platform.runLater(() -> add.setValue(null)));
        Runnable showTables = () -> {
            tables.getChildren().setAll(new Label("Tables:"));
            for (String t : viewModel.tablesProperty()) {
                Label chip = new Label(t);
                chip.getStyleClass().add("table-chip");
                chip.setMinWidth(Region.USE_PREF_SIZE);
                if (!t.equals(viewModel.table())) {
                    Button remove = TreeViews.icon(Feather.X, "Stop querying " + t);
                    remove.setId("removeTable-" + t);
                    remove.setOnAction(e -> {
                        viewModel.removeTable(t);
                        add.requestFocus();
                    });
                    chip.setGraphic(remove);
                    chip.setContentDisplay(ContentDisplay.RIGHT);
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
                use.setMinWidth(Region.USE_PREF_SIZE);
                // The proposal goes once accepted: the focus goes to the join's condition, not out of the builder.
                use.setOnAction(e -> views.focusField(viewModel.acceptJoin(p)));
                Label what = new Label("Foreign key: " + p + " — add this join condition? (edit it like any condition)");
                what.setWrapText(true);
                HBox row = new HBox(8, new FontIcon(Feather.LINK), what, use);
                row.setAlignment(Pos.CENTER_LEFT);
                row.getStyleClass().add("join-proposal");
                joins.getChildren().add(row);
            }
        };
        viewModel.joinProposalsProperty().addListener((ListChangeListener<JoinProposal>) c -> showJoins.run());
        showJoins.run();

        VBox top = new VBox(6, tables, joins);
        top.setPadding(new Insets(6, 8, 4, 8));
        top.getStyleClass().add("filter-top");
        return top;
    }

    // --- the live panes ---

    /** The JSON and the SQL, one above the other, each always given room; the count and any problem below. */
    private Node livePanes() {
        Label jsonTitle = new Label("Filter array (JSON) — edit or paste");
        jsonTitle.getStyleClass().add("pane-title");
        TextArea json = new TextArea();
        json.setId("filterJson");
        json.getStyleClass().add("code");
        json.setMinHeight(48);
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
        VBox jsonPane = new VBox(4, jsonTitle, json, jsonError);

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
                sqlText.setStyleSpans(0, SqlHighlighter.styles(text, shown == null ? SqlFlavor.SQLITE : Dialects.named(shown).scriptFlavor()));
            }
        };
        viewModel.sqlProperty().addListener((obs, old, text) -> showSql.run());
        showSql.run();
        VirtualizedScrollPane<CodeArea> sql = new VirtualizedScrollPane<>(sqlText);
        sql.setMinHeight(40);
        VBox.setVgrow(sql, Priority.ALWAYS);
        VBox sqlPane = new VBox(4, sqlHeader, sql);

        SplitPane jsonAndSql = new SplitPane(jsonPane, sqlPane);
        jsonAndSql.setId("jsonSqlSplit");
        jsonAndSql.setOrientation(Orientation.VERTICAL);
        jsonAndSql.setDividerPositions(0.5);
        VBox.setVgrow(jsonAndSql, Priority.ALWAYS);

        Label count = new Label();
        count.setId("matchingRows");
        count.getStyleClass().add("matching-rows");
        count.textProperty().bind(viewModel.countTextProperty());
        Label problem = new Label();
        problem.setId("filterProblem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(viewModel.filterProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        VBox panes = new VBox(4, jsonAndSql, count, problem);
        panes.setPadding(new Insets(6, 8, 6, 8));
        panes.setMinWidth(260);
        return panes;
    }

    // --- apply, saved filters, export ---

    private Node actionsBar() {
        FilterLibraryViewModel library = viewModel.library();
        Button apply = TreeViews.labelled("Apply", Feather.FILTER, "Show the rows this filter matches in the grid");
        apply.setId("applyFilter");
        apply.getStyleClass().add("accent");
        apply.disableProperty().bind(viewModel.validProperty().not());
        apply.setOnAction(e -> viewModel.apply());
        Button clear = TreeViews.labelled("Clear", Feather.X_CIRCLE, "Remove every condition and show every row");
        clear.setId("clearFilter");
        clear.setOnAction(e -> viewModel.clear());

        TextField name = new TextField();
        name.setId("saveName");
        name.setPromptText("name");
        name.setPrefColumnCount(7);
        name.setMinWidth(70);
        name.textProperty().bindBidirectional(library.saveNameProperty());
        Button save = TreeViews.labelled("Save", Feather.SAVE, "Save the filter under this name");
        save.setId("saveFilter");
        save.setOnAction(e -> library.saveFilter());
        ComboBox<String> saved = new ComboBox<>(library.savedNamesProperty());
        saved.setId("savedFilters");
        saved.setPromptText("Saved filters");
        saved.setMinWidth(Region.USE_PREF_SIZE);
        Button load = TreeViews.labelled("Load", Feather.FOLDER, "Load the chosen saved filter");
        load.setId("loadSaved");
        load.disableProperty().bind(saved.valueProperty().isNull());
        load.setOnAction(e -> library.loadSaved(saved.getValue()));
        Button delete = TreeViews.icon(Feather.TRASH_2, "Delete the saved filter");
        delete.setId("deleteSaved");
        delete.disableProperty().bind(saved.valueProperty().isNull());
        delete.setOnAction(e -> library.deleteSaved(saved.getValue()));

        MenuItem asJson = new MenuItem("Filter as JSON…");
        asJson.setId("exportJson");
        asJson.setOnAction(e -> library.exportJson());
        MenuItem asStep = new MenuItem("getTableData call-file step (YAML)…");
        asStep.setId("exportStep");
        asStep.setOnAction(e -> library.exportCallFileStep());
        MenuButton export = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD), asJson, asStep);
        export.setId("exportFilter");
        export.setTooltip(new Tooltip("Export the filter as JSON or as a call-file step"));
        export.setMinWidth(Region.USE_PREF_SIZE);
        Button importButton = TreeViews.labelled("Import…", Feather.UPLOAD, "Import a filter from a JSON or call file");
        importButton.setId("importFilter");
        importButton.setOnAction(e -> library.importFile());

        HBox bar = new HBox(8, apply, clear, new Separator(Orientation.VERTICAL), name, save, saved, load, delete,
                new Separator(Orientation.VERTICAL), export, importButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-actions");
        CompactButtons.whenNarrow(bar, bar.getChildren(), List.of(apply, clear, save, load, export, importButton));

        // What the last save, export or import did: a line of its own, so it never squeezes the buttons.
        Label message = new Label();
        message.setId("filterMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        VBox actions = new VBox(4, bar, message);
        actions.setPadding(new Insets(6, 8, 6, 8));
        return actions;
    }
}
