package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.shell.Theme;
import dev.tablewright.app.task.FxTaskExecutor;
import dev.tablewright.app.testing.Chinook;
import dev.tablewright.core.Connector;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Grid headers as a person reads them: Chinook's InvoiceLine shows every field's whole name, in every theme. */
@ExtendWith(ApplicationExtension.class)
class GridHeadersTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"LIGHT", "DARK"})
    void everyHeaderOfInvoiceLineShowsItsWholeName(Theme theme, FxRobot robot) throws Exception {
        try (Connector db = Chinook.on("sqlite").open(); FxTaskExecutor tasks = new FxTaskExecutor()) {
            GridViewModel grid = new GridViewModel(db, "InvoiceLine", tasks, new RecordingDialogService());
            robot.interact(() -> {
                Scene scene = new Scene(new GridView(grid).root(), 1280, 800);
                scene.getStylesheets().add(theme.stylesheet());
                stage.setScene(scene);
                stage.show();
                grid.open();
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#gridTable").queryTableView().getItems().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();

            for (String field : List.of("InvoiceLineId", "InvoiceId", "TrackId", "UnitPrice", "Quantity")) {
                Label header = robot.lookup("#header-" + field).queryAs(Label.class);
                String shown = robot.from(header).lookup(".text").queryAs(Text.class).getText();
                assertEquals(field, shown, "the header of " + field + " in the " + theme.label() + " theme");
            }
            FxToolkit.setupFixture(() -> stage.setScene(new Scene(new Group())));
        }
    }
}
