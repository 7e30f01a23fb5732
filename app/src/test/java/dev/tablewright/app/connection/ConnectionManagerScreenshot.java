package dev.tablewright.app.connection;

import atlantafx.base.theme.PrimerLight;
import dev.tablewright.app.dialog.ScriptedDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the connection manager to {@code connection-manager.png} in the directory named by the
 * system property {@code tablewright.screenshots}; skipped without it. Run with
 * {@code mvn -q -pl app -am test -Dtest=ConnectionManagerScreenshot -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtablewright.screenshots=$PWD/docs/screenshots}.
 */
@EnabledIfSystemProperty(named = "tablewright.screenshots", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ConnectionManagerScreenshot {
    @TempDir
    static Path dir;

    private Parent root;
    private ConnectionManagerViewModel viewModel;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path shop = dir.resolve("shop.db");
        try (Connector c = Connector.connect(ConnectOptions.sqlite(shop.toString()))) {
            c.defineTable("customers", Map.of("name", "string"));
        }
        new ProfileStore(dir).save(List.of(
                ConnectionProfile.sqlite("Shop", shop.toString()),
                new ConnectionProfile("Warehouse", DialectKind.POSTGRES, "stock", "db.internal", null, "clerk", true, null, true),
                new ConnectionProfile("Legacy orders", DialectKind.MARIADB, "orders", "10.0.4.12", 3307, "report", false, null, false)));
        viewModel = new ConnectionManagerViewModel(new ProfileStore(dir),
                new PasswordVault(new EncryptedFileSecretStore(dir, 10_000),
                        "No OS keyring is available, so remembered passwords go to an encrypted file, protected by a master password."),
                new ConnectionRegistry(Runnable::run), new SameThreadTaskExecutor(), new ScriptedDialogService());
        viewModel.load();
        root = new ConnectionManagerView(viewModel).root();
        stage.setScene(new Scene(root, 900, 520));
        stage.show();
    }

    @Test
    void rendersTheManager(FxRobot robot) throws IOException {
        robot.interact(() -> viewModel.select(viewModel.profilesProperty().get(0)));
        robot.interact(viewModel::testConnection);
        write(robot, "connection-manager.png");
        robot.interact(() -> viewModel.select(viewModel.profilesProperty().get(1)));
        write(robot, "connection-manager-server.png");
    }

    private void write(FxRobot robot, String name) throws IOException {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = root.snapshot(null, null));
        Path target = Path.of(System.getProperty("tablewright.screenshots")).resolve(name);
        Files.createDirectories(target.getParent());
        ImageIO.write(toBufferedImage(image[0]), "png", target.toFile());
        assertTrue(Files.size(target) > 0);
    }

    private static BufferedImage toBufferedImage(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
