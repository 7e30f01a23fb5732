package dev.tablewright.app;

import dev.tablewright.app.dialog.FxDialogService;
import dev.tablewright.app.sample.SampleDatabase;
import dev.tablewright.app.shell.MainWindowView;
import dev.tablewright.app.shell.MainWindowViewModel;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.app.task.TaskExecutor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop workbench: opens the main window on the sample database. */
public final class TablewrightApp extends Application {
    private static final double WIDTH = 1200;
    private static final double HEIGHT = 800;

    private TaskExecutor tasks;
    private MainWindowViewModel viewModel;

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskExecutor();
        viewModel = new MainWindowViewModel(SampleDatabase.inUserDataDirectory(), tasks, new FxDialogService(stage));
        MainWindowView view = new MainWindowView(viewModel, Platform::exit);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(TablewrightApp.class.getResource("tablewright.css").toExternalForm());
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setScene(scene);
        stage.show();

        viewModel.open();
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
