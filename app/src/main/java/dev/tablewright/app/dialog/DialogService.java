package dev.tablewright.app.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog the app shows goes through here, so ViewModels can be tested with a fake. The
 * questions have answers that mean "no" by default (not confirmed, no file chosen), so a fake
 * needs to implement only what its test asks.
 */
public interface DialogService {

    /** A message the user reads and dismisses. */
    void showInformation(String title, String header, String content);

    /** Asks the user to confirm something that cannot be undone; true only when they do. */
    default boolean confirm(String title, String header, String content) {
        return false;
    }

    /** A file to read, chosen by the user; {@code extensions} such as {@code "*.csv"} (empty: any file). */
    default Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        return Optional.empty();
    }

    /** Where to write a file, chosen by the user, starting from {@code suggestedName}. */
    default Optional<Path> chooseFileToSave(String title, String suggestedName) {
        return Optional.empty();
    }

    /** Shows bytes as an image (or says they are not one). */
    default void showImage(String title, byte[] image) {
    }
}
