package dev.tablewright.app.dialog;

import java.io.ByteArrayInputStream;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Dialogs as JavaFX alerts and choosers, owned by the main window. */
public final class FxDialogService implements DialogService {
    private static final double ERROR_WIDTH = 600;

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showInformation(String title, String header, String content) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, content);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.showAndWait();
    }

    @Override
    public void showError(String title, String content) {
        Alert alert = new Alert(Alert.AlertType.ERROR, content);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        // Wide enough that a file path or an error code's message does not break mid-word.
        alert.getDialogPane().setPrefWidth(ERROR_WIDTH);
        alert.setResizable(true);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String header, String content, String action) {
        ButtonType goAhead = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, content, ButtonType.CANCEL, goAhead);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        // Enter must not delete anything by accident: Cancel is the default button.
        ((Button) alert.getDialogPane().lookupButton(goAhead)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(goAhead::equals).isPresent();
    }

    @Override
    public boolean confirmWithDetails(String title, String header, String content, String details, String action) {
        ButtonType goAhead = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, content, ButtonType.CANCEL, goAhead);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        TextArea statements = new TextArea(details);
        statements.setId("confirmDetails");
        statements.setEditable(false);
        statements.setWrapText(false);
        statements.setPrefSize(720, 280);
        statements.setStyle("-fx-font-family: monospace;");
        alert.getDialogPane().setExpandableContent(statements);
        alert.getDialogPane().setExpanded(true);
        alert.setResizable(true);
        ((Button) alert.getDialogPane().lookupButton(goAhead)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(goAhead::equals).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String header, String initialValue) {
        TextInputDialog dialog = new TextInputDialog(initialValue);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getEditor().setId("askTextField");
        return dialog.showAndWait();
    }

    @Override
    public Optional<String> askPassword(String title, String header) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        PasswordField field = new PasswordField();
        field.setId("askPasswordField");
        field.setPrefColumnCount(24);
        dialog.getDialogPane().setContent(field);
        ButtonType ok = new ButtonType("OK", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ok ? field.getText() : null);
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
        FileChooser chooser = chooser(title, filters);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToCreate(String title, String suggestedName, List<FileFilter> filters) {
        FileChooser chooser = chooser(title, filters);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    private static FileChooser chooser(String title, List<FileFilter> filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileFilter filter : filters) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter.description(), filter.patterns()));
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    @Override
    public boolean confirmByTyping(String title, String content, String expected, String action) {
        ButtonType goAhead = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, null, ButtonType.CANCEL, goAhead);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        TextField typed = new TextField();
        typed.setId("confirmName");
        typed.setPromptText(expected);
        Label text = new Label(content + "\n\nType " + expected + " to confirm.");
        text.setWrapText(true);
        alert.getDialogPane().setContent(new VBox(8, text, typed));
        Button button = (Button) alert.getDialogPane().lookupButton(goAhead);
        button.setDefaultButton(false);
        button.disableProperty().bind(typed.textProperty().isNotEqualTo(expected));
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(goAhead::equals).isPresent() && expected.equals(typed.getText());
    }

    @Override
    public void showImage(String title, byte[] image) {
        Image img = new Image(new ByteArrayInputStream(image));
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(title);
        if (img.isError() || img.getWidth() == 0) {
            alert.getDialogPane().setContent(new Label("This file (" + image.length + " bytes) is not an image JavaFX can show (PNG, JPEG, GIF, BMP)."));
        } else {
            ImageView view = new ImageView(img);
            view.setPreserveRatio(true);
            view.setFitWidth(Math.min(800, img.getWidth()));
            view.setFitHeight(Math.min(600, img.getHeight()));
            alert.getDialogPane().setContent(view);
        }
        alert.showAndWait();
    }
}
