package dev.tablewright.app.shell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tablewright.app.storage.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the window remembers between launches: theme, size and place, the connections that were
 * open, the database files opened lately (newest first) and whether grid edits are written at once.
 * Kept as {@code settings.json} in the data directory.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(Theme theme, WindowBounds window, List<String> openConnections, List<String> recentFiles,
                       boolean writeAtOnce) {
    /** How many recent files File → Open recent lists. */
    public static final int RECENT_FILES = 10;
    public static final String FILE_NAME = "settings.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where and how large the main window was; {@code null} fields leave the default. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public Settings {
        theme = theme == null ? Theme.LIGHT : theme;
        openConnections = openConnections == null ? List.of() : List.copyOf(openConnections);
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
    }

    public static Settings defaults() {
        return new Settings(Theme.LIGHT, null, List.of(), List.of(), false);
    }

    /**
     * The settings in {@code dir}, or the defaults when there are none yet or the file cannot be
     * read: a damaged settings file costs the user a window size, never a launch.
     */
    public static Settings load(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            return JSON.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            return defaults();
        }
    }

    public void save(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE_NAME), JSON.writeValueAsBytes(this));
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, window, openConnections, recentFiles, writeAtOnce);
    }

    public Settings withWindow(WindowBounds bounds) {
        return new Settings(theme, bounds, openConnections, recentFiles, writeAtOnce);
    }

    public Settings withOpenConnections(List<String> names) {
        return new Settings(theme, window, names, recentFiles, writeAtOnce);
    }

    public Settings withWriteAtOnce(boolean atOnce) {
        return new Settings(theme, window, openConnections, recentFiles, atOnce);
    }

    /** {@code file} first among the recent files, once, the oldest dropped past {@value #RECENT_FILES}. */
    public Settings withRecentFile(String file) {
        List<String> files = new ArrayList<>(recentFiles);
        files.remove(file);
        files.add(0, file);
        return new Settings(theme, window, openConnections, files.subList(0, Math.min(files.size(), RECENT_FILES)), writeAtOnce);
    }
}
