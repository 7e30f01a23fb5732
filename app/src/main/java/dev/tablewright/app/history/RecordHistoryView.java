package dev.tablewright.app.history;

import java.util.Locale;
import dev.tablewright.core.base.Json;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One record's history: its timeline on the left (newest on top), and on the right two chosen
 * versions side by side, the fields that differ highlighted and JSON shown as a tree.
 */
public final class RecordHistoryView {
    /** How the history screens show a moment: local time, to the second. */
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final List<String> KIND_STYLES = List.of("diff-changed", "diff-added", "diff-removed");

    private final RecordHistoryViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final ToolBar toolbar;

    public RecordHistoryView(RecordHistoryViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("recordHistoryView");
        root.getStyleClass().add("history-view");
        root.getStylesheets().add(Objects.requireNonNull(RecordHistoryView.class.getResource("history.css")).toExternalForm());

        ListView<RecordVersion> timeline = new ListView<>();
        timeline.setId("recordTimeline");
        timeline.setCellFactory(list -> new VersionCell());
        timeline.setPlaceholder(new Label("No versions"));
        // Newest on top, as a log reads; the ViewModel keeps them oldest first, as they are numbered.
        Runnable fillTimeline = () -> {
            List<RecordVersion> newestFirst = new ArrayList<>(viewModel.versions());
            Collections.reverse(newestFirst);
            timeline.getItems().setAll(newestFirst);
        };
        viewModel.versions().addListener((ListChangeListener<RecordVersion>) c -> fillTimeline.run());
        fillTimeline.run();
        timeline.getSelectionModel().selectedItemProperty().addListener((obs, old, v) -> {
            if (v != null) {
                viewModel.selectedProperty().set(v);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, v) -> {
            if (v != null && timeline.getSelectionModel().getSelectedItem() != v) {
                timeline.getSelectionModel().select(v);
            }
        });
        timeline.setMinWidth(240);
        if (viewModel.selectedProperty().get() != null) {
            timeline.getSelectionModel().select(viewModel.selectedProperty().get());
        }

        SplitPane split = new SplitPane(timeline, comparison());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(timeline, false);

        toolbar = toolbar();
        root.setTop(toolbar);
        root.setCenter(split);
        root.setBottom(statusLine());
    }

    private ToolBar toolbar() {
        Label title = new Label(viewModel.table() + " · " + viewModel.rowId());
        title.setId("recordTitle");
        title.getStyleClass().add("record-title");
        // A key can be a 36-character UUID: the title gives way before the buttons do.
        title.setMinWidth(0);
        title.setMaxWidth(300);
        title.setTooltip(new Tooltip(viewModel.table() + " " + viewModel.rowId()));
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("recordRefresh");
        refresh.setTooltip(new Tooltip("Read the versions again"));
        refresh.setOnAction(e -> viewModel.load());
        CheckBox onlyChanges = new CheckBox("Only differences");
        onlyChanges.setId("recordOnlyChanges");
        onlyChanges.selectedProperty().bindBidirectional(viewModel.onlyChangesProperty());
        onlyChanges.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Button restore = new Button("Restore…", new FontIcon(Feather.ROTATE_CCW));
        restore.setId("recordRestore");
        restore.setTooltip(new Tooltip("Write back the version on the right: all its fields or the ones you choose"));
        restore.disableProperty().bind(viewModel.rightProperty().isNull());
        restore.setMinWidth(Region.USE_PREF_SIZE);
        restore.setOnAction(e -> new RestoreDialog(viewModel.restore(viewModel.rightProperty().get()), root.getScene().getWindow()).show());
        Button asOf = new Button("Table then", new FontIcon(Feather.CLOCK));
        asOf.setId("recordTimeTravel");
        asOf.setTooltip(new Tooltip("The whole table as it stood at the version on the right (read-only)"));
        asOf.disableProperty().bind(viewModel.rightProperty().isNull());
        asOf.setMinWidth(Region.USE_PREF_SIZE);
        asOf.setOnAction(e -> viewModel.timeTravelToRight());
        MenuButton export = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD));
        export.setId("recordExport");
        MenuItem csv = new MenuItem("Versions as CSV…");
        csv.setOnAction(e -> viewModel.exportToChosenFile(HistoryExport.Format.CSV));
        MenuItem json = new MenuItem("Versions as JSON…");
        json.setOnAction(e -> viewModel.exportToChosenFile(HistoryExport.Format.JSON));
        export.getItems().addAll(csv, json);
        export.setMinWidth(Region.USE_PREF_SIZE);
        return new ToolBar(title, refresh, restore, asOf, export, onlyChanges, busy);
    }

    /** Adds controls at the tool bar's end (restore, export), after its own. */
    void addTools(Node... tools) {
        toolbar.getItems().addAll(tools);
    }

    private Node comparison() {
        ComboBox<RecordVersion> left = versionChoice("compareLeft");
        left.valueProperty().bindBidirectional(viewModel.leftProperty());
        ComboBox<RecordVersion> right = versionChoice("compareRight");
        right.valueProperty().bindBidirectional(viewModel.rightProperty());
        Runnable fillChoices = () -> {
            left.getItems().setAll(viewModel.versions());
            right.getItems().setAll(viewModel.versions());
        };
        viewModel.versions().addListener((ListChangeListener<RecordVersion>) c -> fillChoices.run());
        fillChoices.run();
        Label with = new Label("compared with");
        with.setMinWidth(Region.USE_PREF_SIZE);
        HBox choices = new HBox(8, left, with, right);
        choices.setAlignment(Pos.CENTER_LEFT);
        choices.getStyleClass().add("compare-choices");
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setMaxWidth(Double.MAX_VALUE);
        right.setMaxWidth(Double.MAX_VALUE);

        TreeTableView<ValueDiff> table = new TreeTableView<>(new TreeItem<>());
        table.setId("compareTable");
        table.setShowRoot(false);
        table.setPlaceholder(new Label("Choose a version on the timeline."));
        TreeTableColumn<ValueDiff, String> field = column("Field", ValueDiff::name);
        field.setPrefWidth(220);
        field.setMaxWidth(320);
        TreeTableColumn<ValueDiff, String> before = column("", d -> d.kind() == ValueDiff.Kind.ADDED ? "" : show(d.left()));
        TreeTableColumn<ValueDiff, String> after = column("", d -> d.kind() == ValueDiff.Kind.REMOVED ? "" : show(d.right()));
        before.textProperty().bind(left.valueProperty().map(v -> "v" + v.number() + " · " + v.action()).orElse("(nothing)"));
        after.textProperty().bind(right.valueProperty().map(v -> "v" + v.number() + " · " + v.action()).orElse("(nothing)"));
        table.getColumns().addAll(List.of(field, before, after));
        before.setPrefWidth(400);
        after.setPrefWidth(400);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(ValueDiff item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(KIND_STYLES);
                if (!empty && item != null && item.kind().differs()) {
                    getStyleClass().add("diff-" + item.kind().name().toLowerCase(Locale.ROOT));
                }
            }
        });
        Runnable fillDiff = () -> {
            TreeItem<ValueDiff> rootItem = new TreeItem<>();
            viewModel.diff().forEach(d -> rootItem.getChildren().add(item(d)));
            table.setRoot(rootItem);
        };
        viewModel.diff().addListener((ListChangeListener<ValueDiff>) c -> fillDiff.run());
        fillDiff.run();

        VBox box = new VBox(6, choices, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("compare-pane");
        return box;
    }

    /** A field as a tree item: JSON members below it, opened where something in them changed. */
    private static TreeItem<ValueDiff> item(ValueDiff diff) {
        TreeItem<ValueDiff> item = new TreeItem<>(diff);
        diff.children().forEach(child -> item.getChildren().add(item(child)));
        item.setExpanded(diff.kind() == ValueDiff.Kind.CHANGED && !diff.children().isEmpty());
        return item;
    }

    private static String heading(RecordVersion v) {
        return "v" + v.number() + " · " + v.action() + " " + WHEN.format(v.changedAt());
    }

    private static ComboBox<RecordVersion> versionChoice(String id) {
        ComboBox<RecordVersion> box = new ComboBox<>();
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(RecordVersion v) {
                return v == null ? "(nothing)" : heading(v) + (v.changedBy().isEmpty() ? "" : " by " + v.changedBy());
            }

            @Override
            public RecordVersion fromString(String s) {
                return null;
            }
        });
        return box;
    }

    /** A value as the comparison shows it: JSON objects and arrays by their size (their members are the rows below). */
    static String show(Object value) {
        if (value == null) {
            return "∅";
        }
        if (value instanceof Map<?, ?> m) {
            return "{ " + m.size() + (m.size() == 1 ? " member }" : " members }");
        }
        if (value instanceof List<?> l) {
            return "[ " + l.size() + (l.size() == 1 ? " item ]" : " items ]");
        }
        if (value instanceof byte[] b) {
            return b.length + " bytes";
        }
        if (value instanceof Instant i) {
            return WHEN.format(i);
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return Json.write(value);
    }

    private static TreeTableColumn<ValueDiff, String> column(String title, Function<ValueDiff, String> value) {
        TreeTableColumn<ValueDiff, String> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue() == null ? "" : value.apply(c.getValue().getValue())));
        column.setSortable(false);
        return column;
    }

    private Node statusLine() {
        Label status = new Label();
        status.setId("recordStatus");
        status.textProperty().bind(viewModel.statusProperty());
        Label problem = new Label();
        problem.setId("recordProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(viewModel.problemProperty());
        Button newer = new Button("Newer versions", new FontIcon(Feather.CHEVRONS_DOWN));
        newer.setId("loadNewer");
        newer.setTooltip(new Tooltip("Add the next " + String.format("%,d", RecordHistoryViewModel.MOST_VERSIONS) + " versions to the timeline"));
        newer.visibleProperty().bind(viewModel.hasNewerProperty());
        newer.managedProperty().bind(newer.visibleProperty());
        newer.disableProperty().bind(viewModel.loadingProperty());
        newer.setOnAction(e -> viewModel.loadNewer());
        HBox bottom = new HBox(12, status, newer, problem);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.getStyleClass().add("history-status");
        return bottom;
    }

    /** A version on the timeline: what, when, who and which fields. */
    private static final class VersionCell extends ListCell<RecordVersion> {
        @Override
        protected void updateItem(RecordVersion v, boolean empty) {
            super.updateItem(v, empty);
            getStyleClass().removeAll("version-insert", "version-update", "version-delete");
            if (empty || v == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            getStyleClass().add("version-" + v.operation());
            Label head = new Label("v" + v.number() + " · " + v.action());
            head.getStyleClass().add("version-head");
            head.setGraphic(new FontIcon(switch (v.operation()) {
                case "insert" -> Feather.PLUS_CIRCLE;
                case "delete" -> Feather.TRASH_2;
                default -> Feather.EDIT_2;
            }));
            Label when = new Label(WHEN.format(v.changedAt()) + " · " + (v.changedBy().isEmpty() ? "unknown user" : v.changedBy()));
            when.getStyleClass().add("version-when");
            Label what = new Label(v.summary());
            what.getStyleClass().add("version-fields");
            what.setWrapText(true);
            VBox box = new VBox(2, head, when, what);
            box.setMaxWidth(Double.MAX_VALUE);
            setText(null);
            setGraphic(box);
            setPrefWidth(0);
        }
    }

    public Node root() {
        return root;
    }
}
