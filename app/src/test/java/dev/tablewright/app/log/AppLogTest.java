package dev.tablewright.app.log;

import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppLogTest {
    private static final Logger LOG = LoggerFactory.getLogger(AppLogTest.class);

    @TempDir
    Path logDir;

    @AfterEach
    void closeTheLog() {
        AppLog.stop();
    }

    @Test
    void linesGoToTheFileWithoutTheirPasswords() throws IOException {
        Path file = AppLog.start(logDir, FileSize.valueOf("5MB"), Duration.buildBySeconds(1));
        LOG.info("connecting to postgres://ann:s3cret@db.example/shop with password=hunter2");

        String text = Files.readString(file);
        assertTrue(text.contains("INFO  [main] dev.tablewright.app.log.AppLogTest - connecting to postgres://ann:***@db.example/shop with password=***"), text);
        assertFalse(text.contains("s3cret"), text);
        assertFalse(text.contains("hunter2"), text);
    }

    @Test
    void javaUtilLoggingOfTheDriversGoesToTheSameFile() throws IOException {
        Path file = AppLog.start(logDir, FileSize.valueOf("5MB"), Duration.buildBySeconds(1));
        // System.Logger writes to java.util.logging, as the PostgreSQL driver does.
        System.getLogger("org.postgresql.Driver").log(System.Logger.Level.WARNING, "a driver warning");

        assertTrue(Files.readString(file).contains("WARN  [main] org.postgresql.Driver - a driver warning"));
    }

    @Test
    void theFileRollsOverAndOnlyTheLastFewAreKept() throws IOException, InterruptedException {
        AppLog.start(logDir, FileSize.valueOf("2KB"), Duration.buildByMilliseconds(1));
        // The size is checked at most every millisecond, so log in bursts until enough rolls happened.
        for (int burst = 0; burst < 2000 && !Files.exists(logDir.resolve("tablewright." + AppLog.KEPT_FILES + ".log")); burst++) {
            for (int line = 0; line < 20; line++) {
                LOG.info("line {} of burst {}: some text to fill the file", line, burst);
            }
            Thread.sleep(5);
        }
        for (int burst = 0; burst < 200; burst++) {
            LOG.info("more after the last kept file exists, burst {}", burst);
            Thread.sleep(1);
        }

        try (Stream<Path> files = Files.list(logDir)) {
            assertEquals(AppLog.KEPT_FILES + 1, files.count(), "tablewright.log and " + AppLog.KEPT_FILES + " rolled files");
        }
        assertFalse(Files.exists(logDir.resolve("tablewright." + (AppLog.KEPT_FILES + 1) + ".log")));
    }
}
