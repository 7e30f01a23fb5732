package dev.tablewright.app.connection;

import atlantafx.base.theme.PrimerLight;
import dev.tablewright.app.dialog.ScriptedDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import dev.tablewright.app.testing.Screenshots;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;


/**
 * Renders the connection manager to {@code connection-manager.png} in the directory named by the
 * system property {@code tablewright.screenshots}; skipped without it. Run with
 * {@code mvn -q -pl app -am test -Dtest=ConnectionManagerScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtablewright.screenshots=$PWD/docs/screenshots}.
 */
@EnabledIfSystemProperty(named = "tablewright.screenshots", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ConnectionManagerScreenshotsTest {
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
    @Tag("screenshot")
    void rendersTheManager(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.select(viewModel.profilesProperty().get(0)));
        robot.interact(viewModel::testConnection);
        Screenshots.save(root, "connection-manager");
        robot.interact(() -> viewModel.select(viewModel.profilesProperty().get(1)));
        Screenshots.save(root, "connection-manager-server");
    }
}
