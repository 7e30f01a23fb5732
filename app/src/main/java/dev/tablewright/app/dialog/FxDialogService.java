package dev.tablewright.app.dialog;

import javafx.scene.control.Alert;
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
}
