package dev.tablewright.app.navigator;

import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The navigator pane: a search box over a tree of connections and their tables. Double-click or
 * Enter opens a table's data; the context menu holds the other table commands.
 */
public final class NavigatorView {
    private static final PseudoClass CONNECTION = PseudoClass.getPseudoClass("connection");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final NavigatorViewModel viewModel;
    private final TreeItem<Object> root = new TreeItem<>();
    private final TreeView<Object> tree = new TreeView<>(root);
    private final VBox pane;

    /** A table under its connection, as a tree node holds it. */
    private record TableNode(NavigatorConnection connection, NavigatorTable table) {
    }

    public NavigatorView(NavigatorViewModel viewModel) {
        this.viewModel = viewModel;
        TextField search = new TextField();
        search.setId("navigatorSearch");
        search.setPromptText("Search tables");
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        FontIcon searchIcon = new FontIcon(Feather.SEARCH);
        HBox searchBox = new HBox(6, searchIcon, search);
        searchBox.getStyleClass().add("navigator-search");
        HBox.setHgrow(search, Priority.ALWAYS);

        tree.setId("navigator");
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new NavigatorCell());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) ->
                viewModel.selectionProperty().set(item != null && item.getValue() instanceof TableNode t
                        ? new NavigatorViewModel.Selection(t.connection(), t.table().name()) : null));
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        // The tree's own key map takes F2 (to edit a cell) before the window's Table → Rename… sees it.
        tree.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            NavigatorViewModel.Selection selected = viewModel.selectionProperty().get();
            if (e.getCode() == KeyCode.F2 && !e.isShortcutDown() && !e.isShiftDown() && !e.isAltDown() && selected != null) {
                e.consume();
                viewModel.rename(selected.connection(), selected.table());
            }
        });
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });

        // The ViewModel selects a table itself after renaming it; the tree follows.
        viewModel.selectionProperty().addListener((obs, old, selected) -> {
            if (selected != null) {
                select(selected.connection().name(), selected.table());
            }
        });
        viewModel.connections().addListener((ListChangeListener<NavigatorConnection>) change -> syncConnections());
        syncConnections();

        Label header = new Label("Connections");
        header.getStyleClass().add("pane-header");
        pane = new VBox(header, searchBox, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        pane.getStyleClass().add("navigator");
        pane.getStylesheets().add(Objects.requireNonNull(NavigatorView.class.getResource("navigator.css")).toExternalForm());
    }

    public Node root() {
        return pane;
    }

    /** Puts the keyboard in the tree. */
    public void focusTree() {
        tree.requestFocus();
    }

    /** Selects a table in the tree, as if the user clicked it. */
    public void select(String connectionName, String table) {
        for (TreeItem<Object> connectionItem : root.getChildren()) {
            for (TreeItem<Object> item : connectionItem.getChildren()) {
                if (item.getValue() instanceof TableNode t && t.connection().name().equals(connectionName)
                        && t.table().name().equals(table)) {
                    tree.getSelectionModel().select(item);
                    return;
                }
            }
        }
    }

    private void openSelected() {
        NavigatorViewModel.Selection selected = viewModel.selectionProperty().get();
        if (selected != null) {
            viewModel.openData(selected.connection(), selected.table());
        }
    }

    private void syncConnections() {
        List<TreeItem<Object>> items = viewModel.connections().stream().map(this::connectionItem).toList();
        root.getChildren().setAll(items);
    }

    private TreeItem<Object> connectionItem(NavigatorConnection connection) {
        TreeItem<Object> item = new TreeItem<>(connection);
        item.setExpanded(true);
        Runnable sync = () -> {
            Object selected = tree.getSelectionModel().getSelectedItem() == null ? null
                    : tree.getSelectionModel().getSelectedItem().getValue();
            // Items are kept by table name: a new row count updates a row in place, and the tree
            // neither flickers nor loses its selection while the counts arrive.
            Map<String, TreeItem<Object>> existing = new HashMap<>();
            for (TreeItem<Object> child : item.getChildren()) {
                if (child.getValue() instanceof TableNode t) {
                    existing.put(t.table().name(), child);
                }
            }
            List<TreeItem<Object>> children = new ArrayList<>();
            for (NavigatorTable t : connection.tables()) {
                TreeItem<Object> child = existing.get(t.name());
                if (child == null) {
                    child = new TreeItem<>(new TableNode(connection, t));
                } else {
                    child.setValue(new TableNode(connection, t));
                }
                children.add(child);
            }
            if (!children.equals(item.getChildren())) {
                item.getChildren().setAll(children);
            }
            if (selected instanceof TableNode t && t.connection() == connection) {
                select(connection.name(), t.table().name());
            }
        };
        connection.tables().addListener((ListChangeListener<NavigatorTable>) change -> sync.run());
        // A new search text can leave the list the same size; the tree still shows the right rows.
        connection.stateProperty().addListener((InvalidationListener) obs -> tree.refresh());
        sync.run();
        return item;
    }

    private ContextMenu tableMenu(TableNode node) {
        NavigatorConnection connection = node.connection();
        String table = node.table().name();
        MenuItem open = item("Open data", Feather.GRID, "openDataMenuItem", () -> viewModel.openData(connection, table));
        MenuItem filter = item("Filter…", Feather.FILTER, "filterMenuItem", () -> viewModel.filter(connection, table));
        MenuItem design = item("Design", Feather.EDIT_3, "designMenuItem", () -> viewModel.design(connection, table));
        MenuItem history = item("History", Feather.CLOCK, "historyMenuItem", () -> viewModel.history(connection, table));
        history.setDisable(!node.table().tracksHistory());
        MenuItem timeTravel = item("Time travel", Feather.ROTATE_CCW, "timeTravelMenuItem", () -> viewModel.timeTravel(connection, table));
        timeTravel.setDisable(!node.table().tracksHistory());
        boolean tracked = node.table().tracksHistory();
        MenuItem tracking = item(tracked ? "Stop keeping history…" : "Keep history…", Feather.ACTIVITY, "trackingMenuItem",
                () -> viewModel.setTracking(connection, table, !tracked));
        MenuItem copy = item("Copy name", Feather.COPY, "copyNameMenuItem", () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(table);
            Clipboard.getSystemClipboard().setContent(content);
        });
        MenuItem rename = item("Rename…", Feather.EDIT, "renameMenuItem", () -> viewModel.rename(connection, table));
        MenuItem refresh = item("Refresh", Feather.REFRESH_CW, "refreshMenuItem", () -> viewModel.refresh(connection));
        MenuItem clear = item("Clear…", Feather.SCISSORS, "clearMenuItem", () -> viewModel.clear(connection, table));
        MenuItem delete = item("Delete…", Feather.TRASH_2, "deleteMenuItem", () -> viewModel.delete(connection, table));
        return new ContextMenu(open, filter, design, history, timeTravel, tracking, new SeparatorMenuItem(), copy, rename, refresh,
                new SeparatorMenuItem(), clear, delete);
    }

    private ContextMenu connectionMenu(NavigatorConnection connection) {
        ContextMenu menu = new ContextMenu(item("Refresh", Feather.REFRESH_CW, "refreshConnectionMenuItem",
                () -> viewModel.refresh(connection)),
                item("Relationship diagram", Feather.SHARE_2, "diagramMenuItem", () -> viewModel.diagram(connection)));
        if (viewModel.canDisconnect(connection)) {
            menu.getItems().add(item("Disconnect", Feather.X_SQUARE, "disconnectMenuItem", () -> viewModel.disconnect(connection)));
        }
        return menu;
    }

    private static MenuItem item(String text, Feather icon, String id, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private final class NavigatorCell extends TreeCell<Object> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final FontIcon icon = new FontIcon();
        private final FontIcon badge = new FontIcon(Feather.CLOCK);
        private final HBox graphic = new HBox(6, icon);

        NavigatorCell() {
            detail.getStyleClass().add("detail");
            badge.getStyleClass().add("history-badge");
            graphic.getStyleClass().add("navigator-graphic");
        }

        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            pseudoClassStateChanged(CONNECTION, false);
            pseudoClassStateChanged(FAILED, false);
            setTooltip(null);
            if (empty || value == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            if (value instanceof NavigatorConnection connection) {
                pseudoClassStateChanged(CONNECTION, true);
                pseudoClassStateChanged(FAILED, connection.stateProperty().get() == NavigatorConnection.State.FAILED);
                icon.setIconCode(Feather.DATABASE);
                name.setText(connection.name());
                detail.setText(switch (connection.stateProperty().get()) {
                    case LOADING -> "loading…";
                    case READY -> count(connection.allTables().size(), "table", "tables");
                    case FAILED -> "failed";
                });
                setTooltip(new Tooltip(connection.stateProperty().get() == NavigatorConnection.State.FAILED
                        ? connection.problemProperty().get() : connection.description()));
                graphic.getChildren().setAll(icon, name);
                setContextMenu(connectionMenu(connection));
            } else if (value instanceof TableNode node) {
                icon.setIconCode(Feather.GRID);
                name.setText(node.table().name());
                detail.setText(node.table().rowCount() < 0 ? ""
                        : node.table().countCapped() ? String.format("more than %,d rows", NavigatorTable.COUNT_CAP)
                        : count(node.table().rowCount(), "row", "rows"));
                graphic.getChildren().setAll(icon, name);
                if (node.table().tracksHistory()) {
                    graphic.getChildren().add(badge);
                    setTooltip(new Tooltip(node.table().name() + " keeps a history of its rows"));
                }
                setContextMenu(tableMenu(node));
            }
            graphic.getChildren().add(detail);
            setText(null);
            setGraphic(graphic);
        }
    }

    private static String count(long n, String one, String many) {
        return String.format("%,d %s", n, n == 1 ? one : many);
    }
}
