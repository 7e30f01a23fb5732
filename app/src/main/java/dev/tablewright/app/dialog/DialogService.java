package dev.tablewright.app.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every dialog the app shows goes through here, so ViewModels can be tested with a fake. */
public interface DialogService {

    /** A message the user reads and dismisses. */
    void showInformation(String title, String header, String content);

    /** Something went wrong; {@code content} says what and, where it can, what to do. */
    void showError(String title, String content);

    /**
     * Asks before something that cannot be undone; {@code action} labels the button that goes
     * ahead (Cancel is the default). True only when the user chose to go ahead.
     */
    boolean confirm(String title, String header, String content, String action);

    /** Asks for one line of text, starting from {@code initialValue}; empty when cancelled. */
    /**
     * Asks before something is done, with long details (the statements it will run) shown below
     * the question in a scrolling box; true only for {@code action}.
     */
    default boolean confirmWithDetails(String title, String header, String content, String details, String action) {
        return confirm(title, header, content + "\n\n" + details, action);
    }

    Optional<String> askText(String title, String header, String initialValue);

    /** Asks for a password in a field that hides what is typed; empty when cancelled. */
    Optional<String> askPassword(String title, String header);

    /** Lets the user pick an existing file; empty when cancelled. */
    Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters);

    /** Lets the user name a new file (or pick one to replace), starting from {@code suggestedName}; empty when cancelled. */
    Optional<Path> chooseFileToCreate(String title, String suggestedName, List<FileFilter> filters);

    /** A kind of file offered in a file chooser, e.g. {@code ("SQLite databases", ["*.db", "*.sqlite"])}. */
    record FileFilter(String description, List<String> patterns) {
        public FileFilter {
            patterns = List.copyOf(patterns);
        }
    }

    /**
     * Asks before something that destroys data, making the user type {@code expected} (the table's
     * or database's name) before the button labelled {@code action} goes ahead. True only then.
     */
    boolean confirmByTyping(String title, String content, String expected, String action);

    /** Shows bytes as an image (or says they are not one): the preview of a {@code file} field. */
    void showImage(String title, byte[] image);
}
