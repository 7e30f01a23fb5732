package dev.tablewright.app.dialog;

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

    /**
     * Asks before something that destroys data, making the user type {@code expected} (the table's
     * or database's name) before the button labelled {@code action} goes ahead. True only then.
     */
    boolean confirmByTyping(String title, String content, String expected, String action);

    /** Asks where to save a file; empty when the user cancels. {@code extension} is like "yaml". */
    java.util.Optional<java.nio.file.Path> chooseFileToSave(String title, String suggestedName, String extension);

    /** Asks for a file to open; empty when the user cancels. */
    java.util.Optional<java.nio.file.Path> chooseFileToOpen(String title, String extension);
}
