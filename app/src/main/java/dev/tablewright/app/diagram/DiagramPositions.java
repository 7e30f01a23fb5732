package dev.tablewright.app.diagram;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tablewright.app.DataDirectory;
import dev.tablewright.app.storage.AtomicFiles;
import dev.tablewright.core.base.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the user left each table of a diagram, kept in the app's data directory, one file per
 * connection and database: {@code diagrams/<connection>/<database>.json}. Nothing goes into the
 * database itself, so a database another tool made gets no table of ours for it.
 */
public final class DiagramPositions {
    private final Path directory;

    public DiagramPositions(Path dataDirectory) {
        this.directory = dataDirectory.resolve("diagrams");
    }

    Path fileOf(String connection, String database) {
        return directory.resolve(DataDirectory.fileName(connection)).resolve(DataDirectory.fileName(database) + ".json");
    }

    /** The saved positions by table; empty when the diagram was never arranged. */
    public Map<String, Point> load(String connection, String database) {
        Path file = fileOf(connection, database);
        if (!Files.isRegularFile(file)) {
            return new HashMap<>();
        }
        try {
            Map<String, List<Double>> raw = Json.MAPPER.readValue(file.toFile(), new TypeReference<TreeMap<String, List<Double>>>() { });
            Map<String, Point> out = new HashMap<>();
            raw.forEach((table, xy) -> {
                if (xy != null && xy.size() == 2 && xy.get(0) != null && xy.get(1) != null) {
                    out.put(table, new Point(xy.get(0), xy.get(1)));
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the diagram's positions in " + file + ": " + e.getMessage(), e);
        }
    }

    public void save(String connection, String database, Map<String, Point> positions) {
        Map<String, List<Double>> raw = new TreeMap<>();
        positions.forEach((table, p) -> raw.put(table, List.of(p.x(), p.y())));
        Path file = fileOf(connection, database);
        try {
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(raw));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the diagram's positions to " + file + ": " + e.getMessage(), e);
        }
    }
}
