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
}
