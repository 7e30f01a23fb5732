package dev.tablewright.app.dialog;

/** Every dialog the app shows goes through here, so ViewModels can be tested with a fake. */
public interface DialogService {

    /** A message the user reads and dismisses. */
    void showInformation(String title, String header, String content);
}
