package dev.tablewright.app.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The main window: menu bar, the navigator on the left, the workspace tabs in the middle and the
 * status bar. It binds to {@link MainWindowViewModel} and forwards the menu commands.
 */
public final class MainWindowView {
    private static final PseudoClass CONNECTION = PseudoClass.getPseudoClass("connection");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final MainWindowViewModel viewModel;
    private final Runnable quit;
    private final BorderPane root = new BorderPane();

    /** {@code quit} ends the application (File → Quit). */
    public MainWindowView(MainWindowViewModel viewModel, Runnable quit) {
        this.viewModel = viewModel;
        this.quit = quit;
        root.setId("mainWindow");
        root.setTop(menuBar());
        root.setLeft(navigator());
        root.setCenter(workspace());
        root.setBottom(statusBar());
    }

    public Parent root() {
        return root;
    }

    private MenuBar menuBar() {
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.setId("quitMenuItem");
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quitItem.setOnAction(e -> quit.run());

        MenuItem aboutItem = new MenuItem("About Tablewright");
        aboutItem.setId("aboutMenuItem");
        aboutItem.setOnAction(e -> viewModel.showAbout());

        MenuBar bar = new MenuBar(new Menu("_File", null, quitItem), new Menu("_Help", null, aboutItem));
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    // --- navigator: a placeholder until the navigator feature replaces it ---

    private Node navigator() {
        NavigatorItem connection = new NavigatorItem(viewModel.connectionName(), connectionDetail(), true);
        connection.setExpanded(true);
        ListChangeListener<TableSummary> onTables = change -> connection.getChildren().setAll(tableItems());
        viewModel.tablesProperty().addListener(onTables);
        connection.getChildren().setAll(tableItems());

        TreeView<String> tree = new TreeView<>(connection);
        tree.setId("navigator");
        tree.setCellFactory(view -> new NavigatorCell());

        Label header = new Label("Connections");
        header.getStyleClass().add("pane-header");
        VBox pane = new VBox(header, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        pane.getStyleClass().add("navigator");
        return pane;
    }

    private ObservableStringValue connectionDetail() {
        return Bindings.createStringBinding(() -> switch (viewModel.stateProperty().get()) {
            case OPENING -> "opening…";
            case OPEN -> count(viewModel.tablesProperty().size(), "table", "tables");
            case FAILED -> "not open";
        }, viewModel.stateProperty(), viewModel.tablesProperty());
    }

    private List<NavigatorItem> tableItems() {
        return viewModel.tablesProperty().stream()
                .map(t -> new NavigatorItem(t.name(), new ReadOnlyStringWrapper(count(t.rowCount(), "row", "rows")), false))
                .toList();
    }

    private static String count(long n, String one, String many) {
        return String.format("%,d %s", n, n == 1 ? one : many);
    }

    /** A node of the navigator: its name, and a detail in grey after it (row count, table count). */
    private static final class NavigatorItem extends TreeItem<String> {
        private final ObservableStringValue detail;
        private final boolean connection;

        NavigatorItem(String name, ObservableStringValue detail, boolean connection) {
            super(name);
            this.detail = detail;
            this.connection = connection;
        }
    }

    private static final class NavigatorCell extends TreeCell<String> {
        private final Label detail = new Label();

        NavigatorCell() {
            detail.getStyleClass().add("detail");
            setContentDisplay(ContentDisplay.RIGHT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            detail.textProperty().unbind();
            if (empty || name == null || !(getTreeItem() instanceof NavigatorItem item)) {
                setText(null);
                setGraphic(null);
                pseudoClassStateChanged(CONNECTION, false);
                return;
            }
            setText(name);
            detail.textProperty().bind(item.detail);
            setGraphic(detail);
            pseudoClassStateChanged(CONNECTION, item.connection);
        }
    }

    // --- workspace ---

    private Node workspace() {
        Tab welcome = new Tab("Welcome", welcome());
        welcome.setId("welcomeTab");
        welcome.setClosable(false);
        TabPane tabs = new TabPane(welcome);
        tabs.setId("workspace");
        return tabs;
    }

    private Node welcome() {
        Label title = new Label("Tablewright");
        title.getStyleClass().add("welcome-title");
        Label lead = paragraph("A desktop workbench for SQLite, PostgreSQL and MySQL/MariaDB databases.");
        lead.getStyleClass().add("welcome-lead");

        VBox page = new VBox(
                title,
                lead,
                heading("The sample database"),
                paragraph("On the left is a database to try things on: a small coffee shop with its categories, "
                        + "products, customers and orders. Tablewright creates it on first launch at "
                        + viewModel.sampleLocation() + ". Delete that file and the next launch builds it afresh."),
                heading("What's coming"),
                bullet("Connections to SQLite files and to PostgreSQL and MySQL/MariaDB servers, kept as profiles."),
                bullet("A data grid to browse and edit rows, with filters you build by pointing and clicking."),
                bullet("A SQL console with highlighting, history and result tables."),
                bullet("A table designer that shows the SQL it will run before it runs it."),
                bullet("A diagram of the tables and the relationships between them."),
                bullet("Row history: every version of every row, for the tables that keep one."));
        page.getStyleClass().add("welcome");
        page.setId("welcome");

        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        return scroll;
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
        Label connection = new Label();
        connection.setId("statusConnection");
        connection.textProperty().bind(viewModel.connectionStatusProperty());
        viewModel.stateProperty().addListener((obs, old, state) ->
                connection.pseudoClassStateChanged(FAILED, state == MainWindowViewModel.State.FAILED));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(viewModel.connectionStatusProperty());
        connection.setTooltip(tooltip);

        Label user = new Label();
        user.setId("statusUser");
        user.textProperty().bind(Bindings.when(viewModel.currentUserProperty().isEmpty())
                .then("")
                .otherwise(Bindings.concat("$USER = ", viewModel.currentUserProperty())));
        user.setTooltip(new Tooltip("The name $USER stands for in data and filters on this connection"));

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(12, connection, gap, user);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
