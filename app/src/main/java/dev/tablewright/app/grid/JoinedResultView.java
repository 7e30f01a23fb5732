package dev.tablewright.app.grid;

import dev.tablewright.core.base.LogicalType;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Map;

/** The read-only grid of a joined filter's rows: {@code table.field} columns, rows read as they scroll into view. */
public final class JoinedResultView {
    private static final PseudoClass NULL_VALUE = PseudoClass.getPseudoClass("null-value");
    private static final PseudoClass LOADING_VALUE = PseudoClass.getPseudoClass("loading-value");

    private final BorderPane root = new BorderPane();
    private final TableView<GridRow> table = new TableView<>();

    public JoinedResultView(JoinedResultViewModel viewModel) {
        root.setId("joinedView");
        root.getStyleClass().add("grid-view");
        root.getStylesheets().add(GridView.class.getResource("grid.css").toExternalForm());
        table.setId("joinedTable");
        table.setPlaceholder(new Label("No rows"));
        table.setFixedCellSize(30);
        table.itemsProperty().bind(viewModel.rowsProperty());
        viewModel.columnsProperty().addListener((obs, old, cols) -> buildColumns(cols));

        Label title = new Label("Joined rows of " + String.join(", ", viewModel.tables()) + " (read-only)", new FontIcon(Feather.LAYERS));
        title.setId("joinedTitle");
        title.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label count = new Label();
        count.setId("joinedRowCount");
        count.textProperty().bind(viewModel.rowCountTextProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("joinedMessage");
        message.getStyleClass().add("grid-message");
        message.textProperty().bind(viewModel.messageProperty());
        root.setTop(new ToolBar(title, spacer, count));
        root.setCenter(table);
        root.setBottom(message);
    }

    public Parent root() {
        return root;
    }

    private void buildColumns(Map<String, LogicalType> columns) {
        table.getColumns().clear();
        columns.forEach((key, type) -> {
            TableColumn<GridRow, Object> column = new TableColumn<>(key);
            column.setId("column-" + key);
            column.setSortable(false);
            column.setPrefWidth(switch (type) {
                case BOOLEAN -> 100;
                case INTEGER, NUMBER -> 130;
                case DATE -> 200;
                default -> 180;
            });
            column.setCellValueFactory(c -> c.getValue() == null ? null : c.getValue().valueProperty(key));
            column.setCellFactory(c -> new TableCell<>() {
                {
                    getStyleClass().add("grid-cell");
                }

                @Override
                protected void updateItem(Object value, boolean empty) {
                    super.updateItem(value, empty);
                    GridRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                    boolean loading = row != null && !row.isLoaded();
                    pseudoClassStateChanged(LOADING_VALUE, loading);
                    pseudoClassStateChanged(NULL_VALUE, row != null && !loading && value == null);
                    setText(row == null ? null : loading ? "…" : value == null ? "NULL" : CellValues.display(type, value));
                    setTooltip(null);
                }
            });
            column.getStyleClass().add("joined-column");
            table.getColumns().add(column);
        });
        if (!columns.isEmpty()) {
            table.setTooltip(new Tooltip("Rows of a filter over several tables: read-only. Edit them in each table's own grid."));
        }
    }
}
