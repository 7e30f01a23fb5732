package dev.tablewright.app.dialog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records every dialog it is asked to show and answers confirmations and text questions as told; other questions as if cancelled. */
public final class RecordingDialogService implements DialogService {
    private final List<String> shown = new ArrayList<>();
    private boolean confirmAnswer;
    private String typedAnswer = "";
    private Path fileAnswer;
    private String textAnswer;

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

    /** The text every later askText returns (null, the default: the user cancels). */
    public RecordingDialogService answerText(String text) {
        textAnswer = text;
        return this;
    }

    /** The file every later file chooser returns (null: the user cancels). */
    public RecordingDialogService answerFiles(Path file) {
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
    public Optional<String> askText(String title, String header, String initialValue) {
        shown.add("text|" + title + "|" + header + "|" + initialValue);
        return Optional.ofNullable(textAnswer);
    }

    @Override
    public Optional<String> askPassword(String title, String header) {
        shown.add("password|" + title + "|" + header);
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
        shown.add("open file|" + title);
        return Optional.ofNullable(fileAnswer);
    }

    @Override
    public Optional<Path> chooseFileToCreate(String title, String suggestedName, List<FileFilter> filters) {
        shown.add("create file|" + title + "|" + suggestedName);
        return Optional.ofNullable(fileAnswer);
    }

    @Override
    public boolean confirmByTyping(String title, String content, String expected, String action) {
        shown.add("confirmByTyping|" + title + "|" + expected + "|" + content);
        return expected.equals(typedAnswer);
    }

    @Override
    public void showImage(String title, byte[] image) {
        shown.add("image|" + title + "|" + image.length + " bytes");
    }
}
