package dev.tablewright.app.sqltext;

import dev.tablewright.core.lex.SqlFlavor;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.reactfx.Subscription;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * SQL colouring for any RichTextFX {@link CodeArea} (the console, the table designer's previews,
 * the filter builder): {@link #styles} turns text into style spans (a pure function over
 * {@link SqlTokenizer}); {@link #install} keeps an area coloured the way RichTextFX's
 * JavaKeywordsAsync demo does: edits are debounced, the spans are computed on a background thread,
 * and only the result for the latest text is applied.
 */
public final class SqlHighlighter {
    /** The stylesheet with the token colours; {@link #install} adds it to the area. */
    public static final String STYLESHEET = SqlHighlighter.class.getResource("sql-highlighting.css").toExternalForm();

    private static final Duration DEBOUNCE = Duration.ofMillis(120);
    private static final ExecutorService HIGHLIGHTING = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tablewright-sql-highlighting");
        t.setDaemon(true);
        return t;
    });

    private SqlHighlighter() {
    }

    /** Style spans covering all of {@code text}: each token gets its kind's CSS class, the rest none. */
    public static StyleSpans<Collection<String>> styles(String text, SqlFlavor flavor) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        List<SqlTokenizer.Token> tokens = SqlTokenizer.tokenize(text, flavor);
        for (SqlTokenizer.Token t : tokens) {
            spans.add(Collections.emptyList(), t.start() - last);
            spans.add(Collections.singleton(t.kind().styleClass()), t.end() - t.start());
            last = t.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }

    /**
     * Colours {@code area} now and after every edit, off the FX thread. Call on the FX thread;
     * {@link Subscription#unsubscribe()} on the result stops it.
     */
    public static Subscription install(CodeArea area, SqlFlavor flavor) {
        return install(area, flavor, () -> {
        });
    }

    /** {@link #install(CodeArea, SqlFlavor)}, running {@code afterStyling} each time new colours are applied (to redraw marks of its own). */
    public static Subscription install(CodeArea area, SqlFlavor flavor, Runnable afterStyling) {
        if (!area.getStylesheets().contains(STYLESHEET)) {
            area.getStylesheets().add(STYLESHEET);
        }
        area.getStyleClass().add("sql-code");
        Subscription edits = area.multiPlainChanges()
                .successionEnds(DEBOUNCE)
                .retainLatestUntilLater(HIGHLIGHTING)
                .supplyTask(() -> compute(area.getText(), flavor))
                .awaitLatest(area.multiPlainChanges())
                .filterMap(t -> t.isSuccess() ? Optional.of(t.get()) : Optional.empty())
                .subscribe(result -> {
                    if (apply(area, result)) {
                        afterStyling.run();
                    }
                });
        if (!area.getText().isEmpty()) {
            area.setStyleSpans(0, styles(area.getText(), flavor));
            afterStyling.run();
        }
        return edits;
    }

    /** The spans and the text they were computed for: applied only if the area still holds that text. */
    private record Highlighting(String text, StyleSpans<Collection<String>> spans) {
    }

    private static Task<Highlighting> compute(String text, SqlFlavor flavor) {
        Task<Highlighting> task = new Task<>() {
            @Override
            protected Highlighting call() {
                return new Highlighting(text, styles(text, flavor));
            }
        };
        HIGHLIGHTING.execute(task);
        return task;
    }

    private static boolean apply(CodeArea area, Highlighting h) {
        if (Platform.isFxApplicationThread() && area.getText().equals(h.text())) {
            area.setStyleSpans(0, h.spans());
            return true;
        }
        return false;
    }
}
