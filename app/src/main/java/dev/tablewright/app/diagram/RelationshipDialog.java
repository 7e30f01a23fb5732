package dev.tablewright.app.diagram;

import javafx.event.ActionEvent;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Objects;

/**
 * The dialog shown after a relationship is drawn: kind and role on top, then the foreign key's
 * name, what will happen and the exact statements, or the core's refusal. Create stays disabled
 * while the choice is refused; a refusal from the database keeps the dialog open.
 */
final class RelationshipDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();

    RelationshipDialog(RelationshipViewModel viewModel, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle("New relationship");
        dialog.setHeaderText("Link '" + viewModel.child() + "' to its parent '" + viewModel.parent() + "'");
        dialog.setResizable(true);

        ToggleGroup kinds = new ToggleGroup();
        VBox kindBox = new VBox(4);
        for (RelationshipViewModel.Kind k : RelationshipViewModel.Kind.values()) {
            RadioButton choice = new RadioButton(k.label());
            choice.setId("kind-" + k.id());
            choice.setUserData(k);
            choice.setToggleGroup(kinds);
            choice.setSelected(viewModel.kindProperty().get() == k);
            kindBox.getChildren().add(choice);
        }
        kinds.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.kindProperty().set((RelationshipViewModel.Kind) now.getUserData());
            }
        });
        TextField role = new TextField();
        role.setId("relationshipRole");
        role.setPromptText("optional, e.g. Author (names the key authorId)");
        role.textProperty().bindBidirectional(viewModel.roleProperty());
        role.disableProperty().bind(viewModel.kindProperty().isEqualTo(RelationshipViewModel.Kind.MANY_TO_MANY));

        Label key = new Label();
        key.setId("relationshipKey");
        key.textProperty().bind(viewModel.keyNameProperty());
        key.setWrapText(true);
        Label summary = new Label();
        summary.setId("relationshipSummary");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setWrapText(true);
        Label problem = new Label();
        problem.setId("relationshipProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.setWrapText(true);
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        TextArea statements = new TextArea();
        statements.setId("relationshipStatements");
        statements.getStyleClass().add("statements");
        statements.setEditable(false);
        statements.setWrapText(false);
        statements.setPrefRowCount(10);
        statements.textProperty().bind(viewModel.statementsProperty());

        for (Label wrapped : new Label[] {key, summary, problem}) {
            wrapped.setMinHeight(Region.USE_PREF_SIZE);
            wrapped.setMaxWidth(Double.MAX_VALUE);
        }
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        Label kindLabel = new Label("Kind");
        GridPane.setValignment(kindLabel, VPos.TOP);
        form.addRow(0, kindLabel, kindBox);
        form.addRow(1, new Label("Role"), role);
        form.addRow(2, new Label("Foreign key"), key);
        GridPane.setHgrow(role, Priority.ALWAYS);
        VBox content = new VBox(10, form, problem, summary, new Label("Statements it runs:"), statements);
        VBox.setVgrow(statements, Priority.ALWAYS);
        content.setPrefWidth(680);
        content.getStyleClass().add("relationship-dialog");
        content.getStylesheets().add(Objects.requireNonNull(RelationshipDialog.class.getResource("diagram.css")).toExternalForm());
        dialog.getDialogPane().setContent(content);

        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        Button createButton = (Button) dialog.getDialogPane().lookupButton(create);
        createButton.setId("relationshipCreate");
        createButton.disableProperty().bind(viewModel.creatableBinding().not());
        // Create runs the call and closes the dialog only once it worked; a refusal stays on screen.
        createButton.addEventFilter(ActionEvent.ACTION, e -> {
            viewModel.create();
            if (!viewModel.doneProperty().get()) {
                e.consume();
            }
        });
        viewModel.doneProperty().addListener((obs, was, done) -> {
            if (done && dialog.isShowing()) {
                dialog.setResult(create);
                dialog.close();
            }
        });
    }

    void show() {
        dialog.show();
    }

    Node content() {
        return dialog.getDialogPane();
    }

    Dialog<ButtonType> dialog() {
        return dialog;
    }
}
