package dev.tablewright.app.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every dialog the app shows goes through here, so ViewModels can be tested with a fake. */
public interface DialogService {

    /** A message the user reads and dismisses. */
    void showInformation(String title, String header, String content);

    /**
     * A file to write, chosen by the user; empty when they cancel. A service that cannot show a
     * file chooser answers as if the user cancelled.
     *
     * @param extensions the file name endings offered, such as {@code json}
     */
    default Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
        return Optional.empty();
    }

    /** An existing file to read, chosen by the user; empty when they cancel. */
    default Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        return Optional.empty();
    }
}
