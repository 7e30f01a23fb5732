package dev.tablewright.app.diagram;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
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
            header.getChildren().add(badge);
        }
        linkHandle.getStyleClass().add("link-handle");
        linkHandle.setId("link-" + table.name());
        if (table.junction()) {
            // A hidden junction takes no new links: it is shown only to see how a many-to-many is made.
            getStyleClass().add("junction");
            Label hidden = new Label("hidden");
            hidden.getStyleClass().add("junction-badge");
            hidden.setMinWidth(Label.USE_PREF_SIZE);
            header.getChildren().add(hidden);
        } else {
            header.getChildren().add(linkHandle);
        }
        getChildren().add(header);

        // One tooltip, made when the pointer first comes: thousands of tables would otherwise build thousands of popups.
        setOnMouseEntered(e -> {
            if (getProperties().putIfAbsent("tooltip", Boolean.TRUE) == null) {
                Tooltip.install(this, new Tooltip(describe(table)));
            }
        });
        // Rows are plain Text in a Pane, not Labels in an HBox: a Label is a control with a skin and many
        // CSS properties, and styling thousands of them kept the FX thread busy for seconds (docs/benchmarks.md).
        for (DiagramGraph.Field f : table.fields()) {
            Text marker = text(f.primaryKey() ? "PK" : f.foreignKey() ? "FK" : f.unique() ? "U" : "", "field-marker");
            marker.relocate(6, 4);
            Text type = text(f.type(), "field-type");
            double typeWidth = f.type().length() * 6.6;
            type.setLayoutY(3);
            // Right-aligned by its real width once styled; the estimate only sizes the room left for the name.
            type.layoutXProperty().bind(Bindings.createDoubleBinding(() -> width - 8 - type.getLayoutBounds().getWidth(), type.layoutBoundsProperty()));
            int room = (int) Math.max(4, (width - 26 - typeWidth - 12) / 7.2);
            Text field = text(f.name().length() > room ? f.name().substring(0, room - 1) + "\u2026" : f.name(), "field-name");
            if (f.notNull()) {
                field.getStyleClass().add("required");
            }
            field.relocate(26, 3);
            Pane row = new Pane(marker, field, type);
            row.getStyleClass().add("field-row");
            row.setMinHeight(NodeGeometry.ROW);
            row.setPrefHeight(NodeGeometry.ROW);
            row.setMaxHeight(NodeGeometry.ROW);
            getChildren().add(row);
        }
    }

    private static Text text(String content, String styleClass) {
        Text t = new Text(content);
        t.getStyleClass().add(styleClass);
        t.setTextOrigin(VPos.TOP);
        return t;
    }

    private static String describe(DiagramGraph.Table table) {
        StringBuilder s = new StringBuilder(table.name());
        if (table.history()) {
            s.append(" (keeps the history of its rows)");
        }
        for (DiagramGraph.Field f : table.fields()) {
            s.append('\n').append(describe(f));
        }
        return s.append(table.junction() ? "\nThe hidden junction table of a many-to-many relationship; double-click to fold it away."
                : "\nDrag the link icon onto a parent table to add a relationship; double-click to design.").toString();
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
