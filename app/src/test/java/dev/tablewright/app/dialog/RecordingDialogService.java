package dev.tablewright.app.dialog;

import java.util.ArrayList;
import java.util.List;

/** Records every dialog it is asked to show and answers confirmations as told. */
public final class RecordingDialogService implements DialogService {
    private final List<String> shown = new ArrayList<>();
    private boolean confirmAnswer;

    /** The answer every later confirmation gets. */
    public RecordingDialogService answerConfirmations(boolean answer) {
        confirmAnswer = answer;
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
}
