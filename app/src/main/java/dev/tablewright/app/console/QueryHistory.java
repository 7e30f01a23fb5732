package dev.tablewright.app.console;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tablewright.app.DataDirectory;
import dev.tablewright.app.storage.AtomicFiles;
import dev.tablewright.core.base.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements run on one connection, newest first, kept in a JSON file of their own under the
 * data directory ({@code query-history/<connection>.json}). Every save writes a temporary file
 * next to it and moves it over the old one atomically, so a crash leaves the old or the new
 * history, never half of one. At most {@value #LIMIT} entries are kept.
 */
public final class QueryHistory {
    static final int LIMIT = 1000;

    private final Path file;

    /** The history of {@code connectionId} in {@code directory}. */
    public QueryHistory(Path directory, String connectionId) {
        this.file = directory.resolve(fileName(connectionId));
    }

    /** The history of {@code connectionId} in the user's data directory. */
    public static QueryHistory inDataDirectory(String connectionId) {
        return new QueryHistory(DataDirectory.resolve().resolve("query-history"), connectionId);
    }

    /** Safe on every file system, and two different ids never share a file. */
    static String fileName(String connectionId) {
        String readable = connectionId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 60) {
            readable = readable.substring(0, 60);
        }
        return readable + "-" + Integer.toHexString(connectionId.hashCode()) + ".json";
    }

    public Path file() {
        return file;
    }

    /** The saved entries, newest first; none when nothing was saved yet. */
    public List<HistoryEntry> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Json.MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), new TypeReference<List<HistoryEntry>>() {
        });
    }

    /** Replaces the saved history with {@code entries} (newest first, cut to the limit). */
    public void save(List<HistoryEntry> entries) throws IOException {
        List<HistoryEntry> kept = new ArrayList<>(entries.subList(0, Math.min(LIMIT, entries.size())));
        AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(kept));
    }

    /** Whether {@code entry} matches a search: every word of it appears in the SQL, any case. */
    public static boolean matches(HistoryEntry entry, String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String sql = entry.sql().toLowerCase(Locale.ROOT);
        for (String word : search.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!sql.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
