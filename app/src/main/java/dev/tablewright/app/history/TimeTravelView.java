package dev.tablewright.app.history;

import java.util.List;
import javafx.scene.input.MouseButton;
import javafx.scene.control.ContentDisplay;
import dev.tablewright.app.grid.SortKey;
import dev.tablewright.app.filter.FilterBuilderView;
import dev.tablewright.app.filter.FilterBuilderViewModel;
import dev.tablewright.app.grid.CellValues;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.filter.Filter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.LocalDateStringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * A tracked table as it stood at a moment: a banner saying so, the moment chosen with a date and
 * time or stepped change to change, the filter builder docked on demand, and the rows read-only.
 */
public final class TimeTravelView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final TimeTravelViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final TableView<Map<String, Object>> table = new TableView<>();
    private final DatePicker date = new DatePicker();
    private final TextField time = new TextField();

    /** {@code filter} builds the filter applied to the rows of then (null: no builder). */
    public TimeTravelView(TimeTravelViewModel viewModel, FilterBuilderViewModel filter) {
        this.viewModel = viewModel;
        root.setId("timeTravelView");
        root.getStyleClass().add("history-view");
        root.getStylesheets().add(Objects.requireNonNull(TimeTravelView.class.getResource("history.css")).toExternalForm());

        table.setId("timeTravelTable");
        table.setItems(viewModel.rows());
        table.setEditable(false);
        table.setPlaceholder(new Label("No rows then"));
        table.getStyleClass().add("time-travel-table");
        viewModel.columnsProperty().addListener((obs, old, cols) -> buildColumns(cols));
        viewModel.sortProperty().addListener((obs, old, sort) -> markSortedColumn(sort));

        Label banner = new Label();
        banner.setId("timeTravelBanner");
        banner.getStyleClass().add("time-travel-banner");
        banner.setGraphic(new FontIcon(Feather.CLOCK));
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(viewModel.asOfProperty().map(at -> viewModel.table() + " as of " + RecordHistoryView.WHEN.format(at)
                + " (" + ZoneId.systemDefault().getId() + ") · read-only: the rows as they stood then"));

        SplitPane split = new SplitPane(table);
        split.setOrientation(Orientation.VERTICAL);
        ToolBar bar = toolbar(filter, split);
        root.setTop(new VBox(banner, bar));
        root.setCenter(split);
        root.setBottom(statusLine());
        viewModel.asOfProperty().addListener((obs, old, at) -> showMoment(at));
        showMoment(viewModel.asOfProperty().get());
    }

    private ToolBar toolbar(FilterBuilderViewModel filter, SplitPane split) {
        date.setId("timeTravelDate");
        date.setPrefWidth(150);
        date.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
        time.setId("timeTravelTime");
        time.setPromptText("HH:mm:ss");
        time.setPrefColumnCount(7);
        Button go = button("timeTravelGo", Feather.CORNER_DOWN_LEFT, "Show the table as it stood at this date and time", this::goToChosenMoment);
        go.setText("Show");
        go.setMinWidth(Region.USE_PREF_SIZE);
        time.setOnAction(e -> goToChosenMoment());
        Button previous = button("timeTravelPrevious", Feather.CHEVRONS_LEFT, "The moment of the change before", viewModel::previousChange);
        previous.setText("Change before");
        previous.setMinWidth(Region.USE_PREF_SIZE);
        Button next = button("timeTravelNext", Feather.CHEVRONS_RIGHT, "The moment of the change after", viewModel::nextChange);
        next.setText("Change after");
        next.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.loadingProperty());
        ToolBar bar = new ToolBar(date, time, go, previous, next, busy);
        if (filter != null) {
            ToggleButton toggle = new ToggleButton("Filter", new FontIcon(Feather.FILTER));
            toggle.setId("timeTravelFilter");
            toggle.setTooltip(new Tooltip("Narrow the rows by their values then"));
            toggle.setMinWidth(Region.USE_PREF_SIZE);
            Node[] builder = new Node[1];
            toggle.selectedProperty().addListener((obs, was, shown) -> {
                if (!shown) {
                    split.getItems().remove(0, split.getItems().size() - 1);
                    return;
                }
                if (builder[0] == null) {
                    filter.load();
                    ScrollPane scroller = new ScrollPane(new FilterBuilderView(filter).root());
                    scroller.setFitToWidth(true);
                    scroller.setFitToHeight(true);
                    builder[0] = scroller;
                }
                split.getItems().add(0, builder[0]);
                split.setDividerPositions(0.5);
            });
            filter.appliedFilterProperty().addListener((obs, old, f) -> viewModel.filterProperty().set(f == null ? Filter.none() : f));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            bar.getItems().addAll(gap, toggle);
        }
        return bar;
    }

    /** The date and time fields show the moment shown, in the local zone. */
    private void showMoment(Instant at) {
        if (at == null) {
            return;
        }
        ZonedDateTime local = at.atZone(ZoneId.systemDefault());
        date.setValue(local.toLocalDate());
        time.setText(TIME.format(local));
    }

    private void goToChosenMoment() {
        LocalDate day = date.getValue();
        if (day == null) {
            return;
        }
        LocalTime at;
        try {
            at = time.getText().isBlank() ? LocalTime.MAX : LocalTime.parse(time.getText().strip());
        } catch (DateTimeParseException e) {
            time.getStyleClass().add("invalid");
            return;
        }
        time.getStyleClass().remove("invalid");
        // The whole second counts: a change at 12:00:00.400 is part of the table "at 12:00:00".
        LocalTime end = at.getNano() == 0 && at != LocalTime.MAX ? at.plusNanos(999_999_000) : at;
        viewModel.asOfProperty().set(day.atTime(end).atZone(ZoneId.systemDefault()).toInstant());
    }

    private void buildColumns(Map<String, LogicalType> columns) {
        table.getColumns().clear();
        columns.forEach((name, type) -> {
            TableColumn<Map<String, Object>, String> column = new TableColumn<>();
            column.setUserData(name);
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(CellValues.display(type, c.getValue().get(name))));
            // Sorted by the database (every page of the rows then), not by the table among the rows shown.
            column.setSortable(false);
            Label header = new Label(name);
            header.setId("timeTravelHeader-" + name);
            header.setMaxWidth(Double.MAX_VALUE);
            header.setContentDisplay(ContentDisplay.RIGHT);
            header.setTooltip(new Tooltip(type.id() + " — click to sort"));
            header.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    viewModel.sortBy(name);
                }
            });
            column.setGraphic(header);
            column.setPrefWidth(switch (type) {
                case JSON, JSONB -> 260;
                // An instant with milliseconds (2026-12-03T12:44:49.123Z) shows whole.
                case DATE -> 215;
                case STRING, TEXT -> 190;
                default -> 110;
            });
            table.getColumns().add(column);
        });
        markSortedColumn(viewModel.sortProperty().get());
    }

    /** The sort mark beside the header of the column the rows are sorted by. */
    private void markSortedColumn(List<SortKey> sort) {
        for (TableColumn<Map<String, Object>, ?> column : table.getColumns()) {
            if (column.getGraphic() instanceof Label header) {
                SortKey key = sort.stream().filter(k -> k.field().equals(column.getUserData())).findFirst().orElse(null);
                header.setGraphic(key == null ? null : new FontIcon(key.descending() ? Feather.ARROW_DOWN : Feather.ARROW_UP));
            }
        }
    }

    private Node statusLine() {
        Label status = new Label();
        status.setId("timeTravelStatus");
        status.textProperty().bind(viewModel.statusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Button previousPage = button("timeTravelPreviousPage", Feather.CHEVRON_LEFT, "Previous page", viewModel::previousPage);
        previousPage.disableProperty().bind(viewModel.hasPreviousPage().not());
        Button nextPage = button("timeTravelNextPage", Feather.CHEVRON_RIGHT, "Next page", viewModel::nextPage);
        nextPage.disableProperty().bind(viewModel.hasNextPage().not());
        Label problem = new Label();
        problem.setId("timeTravelProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.setMinWidth(0);
        HBox line = new HBox(8, previousPage, nextPage, status, problem);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("history-status");
        return line;
    }

    private static Button button(String id, Feather icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    public Node root() {
        return root;
    }
}
