package dev.tablewright.app.grid;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tablewright.app.DataDirectory;
import dev.tablewright.app.storage.AtomicFiles;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which field of a table labels its rows where another table points at them (Album → its title).
 * A sensible field is picked ({@link #pick}); a person's choice is remembered per connection and
 * table, as JSON in the data directory ({@code grid-labels/<connection>.json}), or only for the
 * session where there is no directory.
 */
public final class LabelFields {
    private static final Set<String> LABEL_NAMES = Set.of("name", "title", "label");

    private final Path file;
    private final Map<String, String> chosen = new LinkedHashMap<>();

    private LabelFields(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try {
                chosen.putAll(Json.MAPPER.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() { }));
            } catch (IOException e) {
                // A damaged file loses only the choices: the picked fields still label every key.
                chosen.clear();
            }
        }
    }

    /** Choices kept in {@code dataDirectory/grid-labels/<connection>.json}. */
    public static LabelFields remembered(Path dataDirectory, String connection) {
        return new LabelFields(dataDirectory.resolve("grid-labels").resolve(DataDirectory.fileName(connection) + ".json"));
    }

    /** Choices kept for as long as this object lives. */
    public static LabelFields forSession() {
        return new LabelFields(null);
    }

    /** The field that labels {@code table}'s rows: the one chosen, if it still exists, else {@link #pick}. */
    public synchronized Optional<String> of(TableSchema table) {
        String choice = chosen.get(table.name());
        if (choice != null && table.fields().containsKey(choice)) {
            return Optional.of(choice);
        }
        return pick(table);
    }

    /** Remembers {@code field} as the label of {@code table}'s rows. */
    public synchronized void choose(String table, String field) {
        chosen.put(table, field);
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(chosen));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remember the label field in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A field a person would read a row by: one called name, title or label (in any case), else the
     * first unique text field, else the first text field; never the key itself. Empty when the
     * table has no text field: the key alone is shown then.
     */
    public static Optional<String> pick(TableSchema table) {
        List<Map.Entry<String, FieldSpec>> text = table.fields().entrySet().stream()
                .filter(e -> !e.getValue().primaryKey() && e.getValue().references() == null && isText(e.getValue().type()))
                .toList();
        return text.stream().filter(e -> LABEL_NAMES.contains(e.getKey().toLowerCase(Locale.ROOT))).findFirst()
                .or(() -> text.stream().filter(e -> e.getValue().unique()).findFirst())
                .or(() -> text.stream().findFirst())
                .map(Map.Entry::getKey);
    }

    /** Fields that can label a row: any that shows as a short value (not json, not files). */
    public static List<String> candidates(TableSchema table) {
        return table.fields().entrySet().stream()
                .filter(e -> e.getValue().type() != LogicalType.FILE && !e.getValue().type().isJson())
                .map(Map.Entry::getKey).toList();
    }

    private static boolean isText(LogicalType type) {
        return type == LogicalType.STRING || type == LogicalType.TEXT;
    }
}
