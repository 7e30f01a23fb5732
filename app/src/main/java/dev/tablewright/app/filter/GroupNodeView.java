package dev.tablewright.app.filter;

import dev.tablewright.core.filter.Filter.Junction;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One group of the tree on screen: a framed box coloured by its word, its header (AND / OR,
 * add a condition or a group, move, wrap, ungroup, remove) and a row per node. It binds to its
 * {@link GroupNodeViewModel}: a node added or removed adds or removes that one row; nothing else
 * of the tree is built again, so the control a person works in keeps its focus.
 */
final class GroupNodeView {
    private final GroupNodeViewModel group;
    private final TreeViews views;
    private final VBox box = new VBox(4);
    private final VBox rows = new VBox(4);
    private final Label emptyNote = new Label();
    private final Map<FilterNodeViewModel, Node> slots = new IdentityHashMap<>();

    GroupNodeView(GroupNodeViewModel group, TreeViews views) {
        this.group = group;
        this.views = views;
        box.idProperty().bind(Bindings.concat("group-", group.pathProperty()));
        box.getStyleClass().add("filter-group");
        showJunction(group.junction());
        group.junctionProperty().addListener((obs, old, j) -> showJunction(j));

        Label note = new Label("AND binds tighter than OR: these conditions are one alternative");
        note.getStyleClass().add("implicit-note");
        note.setWrapText(true);
        note.managedProperty().bind(group.tighterNoteProperty());
        note.visibleProperty().bind(note.managedProperty());
        box.getChildren().addAll(header(), note, rows);
        emptyNote.setText(group.parent().isEmpty() ? "No conditions: every row matches. Add a condition or a group."
                : "An empty group: add a condition to it.");
        emptyNote.getStyleClass().add("empty-note");
        emptyNote.setWrapText(true);
        emptyNote.managedProperty().bind(Bindings.isEmpty(group.children()));
        emptyNote.visibleProperty().bind(emptyNote.managedProperty());
        box.getChildren().add(emptyNote);

        for (FilterNodeViewModel child : group.children()) {
            rows.getChildren().add(slot(child));
        }
        showWords();
        group.children().addListener((ListChangeListener<FilterNodeViewModel>) this::childrenChanged);
    }

    Node node() {
        return box;
    }

    private void showJunction(Junction j) {
        box.getStyleClass().removeAll("and", "or");
        box.getStyleClass().add(j == Junction.AND ? "and" : "or");
        showWords();
    }

    private Node header() {
        Button and = junctionButton("AND", Junction.AND);
        Button or = junctionButton("OR", Junction.OR);
        HBox segmented = new HBox(and, or);
        segmented.getStyleClass().add("junction");
        segmented.setMinWidth(Region.USE_PREF_SIZE);
        Button addCondition = TreeViews.labelled("Condition", Feather.PLUS, "Add a condition to this group");
        addCondition.idProperty().bind(Bindings.concat("addCondition-", group.pathProperty()));
        addCondition.setOnAction(e -> views.focusField(group.addCondition()));
        Button addGroup = TreeViews.labelled("Group", Feather.PLUS_SQUARE, "Add a group to this group");
        addGroup.idProperty().bind(Bindings.concat("addGroup-", group.pathProperty()));
        addGroup.setOnAction(e -> group.addGroup());
        FlowPane adds = new FlowPane(6, 4, segmented, addCondition, addGroup);
        adds.setAlignment(Pos.CENTER_LEFT);
        adds.setMinWidth(0);
        adds.setPrefWrapLength(200);
        HBox.setHgrow(adds, Priority.ALWAYS);
        HBox header = new HBox(6, adds);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("group-header");
        if (group.parent().isPresent()) {
            header.getChildren().add(0, views.dragHandle(group));
            Button ungroup = TreeViews.icon(Feather.MINIMIZE_2, "Ungroup: put its conditions where the group stands", "ungroup", group);
            ungroup.setOnAction(e -> group.ungroup());
            HBox actions = new HBox(2);
            actions.getChildren().addAll(views.nodeActions(group));
            actions.getChildren().add(actions.getChildren().size() - 1, ungroup);
            actions.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(actions);
        }
        views.dropTarget(header, group, () -> group.children().size());
        return header;
    }

    private Button junctionButton(String text, Junction junction) {
        Button b = new Button(text);
        b.idProperty().bind(Bindings.concat(junction == Junction.AND ? "and-" : "or-", group.pathProperty()));
        b.setMinWidth(Region.USE_PREF_SIZE);
        Runnable style = () -> {
            b.getStyleClass().removeAll("selected", "unselected");
            b.getStyleClass().add(group.junction() == junction ? "selected" : "unselected");
        };
        style.run();
        group.junctionProperty().addListener((obs, old, j) -> style.run());
        b.setOnAction(e -> group.setJunction(junction));
        return b;
    }

    /** A child's row, with the group's word above it (shown from the second row on); a node moved within the group keeps its row. */
    private Node slot(FilterNodeViewModel child) {
        return slots.computeIfAbsent(child, this::newSlot);
    }

    private Node newSlot(FilterNodeViewModel child) {
        Label word = new Label();
        word.getStyleClass().add("junction-word");
        Node row = child instanceof GroupNodeViewModel g ? new GroupNodeView(g, views).node()
                : new ConditionNodeView((ConditionNodeViewModel) child, views).node();
        views.dropTarget(row, group, () -> group.children().indexOf(child));
        VBox slot = new VBox(2, word, row);
        return slot;
    }

    private void childrenChanged(ListChangeListener.Change<? extends FilterNodeViewModel> c) {
        while (c.next()) {
            if (c.wasPermutated()) {
                reorder();
                continue;
            }
            if (c.wasRemoved()) {
                rows.getChildren().remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
            }
            if (c.wasAdded()) {
                List<Node> added = new ArrayList<>();
                for (FilterNodeViewModel child : c.getAddedSubList()) {
                    added.add(slot(child));
                }
                rows.getChildren().addAll(c.getFrom(), added);
            }
        }
        slots.keySet().retainAll(group.children());
        showWords();
    }

    /** The same rows in the group's new order, each kept as it is. */
    private void reorder() {
        List<Node> ordered = new ArrayList<>();
        for (FilterNodeViewModel child : group.children()) {
            ordered.add(slot(child));
        }
        rows.getChildren().setAll(ordered);
    }

    private void showWords() {
        Junction j = group.junction();
        for (int i = 0; i < rows.getChildren().size(); i++) {
            Label word = (Label) ((VBox) rows.getChildren().get(i)).getChildren().get(0);
            word.setText(j.name());
            word.getStyleClass().removeAll("and", "or");
            word.getStyleClass().add(j == Junction.AND ? "and" : "or");
            word.setManaged(i > 0);
            word.setVisible(i > 0);
        }
    }
}
