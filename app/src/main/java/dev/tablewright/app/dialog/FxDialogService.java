package dev.tablewright.app.dialog;

import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

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
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
        FileChooser chooser = chooser(title, extensions);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        return Optional.ofNullable(chooser(title, extensions).showOpenDialog(owner)).map(File::toPath);
    }

    private static FileChooser chooser(String title, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (String ext : extensions) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(java.util.Locale.ROOT) + " files", "*." + ext));
        }
        return chooser;
    }
}
