package dev.tablewright.app.dialog;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Dialogs as JavaFX alerts, owned by the main window. */
public final class FxDialogService implements DialogService {
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
    public boolean confirmByTyping(String title, String content, String expected, String action) {
        ButtonType goAhead = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, null, ButtonType.CANCEL, goAhead);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        javafx.scene.control.TextField typed = new javafx.scene.control.TextField();
        typed.setId("confirmName");
        typed.setPromptText(expected);
        javafx.scene.control.Label text = new javafx.scene.control.Label(content + "\n\nType " + expected + " to confirm.");
        text.setWrapText(true);
        alert.getDialogPane().setContent(new javafx.scene.layout.VBox(8, text, typed));
        Button button = (Button) alert.getDialogPane().lookupButton(goAhead);
        button.setDefaultButton(false);
        button.disableProperty().bind(typed.textProperty().isNotEqualTo(expected));
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(goAhead::equals).isPresent() && expected.equals(typed.getText());
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseFileToSave(String title, String suggestedName, String extension) {
        javafx.stage.FileChooser chooser = chooser(title, extension);
        chooser.setInitialFileName(suggestedName);
        return java.util.Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseFileToOpen(String title, String extension) {
        return java.util.Optional.ofNullable(chooser(title, extension).showOpenDialog(owner)).map(java.io.File::toPath);
    }

    private static javafx.stage.FileChooser chooser(String title, String extension) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT) + " files", "*." + extension));
        return chooser;
    }
}
