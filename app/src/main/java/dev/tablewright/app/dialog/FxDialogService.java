package dev.tablewright.app.dialog;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Dialogs as JavaFX alerts and file choosers, owned by the main window. */
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
    public boolean confirm(String title, String header, String content) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, content, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (!extensions.isEmpty()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", extensions), extensions));
        }
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
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
