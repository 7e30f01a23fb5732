package dev.tablewright.app.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.nio.file.Path;

/**
 * The app's log: {@value #FILE_NAME} in {@code logs/} under the data directory, rolled over at
 * {@value #MAX_FILE_MB} MB into {@code tablewright.1.log} … {@code tablewright.}{@value #KEPT_FILES}{@code .log},
 * so it never grows past a few tens of megabytes. Every line goes through {@link RedactingLayout}:
 * no password reaches the file.
 *
 * <p>Configured in code rather than from a {@code logback.xml}: nothing to parse at start-up, and the
 * directory comes from {@link dev.tablewright.app.DataDirectory} like every other file of ours.
 */
public final class AppLog {
    public static final String FILE_NAME = "tablewright.log";
    static final int MAX_FILE_MB = 5;
    static final int KEPT_FILES = 5;
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private static volatile Path current;

    private AppLog() {
    }

    /** Sends every log line of this process to {@code logs/tablewright.log} under {@code dataDir}; returns that file. */
    public static Path start(Path dataDir) {
        return start(dataDir.resolve("logs"), FileSize.valueOf(MAX_FILE_MB + "MB"), Duration.buildBySeconds(1));
    }

    /**
     * The file's size is looked at no more often than every {@code sizeCheck} (logback's default
     * is a minute, long enough for a logging loop to write far past the limit); both are small in
     * the test that watches the file roll over.
     */
    static synchronized Path start(Path logDir, FileSize maxFileSize, Duration sizeCheck) {
        Path file = logDir.resolve(FILE_NAME);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();

        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(logDir.resolve("tablewright.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(maxFileSize);
        trigger.setCheckIncrement(sizeCheck);
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);

        // The PostgreSQL driver and JavaFX log through java.util.logging (at its default level,
        // INFO): into the same file.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        current = file;
        return file;
    }

    /**
     * Closes the log file as the app stops: nothing is written after it, so the data directory
     * can go (a test's temporary one) and the next start opens its own file.
     */
    public static synchronized void stop() {
        if (current == null) {
            return;
        }
        ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
        SLF4JBridgeHandler.uninstall();
        current = null;
    }

    /** The file this process logs to, or null before {@link #start(Path)} (in tests, say). */
    public static Path file() {
        return current;
    }
}
