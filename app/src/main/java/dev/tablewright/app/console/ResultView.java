package dev.tablewright.app.console;

import dev.tablewright.core.base.Json;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** One result tab: the grid of rows (fetching more as it scrolls near its end) and what the statement did. */
public final class ResultView {
    /** How close to the last fetched row the grid asks for the next page. */
    private static final int FETCH_AHEAD = 50;

    private final BorderPane root = new BorderPane();

    public ResultView(ResultViewModel result) {
        root.getStyleClass().add("console-result");
        Label summary = new Label();
        summary.setId("resultSummary");
        summary.getStyleClass().add("result-summary");
        summary.textProperty().bind(result.summaryProperty());
        // An error's summary is long: it wraps in a narrow window rather than end in "…".
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Label fetchProblem = new Label();
        fetchProblem.getStyleClass().add("result-problem");
        fetchProblem.textProperty().bind(result.fetchProblemProperty());
        HBox bar = new HBox(12, summary, fetchProblem);
        bar.getStyleClass().add("result-bar");
        root.setBottom(bar);
        if (result.isError()) {
            root.getStyleClass().add("error");
            TextArea text = new TextArea(result.errorText() + "\n\n" + result.sql());
            text.setId("resultError");
            text.setEditable(false);
            text.setWrapText(true);
            root.setCenter(text);
        } else if (result.columns().isEmpty()) {
            Label done = new Label(result.summaryProperty().get());
            done.setId("resultDone");
            done.getStyleClass().add("result-done");
            root.setCenter(done);
        } else {
            root.setCenter(grid(result));
        }
    }

    private static TableView<List<Object>> grid(ResultViewModel result) {
        TableView<List<Object>> table = new TableView<>(result.rows());
        table.setId("resultGrid");
        table.getSelectionModel().setCellSelectionEnabled(true);
        List<String> columns = result.columns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            TableColumn<List<Object>, String> column = new TableColumn<>(columns.get(i));
            column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(display(row.getValue().get(index))));
            column.setSortable(false);
            column.setPrefWidth(Math.max(80, Math.min(260, columns.get(i).length() * 10 + 40)));
            table.getColumns().add(column);
        }
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(List<Object> item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getIndex() >= view.getItems().size() - FETCH_AHEAD && result.hasMoreProperty().get()) {
                    // Not while the grid lays itself out: adding rows then would disturb the pass.
                    Platform.runLater(result::fetchMore);
                }
            }
        });
        return table;
    }

    /** A value as the grid shows it: NULL for null, JSON for objects and arrays, the size of binary data. */
    static String display(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return bytes.length <= 16 ? "0x" + HexFormat.of().formatHex(bytes)
                    : "(" + bytes.length + " bytes) " + Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, 12)) + "…";
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return Json.write(value);
        }
        return String.valueOf(value);
    }

    public Parent root() {
        return root;
    }
}
