package dev.tablewright.app.testing;

import dev.tablewright.app.shell.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Assumptions;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders screens to PNG for {@code docs/screenshots}, only when asked: {@code scripts/screenshots.sh}
 * sets {@value #PROPERTY} to the directory. In an ordinary test run the screenshot tests are
 * skipped, so running the tests never rewrites files in the repository.
 */
public final class Screenshots {
    public static final String PROPERTY = "tablewright.screenshots";

    private Screenshots() {
    }

    /** Skips the calling test unless screenshots were asked for. */
    public static void assumeRequested() {
        Assumptions.assumeTrue(directory() != null, "screenshots are rendered only by scripts/screenshots.sh");
    }

    /** Writes {@code node} as {@code <name>.png} in the screenshot directory; returns the file. */
    public static Path save(Node node, String name) throws Exception {
        return save(node, name, Theme.LIGHT);
    }

    /** Writes {@code node} rendered with {@code theme} as {@code <name>.png}; returns the file. */
    public static Path save(Node node, String name, Theme theme) throws Exception {
        assumeRequested();
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                // The app's own theme, as the user sees it; a screen tested alone would show Modena.
                Application.setUserAgentStylesheet(theme.stylesheet());
                node.applyCss();
                shot.complete(node.snapshot(null, null));
            } catch (RuntimeException e) {
                shot.completeExceptionally(e);
            }
        });
        Path target = directory().resolve(name + ".png");
        Files.createDirectories(target.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(shot.get(30, TimeUnit.SECONDS), null), "png", target.toFile());
        return target;
    }

    private static Path directory() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }
}
