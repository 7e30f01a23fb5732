package dev.tablewright.app;

import dev.tablewright.app.dialog.DialogService;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The real dialogs, except that the file chooser answers with the file under test. */
record ChoosingFile(DialogService real, Path file) implements DialogService {
    @Override
    public void showInformation(String title, String header, String content) {
        real.showInformation(title, header, content);
    }

    @Override
    public void showError(String title, String content) {
        real.showError(title, content);
    }

    @Override
    public boolean confirm(String title, String header, String content, String action) {
        return real.confirm(title, header, content, action);
    }

    @Override
    public Optional<String> askText(String title, String header, String initialValue) {
        return real.askText(title, header, initialValue);
    }

    @Override
    public Optional<String> askPassword(String title, String header) {
        return real.askPassword(title, header);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
        return Optional.of(file);
    }

    @Override
    public Optional<Path> chooseFileToCreate(String title, String suggestedName, List<FileFilter> filters) {
        return real.chooseFileToCreate(title, suggestedName, filters);
    }

    @Override
    public boolean confirmByTyping(String title, String content, String expected, String action) {
        return real.confirmByTyping(title, content, expected, action);
    }

    @Override
    public void showImage(String title, byte[] image) {
        real.showImage(title, image);
    }
}
