package dev.tablewright.app.history;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The history screen: a filter bar, the list of changes newest first, and the selected change's
 * fields before and after.
 */
public final class HistoryView {
    /** The themes' text size, and a text field's padding and border with room to spare. */
    private static final double PROMPT_FONT_SIZE = 14;
    private static final double FIELD_PADDING = 30;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final BorderPane root = new BorderPane();

    public HistoryView(HistoryViewModel viewModel) {
        root.setId("historyView");
        root.getStyleClass().add("history-view");
        root.getStylesheets().add(Objects.requireNonNull(HistoryView.class.getResource("history.css")).toExternalForm());
        root.setTop(filterBar(viewModel));

        TableView<AuditEntry> entries = new TableView<>(viewModel.entries());
        entries.setId("historyEntries");
        entries.getColumns().add(column("When", e -> WHEN.format(e.changedAt()), 160));
        entries.getColumns().add(column("Action", AuditEntry::action, 80));
        entries.getColumns().add(column("Row", AuditEntry::rowId, 90));
        entries.getColumns().add(column("Changed by", AuditEntry::changedBy, 120));
        entries.getColumns().add(column("Fields", AuditEntry::summary, 320));
        entries.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        entries.setPlaceholder(new Label("No changes match."));
        entries.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && entries.getSelectionModel().getSelectedItem() != null) {
                viewModel.openSelectedRow();
            }
        });
        entries.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> viewModel.selectedProperty().set(entry));
        viewModel.selectedProperty().addListener((obs, old, entry) -> {
            if (entries.getSelectionModel().getSelectedItem() != entry) {
                entries.getSelectionModel().select(entry);
            }
        });

        TableView<AuditEntry.FieldChange> changes = new TableView<>(viewModel.selectedChanges());
        changes.setId("historyChanges");
        TableColumn<AuditEntry.FieldChange, String> field = new TableColumn<>("Field");
        field.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().field()));
        TableColumn<AuditEntry.FieldChange, Object> before = new TableColumn<>("Before");
        before.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(show(c.getValue().before())));
        TableColumn<AuditEntry.FieldChange, Object> after = new TableColumn<>("After");
        after.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(show(c.getValue().after())));
        changes.getColumns().addAll(List.of(field, before, after));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        changes.setPlaceholder(new Label("Select a change to see its fields."));

        SplitPane split = new SplitPane(entries, changes);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        root.setCenter(split);

        Label status = new Label();
        status.setId("historyStatus");
        status.textProperty().bind(viewModel.statusProperty());
        Label problem = new Label();
        problem.setId("historyProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(viewModel.problemProperty());
        Button previousPage = new Button(null, new FontIcon(Feather.CHEVRON_LEFT));
        previousPage.setId("historyPreviousPage");
        previousPage.setTooltip(new Tooltip("Newer changes"));
        previousPage.disableProperty().bind(viewModel.pageProperty().isEqualTo(0));
        previousPage.setOnAction(e -> viewModel.previousPage());
        Button nextPage = new Button(null, new FontIcon(Feather.CHEVRON_RIGHT));
        nextPage.setId("historyNextPage");
        nextPage.setTooltip(new Tooltip("Older changes"));
        nextPage.disableProperty().bind(viewModel.hasNextPageProperty().not());
        nextPage.setOnAction(e -> viewModel.nextPage());
        HBox bottom = new HBox(12, previousPage, nextPage, status, problem);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.getStyleClass().add("history-status");
        root.setBottom(bottom);
    }

    private static Object show(Object value) {
        return value == null ? "∅" : value;
    }

    private Node filterBar(HistoryViewModel viewModel) {
        TextField row = field("historyRowId", "Row id", viewModel.rowIdProperty());
        ChoiceBox<HistoryViewModel.ActionFilter> action = new ChoiceBox<>();
        action.setId("historyAction");
        action.getItems().setAll(HistoryViewModel.ActionFilter.values());
        action.valueProperty().bindBidirectional(viewModel.actionProperty());
        TextField user = field("historyUser", "Changed by", viewModel.changedByProperty());
        TextField changedField = field("historyChangedField", "Changed field", viewModel.changedFieldProperty());
        ChoiceBox<HistoryViewModel.Period> period = new ChoiceBox<>();
        period.setId("historyPeriod");
        period.getItems().setAll(HistoryViewModel.Period.values());
        period.valueProperty().bindBidirectional(viewModel.periodProperty());
        period.setMinWidth(Region.USE_PREF_SIZE);
        TextField from = field("historyStart", "From: -7d or a date", viewModel.startProperty());
        TextField to = field("historyStop", "To: now", viewModel.stopProperty());
        // Typing a range of one's own is the custom choice.
        from.setOnKeyTyped(e -> viewModel.periodProperty().set(HistoryViewModel.Period.CUSTOM));
        to.setOnKeyTyped(e -> viewModel.periodProperty().set(HistoryViewModel.Period.CUSTOM));
        Button apply = new Button("Show", new FontIcon(Feather.FILTER));
        apply.setId("historyApply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> viewModel.load());
        Button onlyRow = new Button("Only this row", new FontIcon(Feather.CROSSHAIR));
        onlyRow.setId("historyOnlyRow");
        onlyRow.disableProperty().bind(viewModel.canShowSelectedRow().not());
        onlyRow.setOnAction(e -> viewModel.showSelectedRow());
        Button rowHistory = new Button("Row history", new FontIcon(Feather.CLOCK));
        rowHistory.setId("historyOpenRow");
        rowHistory.setTooltip(new Tooltip("The selected entry's record: its versions side by side, and restore"));
        rowHistory.disableProperty().bind(viewModel.canShowSelectedRow().not());
        rowHistory.setOnAction(e -> viewModel.openSelectedRow());
        rowHistory.setMinWidth(Region.USE_PREF_SIZE);
        Button asOf = new Button("Table then", new FontIcon(Feather.CLOCK));
        asOf.setId("historyTimeTravel");
        asOf.setTooltip(new Tooltip("The whole table as it stood right after the selected change (read-only)"));
        asOf.disableProperty().bind(viewModel.canShowSelectedRow().not());
        asOf.setOnAction(e -> viewModel.timeTravelToSelected());
        asOf.setMinWidth(Region.USE_PREF_SIZE);
        // Nothing gives way on a narrow window: what does not fit goes to the next line.
        apply.setMinWidth(Region.USE_PREF_SIZE);
        onlyRow.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.loadingProperty());
        for (TextField f : new TextField[] {row, user, changedField, from, to}) {
            f.setOnAction(e -> viewModel.load());
        }
        MenuButton export = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD));
        export.setId("historyExport");
        MenuItem csv = new MenuItem("Changes as CSV…");
        csv.setId("historyExportCsv");
        csv.setOnAction(e -> viewModel.exportToChosenFile(HistoryExport.Format.CSV));
        MenuItem json = new MenuItem("Changes as JSON…");
        json.setId("historyExportJson");
        json.setOnAction(e -> viewModel.exportToChosenFile(HistoryExport.Format.JSON));
        export.getItems().addAll(csv, json);
        export.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane bar = new FlowPane(8, 6, row, action, user, changedField, period, apply, from, to, onlyRow, rowHistory, asOf, export, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("history-filters", "history-commands");
        return bar;
    }

    /** A filter field as wide as its prompt says: cut ("Changed fie") it would no longer say what goes in. */
    private static TextField field(String id, String prompt, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        Text measure = new Text(prompt);
        measure.setFont(Font.font(field.getFont().getFamily(), PROMPT_FONT_SIZE));
        double width = Math.ceil(measure.getLayoutBounds().getWidth()) + FIELD_PADDING;
        field.setPrefWidth(width);
        field.setMinWidth(width);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static TableColumn<AuditEntry, String> column(String title, Function<AuditEntry, String> value, double width) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    public Node root() {
        return root;
    }
}
