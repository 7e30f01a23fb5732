package dev.tablewright.app.filter;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tablewright.app.DataDirectory;
import dev.tablewright.core.base.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named filters of one table, kept as JSON in the data directory: one file per connection and
 * table, {@code filters/<connection>/<table>.json}, names hex-encoded where they are not plain
 * letters so any name makes a valid file name. Written to a temp file and moved over the old one
 * atomically, so a crash never leaves half a file.
 */
public final class SavedFilters {
    private final Path directory;

    /** Filters under {@code dataDirectory/filters}. */
    public SavedFilters(Path dataDirectory) {
        this.directory = dataDirectory.resolve("filters");
    }

    Path fileOf(String connection, String table) {
        return directory.resolve(DataDirectory.fileName(connection)).resolve(DataDirectory.fileName(table) + ".json");
    }

    /** The saved filters by name, in the order they were saved. */
    public Map<String, Object> list(String connection, String table) {
        Path file = fileOf(connection, table);
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the saved filters in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Saves (or replaces) a named filter and returns them all. */
    public Map<String, Object> save(String connection, String table, String name, Object filter) {
        Map<String, Object> all = list(connection, table);
        all.put(name, filter);
        write(fileOf(connection, table), all);
        return all;
    }

    public Map<String, Object> delete(String connection, String table, String name) {
        Map<String, Object> all = list(connection, table);
        if (all.remove(name) != null) {
            write(fileOf(connection, table), all);
        }
        return all;
    }

    private static void write(Path file, Map<String, Object> all) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), all);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the filters to " + file + ": " + e.getMessage(), e);
        }
    }
}
