package dev.tablewright.app;

import dev.tablewright.app.connection.ConfigDirectory;
import dev.tablewright.app.connection.ConnectionRegistry;
import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.dialog.FxDialogService;
import dev.tablewright.app.grid.GridWarmUp;
import dev.tablewright.app.log.AppLog;
import dev.tablewright.app.log.CrashReporter;
import dev.tablewright.app.log.StartupTimes;
import dev.tablewright.app.sample.SampleDatabase;
import dev.tablewright.app.shell.MainWindowView;
import dev.tablewright.app.shell.MainWindowViewModel;
import dev.tablewright.app.shell.Screens;
import dev.tablewright.app.shell.Settings;
import dev.tablewright.app.shell.Theme;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.app.task.TaskExecutor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The desktop workbench: opens the main window on the sample database, and on each database file
 * named on the command line ({@code tablewright shop.sqlite}).
 */
public final class TablewrightApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(TablewrightApp.class);
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 820;
    /** A remembered size below this is a mistake (a window squashed by some desktop), not a choice to keep. */
    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 400;

    private TaskExecutor tasks;
    private MainWindowViewModel viewModel;
    private MainWindowView view;
    private Stage stage;
    private Runnable uninstallCrashReporter = () -> { };
    private final List<String> givenArguments;
    private final Function<Stage, DialogService> dialogFactory;

    public TablewrightApp() {
        this(null, FxDialogService::new);
    }

    /**
     * For tests, which start the app without a launcher: {@code arguments} stand for the command
     * line, {@code dialogs} for the windows that ask the user (a file chooser a test can answer).
     */
    TablewrightApp(List<String> arguments, Function<Stage, DialogService> dialogs) {
        this.givenArguments = arguments;
        this.dialogFactory = dialogs;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Path dataDir = DataDirectory.resolve();
        Path log = AppLog.start(dataDir);
        LOG.info("Tablewright {} starting on Java {} ({}), data directory {}",
                TablewrightApp.class.getPackage().getImplementationVersion(), System.getProperty("java.version"),
                System.getProperty("os.name"), dataDir);
        DialogService dialogs = dialogFactory.apply(stage);
        uninstallCrashReporter = new CrashReporter(Platform::runLater, () -> dialogs, AppLog::file)
                .install(Thread.currentThread());
        try {
            open(stage, dataDir, dialogs);
        } catch (RuntimeException | Error failed) {
            // Without this the launcher prints the trace on a console nobody sees and the process ends.
            LOG.error("The main window could not be opened", failed);
            dialogs.showError(CrashReporter.TITLE, CrashReporter.message(failed, log));
            Platform.exit();
        }
    }

    private void open(Stage stage, Path dataDir, DialogService dialogs) {
        tasks = new FxTaskExecutor();
        viewModel = new MainWindowViewModel(new SampleDatabase(dataDir), tasks, dialogs, dataDir,
                ConfigDirectory.resolve(), new ConnectionRegistry(Platform::runLater));
        applyTheme(viewModel.themeProperty().get());
        viewModel.themeProperty().addListener((obs, old, theme) -> applyTheme(theme));
        view = new MainWindowView(viewModel, new Screens(tasks, dialogs, dataDir, viewModel.navigator()::refresh, viewModel), Platform::exit);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Settings.WindowBounds remembered = viewModel.rememberedWindow();
        boolean fits = remembered != null && remembered.width() >= MIN_WIDTH && remembered.height() >= MIN_HEIGHT
                && !Screen.getScreensForRectangle(remembered.x(), remembered.y(),
                remembered.width(), remembered.height()).isEmpty();
        Scene scene = fits
                ? new Scene(view.root(), remembered.width(), remembered.height())
                : new Scene(view.root(), Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(TablewrightApp.class.getResource("tablewright.css").toExternalForm());
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setScene(scene);
        // Closing the window with changes not saved in a grid asks first, as Quit does.
        stage.setOnCloseRequest(e -> {
            if (!view.mayQuit()) {
                e.consume();
            }
        });
        if (fits) {
            stage.setX(remembered.x());
            stage.setY(remembered.y());
            stage.setMaximized(remembered.maximized());
        }
        stage.show();
        StartupTimes.windowShown();
        // Then, with the user looking at the tables, the grid's first use happens out of sight.
        StartupTimes.whenTablesListed(viewModel.navigator().connections(),
                () -> GridWarmUp.start(tasks, List.copyOf(scene.getStylesheets())));
        // The keyboard starts in the table list (arrows, Enter to open), not in the search box.
        view.navigator().focusTree();

        viewModel.openSample();
        for (Path file : filesToOpen()) {
            viewModel.openFile(file);
        }
    }

    /** The database files named on the command line; options (starting with "-") are not files. */
    private List<Path> filesToOpen() {
        List<String> arguments = givenArguments != null ? givenArguments
                : getParameters() == null ? List.of() : getParameters().getUnnamed();
        return arguments.stream().filter(a -> !a.isBlank() && !a.startsWith("-")).map(Path::of).toList();
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme.stylesheet());
    }

    @Override
    public void stop() {
        if (viewModel != null && stage != null && stage.getScene() != null) {
            viewModel.rememberWindow(new Settings.WindowBounds(stage.getX(), stage.getY(),
                    stage.getScene().getWidth(), stage.getScene().getHeight(), stage.isMaximized()));
        }
        if (view != null) {
            view.disposeScreens();
        }
        // The work still running ends first, on connections still open; then they close.
        if (tasks != null) {
            tasks.close();
        }
        if (viewModel != null) {
            viewModel.close();
        }
        uninstallCrashReporter.run();
        AppLog.stop();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
