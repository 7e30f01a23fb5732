package dev.tablewright.app.dialog;

import java.util.ArrayList;
import java.util.List;

/** Records every dialog it is asked to show and answers confirmations as told. */
public final class RecordingDialogService implements DialogService {
    private final List<String> shown = new ArrayList<>();
    private boolean confirmAnswer;
    private String typedAnswer = "";
    private java.nio.file.Path fileAnswer;

    /** The answer every later confirmation gets. */
    public RecordingDialogService answerConfirmations(boolean answer) {
        confirmAnswer = answer;
        return this;
    }

    /** What the user types into every later confirmation that asks for a name. */
    public RecordingDialogService answerTyping(String typed) {
        typedAnswer = typed;
        return this;
    }

    /** The file every later file chooser returns (null: the user cancels). */
    public RecordingDialogService answerFiles(java.nio.file.Path file) {
        fileAnswer = file;
        return this;
    }

    /** Every dialog so far, as "kind|title|header|content". */
    public List<String> shown() {
        return shown;
    }

    @Override
    public void showInformation(String title, String header, String content) {
        shown.add("information|" + title + "|" + header + "|" + content);
    }

    @Override
    public void showError(String title, String content) {
        shown.add("error|" + title + "||" + content);
    }

    @Override
    public boolean confirm(String title, String header, String content, String action) {
        shown.add("confirm|" + title + "|" + header + "|" + content);
        return confirmAnswer;
    }

    @Override
    public boolean confirmByTyping(String title, String content, String expected, String action) {
        shown.add("confirmByTyping|" + title + "|" + expected + "|" + content);
        return expected.equals(typedAnswer);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseFileToSave(String title, String suggestedName, String extension) {
        shown.add("save|" + title + "|" + suggestedName + "|" + extension);
        return java.util.Optional.ofNullable(fileAnswer);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> chooseFileToOpen(String title, String extension) {
        shown.add("open|" + title + "||" + extension);
        return java.util.Optional.ofNullable(fileAnswer);
    }
}
