package dev.tablewright.app.diagram;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One table on the canvas: its name (with the history badge and the handle to draw a link) and a row per field. */
final class TableBox extends VBox {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass LINK_TARGET = PseudoClass.getPseudoClass("link-target");
    private final DiagramGraph.Table table;
    private final FontIcon linkHandle = new FontIcon(Feather.LINK);

    TableBox(DiagramGraph.Table table) {
        this.table = table;
        getStyleClass().add("diagram-table");
        setId("table-" + table.name());
        double width = NodeGeometry.width(table);
        double height = NodeGeometry.height(table);
        setMinSize(width, height);
        setPrefSize(width, height);
        setMaxSize(width, height);

        Label name = new Label(table.name());
        name.getStyleClass().add("table-name");
        name.setTextOverrun(OverrunStyle.ELLIPSIS);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox header = new HBox(name);
        header.getStyleClass().add("table-header");
        header.setMinHeight(NodeGeometry.HEADER);
        header.setPrefHeight(NodeGeometry.HEADER);
        if (table.history()) {
            FontIcon badge = new FontIcon(Feather.CLOCK);
            badge.getStyleClass().add("history-badge");
            Tooltip.install(badge, new Tooltip("Keeps the history of its rows"));
            header.getChildren().add(badge);
        }
        linkHandle.getStyleClass().add("link-handle");
        linkHandle.setId("link-" + table.name());
        Tooltip.install(linkHandle, new Tooltip("Drag to the parent table to add a relationship"));
        header.getChildren().add(linkHandle);
        getChildren().add(header);

        for (DiagramGraph.Field f : table.fields()) {
            Label marker = new Label(f.primaryKey() ? "PK" : f.foreignKey() ? "FK" : f.unique() ? "U" : "");
            marker.getStyleClass().add("field-marker");
            marker.setMinWidth(18);
            marker.setPrefWidth(18);
            Label field = new Label(f.name());
            field.getStyleClass().add("field-name");
            if (f.notNull()) {
                field.getStyleClass().add("required");
            }
            field.setTextOverrun(OverrunStyle.ELLIPSIS);
            field.setMinWidth(20);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label type = new Label(f.type());
            type.getStyleClass().add("field-type");
            type.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(marker, field, gap, type);
            row.getStyleClass().add("field-row");
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinHeight(NodeGeometry.ROW);
            row.setPrefHeight(NodeGeometry.ROW);
            row.setMaxHeight(NodeGeometry.ROW);
            Tooltip.install(row, new Tooltip(describe(f)));
            getChildren().add(row);
        }
    }

    private static String describe(DiagramGraph.Field f) {
        StringBuilder s = new StringBuilder(f.name()).append(": ").append(f.type());
        if (f.primaryKey()) {
            s.append(", primary key");
        }
        if (f.foreignKey()) {
            s.append(", links to another table");
        }
        if (f.unique()) {
            s.append(", unique");
        }
        s.append(f.notNull() ? ", required" : ", may be empty");
        return s.toString();
    }

    DiagramGraph.Table table() {
        return table;
    }

    FontIcon linkHandle() {
        return linkHandle;
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    void setLinkTarget(boolean target) {
        pseudoClassStateChanged(LINK_TARGET, target);
    }
}
