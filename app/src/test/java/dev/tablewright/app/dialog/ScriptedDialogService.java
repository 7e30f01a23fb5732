package dev.tablewright.app.dialog;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A dialog service for ViewModel tests: it records every dialog shown ("kind|title|header|content")
 * and answers with what the test queued beforehand; a question nobody queued an answer for is
 * answered as if the user cancelled.
 */
public final class ScriptedDialogService implements DialogService {
    private final List<String> shown = new ArrayList<>();
    private final Deque<Boolean> confirmations = new ArrayDeque<>();
    private final Deque<String> texts = new ArrayDeque<>();
    private final Deque<String> passwords = new ArrayDeque<>();
    private final Deque<Path> files = new ArrayDeque<>();

    public List<String> shown() {
        return shown;
    }

    public ScriptedDialogService confirmWith(boolean answer) {
        confirmations.add(answer);
        return this;
    }

    public ScriptedDialogService answerText(String answer) {
        texts.add(answer);
        return this;
    }

    public ScriptedDialogService answerPassword(String answer) {
        passwords.add(answer);
        return this;
    }

    public ScriptedDialogService chooseFile(Path answer) {
        files.add(answer);
        return this;
    }

    @Override
    public void showInformation(String title, String header, String content) {
        shown.add("information|" + title + "|" + header + "|" + content);
    }

    @Override
    public void showError(String title, String content) {
        shown.add("error|" + title + "|" + content);
    }

    @Override
    public boolean confirm(String title, String header, String content, String action) {
        shown.add("confirm|" + title + "|" + header + "|" + content);
        Boolean answer = confirmations.poll();
        return answer != null && answer;
    }

    @Override
    public Optional<String> askText(String title, String header, String initialValue) {
        shown.add("text|" + title + "|" + header + "|" + initialValue);
        return Optional.ofNullable(texts.poll());
    }

    @Override
    public Optional<String> askPassword(String title, String header) {
        shown.add("password|" + title + "|" + header);
        return Optional.ofNullable(passwords.poll());
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
        shown.add("open file|" + title);
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFileToCreate(String title, String suggestedName, List<FileFilter> filters) {
        shown.add("create file|" + title + "|" + suggestedName);
        return Optional.ofNullable(files.poll());
    }

    @Override
    public boolean confirmByTyping(String title, String content, String expected, String action) {
        shown.add("confirmByTyping|" + title + "|" + expected);
        return false;
    }

    @Override
    public void showImage(String title, byte[] image) {
        shown.add("image|" + title + "|" + image.length + " bytes");
    }
}
