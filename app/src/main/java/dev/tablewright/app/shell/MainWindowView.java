package dev.tablewright.app.shell;

import dev.tablewright.app.connection.ConnectionManagerView;
import dev.tablewright.app.connection.ConnectionManagerViewModel;
import dev.tablewright.app.navigator.NavigatorView;
import dev.tablewright.app.navigator.NavigatorViewModel;
import dev.tablewright.app.task.RunningTask;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The main window: menu bar, the navigator on the left, the workspace tabs in the middle and the
 * status bar with the current connection, {@code $USER} and the running tasks. It binds to
 * {@link MainWindowViewModel} and turns its workspace requests into tabs.
 */
public final class MainWindowView {
    private final MainWindowViewModel viewModel;
    private final Screen.Factory screens;
    private final Runnable quit;
    private final BorderPane root = new BorderPane();
    private final NavigatorView navigator;
    private final TabPane tabs = new TabPane();
    private final Map<String, Tab> openTabs = new LinkedHashMap<>();
    private final Map<Tab, Screen> tabScreens = new LinkedHashMap<>();
    private static final double CHECK_SECONDS = 20;
    private Stage connectionWindow;

    /** The navigator's width as the window opens, whatever the window's width. */
    private static final double NAVIGATOR_WIDTH = 280;
    private static final double MOST_FOR_NAVIGATOR = 0.4;

    /** {@code screens} builds the feature screens; {@code quit} ends the application (File → Quit). */
    public MainWindowView(MainWindowViewModel viewModel, Screen.Factory screens, Runnable quit) {
        this.viewModel = viewModel;
        this.screens = screens;
        this.quit = quit;
        this.navigator = new NavigatorView(viewModel.navigator());
        root.setId("mainWindow");
        root.setTop(menuBar());
        SplitPane split = new SplitPane(navigator.root(), workspace());
        SplitPane.setResizableWithParent(navigator.root(), false);
        // Placed in pixels once the window's width is known: a share (22 %) of a window opened at
        // 1000 px left the navigator 218 px and cut its names and row counts.
        split.widthProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> obs, Number old, Number width) {
                if (width.doubleValue() > 0) {
                    split.widthProperty().removeListener(this);
                    split.setDividerPositions(Math.min(MOST_FOR_NAVIGATOR, NAVIGATOR_WIDTH / width.doubleValue()));
                }
            }
        });
        root.setCenter(split);
        root.setBottom(statusBar());
        acceptDroppedFiles();
        root.getStylesheets().add(Objects.requireNonNull(MainWindowView.class.getResource("shell.css")).toExternalForm());
        viewModel.setWorkspace(this::show);
        viewModel.setConnectionManagerOpener(this::showConnectionManager);
        // A server that went away is noticed between actions too, not only at the next click.
        Timeline checks = new Timeline(new KeyFrame(Duration.seconds(CHECK_SECONDS), e -> viewModel.checkConnections()));
        checks.setCycleCount(Animation.INDEFINITE);
        checks.play();
    }

    /** The connection manager in a window of its own beside the main one; one at a time. */
    private void showConnectionManager(ConnectionManagerViewModel manager) {
        if (connectionWindow == null) {
            connectionWindow = new Stage();
            connectionWindow.setTitle("Connections");
            connectionWindow.initOwner(root.getScene().getWindow());
            Scene scene = new Scene(new ConnectionManagerView(manager).root(), 900, 560);
            scene.getStylesheets().addAll(root.getScene().getStylesheets());
            connectionWindow.setScene(scene);
            manager.setOnConnected(open -> {
                viewModel.connectedFromManager(open);
                connectionWindow.hide();
            });
        }
        connectionWindow.show();
        connectionWindow.toFront();
    }

    public Parent root() {
        return root;
    }

    public NavigatorView navigator() {
        return navigator;
    }

    // --- menus ---

    private MenuBar menuBar() {
        NavigatorViewModel nav = viewModel.navigator();
        var noTable = nav.selectionProperty().isNull();

        MenuItem connections = item("Connections…", Feather.SERVER, "connectionsMenuItem",
                new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), viewModel::showConnections);
        MenuItem newTable = item("New table…", Feather.PLUS_SQUARE, "newTableMenuItem", shortcut(KeyCode.T), viewModel::newTable);
        MenuItem console = item("SQL console", Feather.TERMINAL, "consoleMenuItem",
                shortcut(KeyCode.CLOSE_BRACKET), viewModel::openConsole);
        MenuItem closeTab = item("Close tab", Feather.X, "closeTabMenuItem", shortcut(KeyCode.W), this::closeCurrentTab);
        MenuItem quitItem = item("Quit", Feather.POWER, "quitMenuItem", shortcut(KeyCode.Q), () -> {
            if (mayQuit()) {
                quit.run();
            }
        });
        MenuItem openFile = item("Open database file…", Feather.FOLDER, "openFileMenuItem", shortcut(KeyCode.O), viewModel::openFile);
        MenuItem newFile = item("New database file…", Feather.FILE_PLUS, "newFileMenuItem", null, viewModel::newFile);
        Menu recent = new Menu("Open recent", new FontIcon(Feather.CLOCK));
        recent.setId("recentFilesMenu");
        ListChangeListener<String> onRecent = change -> showRecentFiles(recent);
        viewModel.recentFiles().addListener(onRecent);
        showRecentFiles(recent);
        Menu file = new Menu("_File", null, openFile, recent, newFile, connections, new SeparatorMenuItem(), newTable, console,
                new SeparatorMenuItem(), closeTab, new SeparatorMenuItem(), quitItem);

        MenuItem open = item("Open data", Feather.GRID, "openTableMenuItem",
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> onSelected(s -> nav.openData(s.connection(), s.table())));
        MenuItem design = item("Design", Feather.EDIT_3, "designTableMenuItem", shortcut(KeyCode.D),
                () -> onSelected(s -> nav.design(s.connection(), s.table())));
        MenuItem filter = item("Filter…", Feather.FILTER, "filterTableMenuItem",
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> onSelected(s -> nav.filter(s.connection(), s.table())));
        MenuItem history = item("History", Feather.CLOCK, "historyTableMenuItem", shortcut(KeyCode.H),
                () -> onSelected(s -> nav.history(s.connection(), s.table())));
        MenuItem rename = item("Rename…", Feather.EDIT, "renameTableMenuItem", new KeyCodeCombination(KeyCode.F2),
                () -> onSelected(s -> nav.rename(s.connection(), s.table())));
        MenuItem clear = item("Clear…", Feather.SCISSORS, "clearTableMenuItem", null,
                () -> onSelected(s -> nav.clear(s.connection(), s.table())));
        MenuItem delete = item("Delete…", Feather.TRASH_2, "deleteTableMenuItem", new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHIFT_DOWN),
                () -> onSelected(s -> nav.delete(s.connection(), s.table())));
        for (MenuItem needsTable : new MenuItem[] {open, filter, design, history, rename, clear, delete}) {
            needsTable.disableProperty().bind(noTable);
        }
        Menu table = new Menu("_Table", null, open, filter, design, history, new SeparatorMenuItem(), rename, clear, delete);

        MenuItem refresh = item("Refresh", Feather.REFRESH_CW, "refreshMenuItem", new KeyCodeCombination(KeyCode.F5),
                () -> {
                    if (viewModel.currentConnectionProperty().get() != null) {
                        nav.refresh(viewModel.currentConnectionProperty().get());
                    }
                    // The screen in front reads its table again too: fields and rows, as they are now.
                    Screen shown = tabScreens.get(tabs.getSelectionModel().getSelectedItem());
                    if (shown != null) {
                        shown.reload();
                    }
                });
        MenuItem search = item("Find table", Feather.SEARCH, "findTableMenuItem", shortcut(KeyCode.F),
                () -> root.lookup("#navigatorSearch").requestFocus());
        Menu themes = new Menu("Theme");
        themes.setId("themeMenu");
        ToggleGroup themeGroup = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            RadioMenuItem choice = new RadioMenuItem(theme.label());
            choice.setId("theme" + theme.name());
            choice.setToggleGroup(themeGroup);
            choice.setSelected(viewModel.themeProperty().get() == theme);
            choice.setOnAction(e -> viewModel.themeProperty().set(theme));
            themes.getItems().add(choice);
        }
        MenuItem diagram = item("Relationship diagram", Feather.SHARE_2, "diagramMenuItem",
                new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), viewModel::openDiagram);
        Menu view = new Menu("_View", null, refresh, search, diagram, new SeparatorMenuItem(), themes);

        MenuItem aboutItem = item("About Tablewright", Feather.INFO, "aboutMenuItem", null, viewModel::showAbout);
        Menu help = new Menu("_Help", null, aboutItem);

        MenuBar bar = new MenuBar(file, table, view, help);
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void showRecentFiles(Menu recent) {
        recent.getItems().clear();
        for (String file : viewModel.recentFiles()) {
            MenuItem item = new MenuItem(file);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> viewModel.openFile(Path.of(file)));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    /** A SQLite file dropped anywhere on the window opens as it would from File → Open. */
    private void acceptDroppedFiles() {
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()
                    && event.getDragboard().getFiles().stream().anyMatch(f -> DatabaseFiles.looksLikeDatabase(f.toPath()))) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            boolean opened = false;
            if (event.getDragboard().hasFiles()) {
                for (File dropped : event.getDragboard().getFiles()) {
                    if (DatabaseFiles.looksLikeDatabase(dropped.toPath())) {
                        viewModel.openFile(dropped.toPath());
                        opened = true;
                    }
                }
            }
            event.setDropCompleted(opened);
            event.consume();
        });
    }

    private void onSelected(Consumer<NavigatorViewModel.Selection> action) {
        NavigatorViewModel.Selection selected = viewModel.navigator().selectionProperty().get();
        if (selected != null) {
            action.accept(selected);
        }
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, Feather icon, String id, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setId(id);
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    // --- workspace ---

    private Node workspace() {
        Tab welcome = new Tab("Welcome", welcome());
        welcome.setId("welcomeTab");
        welcome.setClosable(false);
        tabs.getTabs().add(welcome);
        tabs.setId("workspace");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        // Where the keyboard was in the tab that goes (a row's history opened from the grid, a tab
        // closed), it follows into the tab in front. From the navigator it stays there, for the next table.
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            Node owner = tabs.getScene() == null ? null : tabs.getScene().getFocusOwner();
            if (was != null && now != null && now.getContent() != null
                    && (owner == null || owner.getScene() == null || KeyboardFocus.within(owner, was.getContent()))) {
                KeyboardFocus.into(now.getContent());
            }
        });
        return tabs;
    }

    /** Opens the screen a request asks for, or brings its tab forward when it is already open. */
    private void show(WorkspaceRequest asked) {
        if (asked.kind() == WorkspaceRequest.Kind.TABLE_CHANGED) {
            tabScreens.forEach((tab, screen) -> {
                if (key(asked.connection().name(), asked.table()).equals(tab.getUserData())) {
                    screen.reload();
                }
            });
            openTabs.values().removeIf(tab -> !tabs.getTabs().contains(tab));
            return;
        }
        if (asked.kind() == WorkspaceRequest.Kind.TABLE_RENAMED) {
            followRename(asked);
            return;
        }
        boolean withFilter = asked.kind() == WorkspaceRequest.Kind.FILTER;
        // The filter builder lives in the table's data tab: one tab per table, whichever way it was opened.
        WorkspaceRequest request = withFilter ? new WorkspaceRequest(WorkspaceRequest.Kind.DATA, asked.connection(), asked.table()) : asked;
        String key = request.kind() + "|" + request.connection().name() + "|" + request.table() + (request.row() == null ? "" : "|" + request.row());
        Tab existing = openTabs.get(key);
        if (existing != null && tabs.getTabs().contains(existing) && request.kind() != WorkspaceRequest.Kind.CONSOLE) {
            tabs.getSelectionModel().select(existing);
            if (withFilter) {
                tabScreens.get(existing).showFilter();
            }
            Platform.runLater(tabScreens.get(existing)::focus);
            return;
        }
        screens.create(request).ifPresent(screen -> {
            Tab tab = new Tab(screen.title(), screen.content());
            tab.setId(request.kind().name().toLowerCase(Locale.ROOT) + "Tab");
            tab.setUserData(key(request.connection().name(), request.table()));
            tab.getProperties().put(WorkspaceRequest.class, request);
            tab.setGraphic(new FontIcon(switch (request.kind()) {
                case DATA, FILTER -> Feather.GRID;
                case DESIGN -> Feather.EDIT_3;
                case HISTORY, TIME_TRAVEL -> Feather.CLOCK;
                case CONSOLE -> Feather.TERMINAL;
                case DIAGRAM -> Feather.SHARE_2;
                case TABLE_CHANGED, TABLE_RENAMED -> Feather.GRID;
            }));
            tab.setTooltip(new Tooltip(screen.title() + " — " + request.connection().name()));
            tab.setOnCloseRequest(e -> {
                if (!screen.mayClose()) {
                    e.consume();
                }
            });
            tab.setOnClosed(e -> {
                tabScreens.remove(tab);
                openTabs.values().remove(tab);
                screen.dispose();
            });
            tabScreens.put(tab, screen);
            openTabs.put(key, tab);
            tabs.getTabs().add(tab);
            tabs.getSelectionModel().select(tab);
            if (withFilter) {
                screen.showFilter();
            }
            // After the tab's content is in the scene, or the focus request is lost.
            Platform.runLater(screen::focus);
        });
    }

    /** Each tab of the renamed table is opened again under its new name, in the same place. */
    private void followRename(WorkspaceRequest renamed) {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            if (!key(renamed.connection().name(), renamed.table()).equals(tab.getUserData())
                    || !(tab.getProperties().get(WorkspaceRequest.class) instanceof WorkspaceRequest was)) {
                continue;
            }
            int at = tabs.getTabs().indexOf(tab);
            Screen before = tabScreens.get(tab);
            tabs.getTabs().remove(tab);
            if (tab.getOnClosed() != null) {
                tab.getOnClosed().handle(null);
            }
            show(new WorkspaceRequest(was.kind(), renamed.connection(), renamed.newName(), was.row()));
            Tab reopened = tabs.getTabs().get(tabs.getTabs().size() - 1);
            if (before != null && tabScreens.get(reopened) != null) {
                tabScreens.get(reopened).takeOver(before);
            }
            tabs.getTabs().remove(reopened);
            tabs.getTabs().add(Math.min(at, tabs.getTabs().size()), reopened);
            if (tab != selected) {
                tabs.getSelectionModel().select(selected);
            } else {
                tabs.getSelectionModel().select(reopened);
            }
        }
    }

    private static String key(String connection, String table) {
        return connection + "|" + table;
    }

    private void closeCurrentTab() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.isClosable() && (tabScreens.get(tab) == null || tabScreens.get(tab).mayClose())) {
            tabs.getTabs().remove(tab);
            if (tab.getOnClosed() != null) {
                tab.getOnClosed().handle(null);
            }
        }
    }

    /**
     * Asked before the window goes (Quit, or the window's close button): each screen with work not
     * saved is brought forward and asks, as closing its tab would; false when the user kept one.
     */
    public boolean mayQuit() {
        for (Map.Entry<Tab, Screen> open : List.copyOf(tabScreens.entrySet())) {
            Tab before = tabs.getSelectionModel().getSelectedItem();
            tabs.getSelectionModel().select(open.getKey());
            if (!open.getValue().mayClose()) {
                return false;
            }
            tabs.getSelectionModel().select(before);
        }
        return true;
    }

    /** Closes every screen, as the window goes. */
    public void disposeScreens() {
        tabScreens.values().forEach(Screen::dispose);
        tabScreens.clear();
    }

    private Node welcome() {
        Label title = new Label("Tablewright");
        title.getStyleClass().add("welcome-title");
        Label lead = paragraph("A desktop workbench for SQLite, PostgreSQL and MySQL/MariaDB databases.");
        lead.getStyleClass().add("welcome-lead");

        VBox page = new VBox(
                title,
                lead,
                startButtons(),
                heading("The sample database"),
                paragraph("On the left is a database to try things on: a small coffee shop with its categories, "
                        + "products, customers and orders. Tablewright creates it on first launch at "
                        + viewModel.sampleLocation() + ". Delete that file and the next launch builds it afresh."),
                heading("Getting around"),
                bullet("Ctrl+O opens a SQLite file; so does dropping a .sqlite or .db file on this window. File → Open recent lists the last ones."),
                bullet("Double-click a table (or select it and press Enter) to browse and edit its rows."),
                bullet("Right-click a table to filter it (Ctrl+Shift+F), design it, see its history, copy its name, clear or delete it."),
                bullet("Ctrl+F finds a table by name; Ctrl+T starts a new table; Ctrl+] opens a SQL console."),
                bullet("View → Theme switches between light and dark themes."));
        page.getStyleClass().add("welcome");
        page.setId("welcome");

        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The four ways to start: a file, a new file, a server, the sample. */
    private Node startButtons() {
        FlowPane buttons = new FlowPane(8, 8,
                startButton("Open database file…", Feather.FOLDER, "welcomeOpenFile", viewModel::openFile),
                startButton("New database file…", Feather.FILE_PLUS, "welcomeNewFile", viewModel::newFile),
                startButton("Connect to a server…", Feather.SERVER, "welcomeConnect", viewModel::showConnections),
                startButton("Sample database", Feather.COFFEE, "welcomeSample", viewModel::showSample));
        buttons.getStyleClass().add("welcome-buttons");
        buttons.setId("welcomeStart");
        return buttons;
    }

    private static Button startButton(String text, Feather icon, String id, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("welcome-heading");
        return label;
    }

    private static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("welcome-text");
        return label;
    }

    private static Label bullet(String text) {
        Label label = paragraph("•  " + text);
        label.getStyleClass().add("welcome-bullet");
        return label;
    }

    // --- status bar ---

    private Node statusBar() {
        FontIcon connectionIcon = new FontIcon(Feather.DATABASE);
        Label connection = new Label();
        connection.setId("statusConnection");
        connection.setGraphic(connectionIcon);
        connection.textProperty().bind(viewModel.connectionStatusProperty());
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(viewModel.connectionStatusProperty());
        connection.setTooltip(tooltip);

        Label user = new Label();
        user.setId("statusUser");
        user.setGraphic(new FontIcon(Feather.USER));
        user.textProperty().bind(Bindings.createStringBinding(() -> viewModel.currentUserProperty().get().isEmpty()
                ? "" : "$USER = " + viewModel.currentUserProperty().get(), viewModel.currentUserProperty()));
        user.setTooltip(new Tooltip("The name $USER stands for in data and filters on this connection"));

        HBox taskBox = new HBox(6);
        taskBox.setId("statusTasks");
        taskBox.setAlignment(Pos.CENTER_RIGHT);
        ListChangeListener<RunningTask> onTasks = change -> showTasks(taskBox);
        viewModel.runningTasks().addListener(onTasks);
        showTasks(taskBox);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(12, connection, gap, taskBox, user);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** The newest running task with its progress and a Cancel button, and how many others run. */
    private void showTasks(HBox box) {
        box.getChildren().clear();
        int count = viewModel.runningTasks().size();
        if (count == 0) {
            return;
        }
        RunningTask task = viewModel.runningTasks().get(count - 1);
        Label title = new Label();
        title.setId("statusTaskTitle");
        title.textProperty().bind(Bindings.createStringBinding(() -> task.messageProperty().get().isEmpty()
                ? task.titleProperty().get() : task.titleProperty().get() + " — " + task.messageProperty().get(),
                task.titleProperty(), task.messageProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("statusTaskProgress");
        progress.setPrefWidth(120);
        progress.progressProperty().bind(task.progressProperty());
        Button cancel = new Button(null, new FontIcon(Feather.X_CIRCLE));
        cancel.setId("statusTaskCancel");
        cancel.getStyleClass().addAll("flat", "button-icon");
        cancel.setTooltip(new Tooltip("Cancel " + task.titleProperty().get()));
        cancel.setOnAction(e -> task.cancel());
        cancel.disableProperty().bind(task.cancelledProperty());
        box.getChildren().addAll(title, progress, cancel);
        if (count > 1) {
            Label more = new Label("+" + (count - 1) + " more");
            more.setId("statusTaskMore");
            box.getChildren().add(more);
        }
    }
}
