package dev.tablewright.app.console;

import dev.tablewright.app.sqltext.SqlHighlighter;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.reactfx.Subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL console: the editor (SQL colours, line numbers, matching brackets, completion on
 * Ctrl+Space), the run and cancel commands, a tab per result and the searchable history. It binds
 * to a {@link ConsoleViewModel} and forwards the commands.
 */
public final class ConsoleView {
    static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination RUN_SCRIPT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination COMPLETE = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN);
    private static final String BRACKET_MATCH = "sql-bracket-match";
    private static final int MAX_SUGGESTIONS = 60;

    private final ConsoleViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final CodeArea editor = new CodeArea();
    private final TabPane resultTabs = new TabPane();
    private final Map<ResultViewModel, Tab> tabs = new HashMap<>();
    private final ContextMenu completion = new ContextMenu();
    private BracketMatcher.Pair marked;
    private Subscription highlighting;

    public ConsoleView(ConsoleViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("console");
        root.getStyleClass().add("console");
        root.getStylesheets().add(ConsoleView.class.getResource("console.css").toExternalForm());

        SplitPane editorAndResults = new SplitPane(editorPane(), resultsPane());
        editorAndResults.setOrientation(Orientation.VERTICAL);
        editorAndResults.setDividerPositions(0.45);

        VBox history = historyPane();
        SplitPane main = new SplitPane(editorAndResults);
        ToggleButton historyToggle = new ToggleButton("History", new FontIcon(Feather.CLOCK));
        historyToggle.setId("historyToggle");
        historyToggle.selectedProperty().addListener((o, was, show) -> {
            if (show) {
                main.getItems().add(history);
                main.setDividerPositions(0.72);
            } else {
                main.getItems().remove(history);
            }
        });

        root.setTop(toolBar(historyToggle));
        root.setCenter(main);
        root.setBottom(statusBar());
        viewModel.open();
    }

    public Parent root() {
        return root;
    }

    /** The tab closed: stops the running statement and the highlighting. */
    public void dispose() {
        highlighting.unsubscribe();
        completion.hide();
        viewModel.dispose();
    }

    /** The editor, for the shell to focus when the console's tab is selected. */
    public CodeArea editor() {
        return editor;
    }

    private ToolBar toolBar(ToggleButton historyToggle) {
        Button run = new Button("Run", new FontIcon(Feather.PLAY));
        run.setId("runButton");
        run.setTooltip(new Tooltip("Run the statement at the caret, or the selection (" + RUN.getDisplayText() + ")"));
        run.disableProperty().bind(viewModel.canRunProperty().not());
        run.setOnAction(e -> viewModel.runCurrent());

        Button script = new Button("Run script", new FontIcon(Feather.FAST_FORWARD));
        script.setId("runScriptButton");
        script.setTooltip(new Tooltip("Run every statement, one after another (" + RUN_SCRIPT.getDisplayText() + ")"));
        script.disableProperty().bind(viewModel.canRunProperty().not());
        script.setOnAction(e -> viewModel.runScript());

        Button batch = new Button("Run as batch", new FontIcon(Feather.LAYERS));
        batch.setId("runBatchButton");
        batch.setTooltip(new Tooltip("Run the selection, or the whole script, in one transaction: all or nothing"));
        batch.disableProperty().bind(viewModel.canRunProperty().not());
        batch.setOnAction(e -> viewModel.runAsBatch());

        Button cancel = new Button("Cancel", new FontIcon(Feather.X_OCTAGON));
        cancel.setId("cancelButton");
        cancel.setTooltip(new Tooltip("Stop the running statement; the database undoes it"));
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("runningIndicator");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.runningProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(run, script, batch, cancel, busy, spacer, historyToggle);
        bar.setId("consoleToolBar");
        return bar;
    }

    // --- editor ---

    private Parent editorPane() {
        editor.setId("sqlEditor");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.replaceText(viewModel.scriptProperty().get());
        highlighting = SqlHighlighter.install(editor, viewModel.flavor(), this::markBrackets);

        editor.textProperty().addListener((o, was, now) -> viewModel.scriptProperty().set(now));
        viewModel.scriptProperty().addListener((o, was, now) -> {
            if (!now.equals(editor.getText())) {
                editor.replaceText(now);
            }
        });
        editor.caretPositionProperty().addListener((o, was, now) -> {
            viewModel.caretProperty().set(now);
            markBrackets();
        });
        editor.selectionProperty().addListener((o, was, now) -> {
            viewModel.selectionStartProperty().set(now.getStart());
            viewModel.selectionEndProperty().set(now.getEnd());
        });
        viewModel.caretRequestProperty().addListener((o, was, now) -> {
            if (now != null) {
                editor.moveTo(Math.min(now, editor.getLength()));
                editor.requestFollowCaret();
                editor.requestFocus();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (RUN_SCRIPT.match(e)) {
                viewModel.runScript();
                e.consume();
            } else if (RUN.match(e)) {
                viewModel.runCurrent();
                e.consume();
            } else if (COMPLETE.match(e)) {
                showCompletions();
                e.consume();
            }
        });
        completion.setId("completionPopup");
        return new VirtualizedScrollPane<>(editor);
    }

    /** Marks the bracket at the caret and its match; the highlighter calls this again after recolouring. */
    private void markBrackets() {
        if (marked != null) {
            setMark(marked, false);
            marked = null;
        }
        BracketMatcher.Pair pair = BracketMatcher.at(editor.getText(), editor.getCaretPosition(), viewModel.flavor());
        if (pair != null) {
            setMark(pair, true);
            marked = pair;
        }
    }

    private void setMark(BracketMatcher.Pair pair, boolean on) {
        for (int at : new int[] {pair.open(), pair.close()}) {
            if (at >= editor.getLength()) {
                continue;
            }
            Collection<String> styles = new ArrayList<>(editor.getStyleOfChar(at));
            styles.remove(BRACKET_MATCH);
            if (on) {
                styles.add(BRACKET_MATCH);
            }
            editor.setStyle(at, at + 1, styles);
        }
    }

    private void showCompletions() {
        List<SqlCompletion.Suggestion> suggestions = viewModel.completions();
        completion.getItems().clear();
        if (suggestions.isEmpty()) {
            completion.hide();
            return;
        }
        for (SqlCompletion.Suggestion s : suggestions.subList(0, Math.min(MAX_SUGGESTIONS, suggestions.size()))) {
            Label label = new Label(s.label(), new FontIcon(s.kind() == SqlCompletion.Kind.TABLE ? Feather.GRID : Feather.COLUMNS));
            CustomMenuItem item = new CustomMenuItem(label, true);
            item.getStyleClass().add("completion-item");
            item.setOnAction(e -> {
                editor.replaceText(s.replaceFrom(), s.replaceTo(), s.insert());
                editor.requestFocus();
            });
            completion.getItems().add(item);
        }
        Bounds caret = editor.getCaretBounds().orElse(editor.localToScreen(editor.getBoundsInLocal()));
        completion.show(editor, caret.getMinX(), caret.getMaxY());
    }

    // --- results ---

    private Parent resultsPane() {
        resultTabs.setId("resultTabs");
        resultTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Label empty = new Label("Results appear here. " + RUN.getDisplayText() + " runs the statement at the caret, "
                + RUN_SCRIPT.getDisplayText() + " the whole script.");
        empty.getStyleClass().add("results-placeholder");
        empty.visibleProperty().bind(Bindings.isEmpty(resultTabs.getTabs()));
        viewModel.results().addListener((ListChangeListener<ResultViewModel>) change -> {
            while (change.next()) {
                for (ResultViewModel removed : change.getRemoved()) {
                    Tab tab = tabs.remove(removed);
                    if (tab != null) {
                        resultTabs.getTabs().remove(tab);
                    }
                }
                for (ResultViewModel added : change.getAddedSubList()) {
                    Tab tab = new Tab(added.title(), new ResultView(added).root());
                    tab.setGraphic(new FontIcon(added.isError() ? Feather.ALERT_TRIANGLE : Feather.GRID));
                    tab.setTooltip(new Tooltip(added.sql()));
                    tab.setOnClosed(e -> viewModel.close(added));
                    tabs.put(added, tab);
                    resultTabs.getTabs().add(tab);
                }
            }
        });
        viewModel.latestResultProperty().addListener((o, was, now) -> {
            Tab tab = now == null ? null : tabs.get(now);
            if (tab != null) {
                resultTabs.getSelectionModel().select(tab);
            }
        });
        return new StackPane(empty, resultTabs);
    }

    // --- history ---

    private VBox historyPane() {
        TextField search = new TextField();
        search.setId("historySearch");
        search.setPromptText("Search the history");
        search.textProperty().bindBidirectional(viewModel.historySearchProperty());

        ListView<HistoryEntry> list = new ListView<>(viewModel.foundHistory());
        list.setId("historyList");
        list.setCellFactory(v -> new HistoryCell());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                viewModel.rerun(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.rerun(list.getSelectionModel().getSelectedItem());
            }
        });
        MenuItem again = new MenuItem("Run again");
        again.setOnAction(e -> viewModel.rerun(list.getSelectionModel().getSelectedItem()));
        MenuItem insert = new MenuItem("Put in the editor");
        insert.setOnAction(e -> {
            HistoryEntry entry = list.getSelectionModel().getSelectedItem();
            if (entry != null) {
                editor.insertText(editor.getCaretPosition(), entry.sql());
            }
        });
        list.setContextMenu(new ContextMenu(again, insert));
        VBox.setVgrow(list, Priority.ALWAYS);

        Label header = new Label("History");
        header.getStyleClass().add("pane-header");
        VBox pane = new VBox(4, header, search, list);
        pane.setId("historyPane");
        pane.getStyleClass().add("history-pane");
        return pane;
    }

    /** A history entry: the first line of its SQL and what came of it. */
    private static final class HistoryCell extends ListCell<HistoryEntry> {
        @Override
        protected void updateItem(HistoryEntry item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("failed");
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String sql = item.sql().strip();
            int nl = sql.indexOf('\n');
            setText((nl < 0 ? sql : sql.substring(0, nl) + " …") + "\n" + item.outcome());
            setTooltip(new Tooltip(item.sql() + "\n\n" + item.ranAt()));
            if (item.failed()) {
                getStyleClass().add("failed");
            }
        }
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("consoleStatus");
        status.textProperty().bind(viewModel.statusProperty());
        HBox bar = new HBox(status);
        bar.getStyleClass().add("console-status");
        return bar;
    }
}
