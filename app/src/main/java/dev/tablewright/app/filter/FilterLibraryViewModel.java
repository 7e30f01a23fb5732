package dev.tablewright.app.filter;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.task.Failures;
import dev.tablewright.app.task.TaskExecutor;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The builder's filters kept outside it: saved under a name per connection and table, exported
 * as JSON or as a call-file step, imported from either. What each did is the builder's message.
 */
public final class FilterLibraryViewModel {
    private static final DialogService.FileFilter JSON_FILES = new DialogService.FileFilter("Filters (JSON)", List.of("*.json"));
    private static final DialogService.FileFilter CALL_FILES = new DialogService.FileFilter("Call files (YAML)", List.of("*.yaml", "*.yml"));

    private final FilterBuilderViewModel builder;
    private final SavedFilters savedFilters;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private Map<String, Object> saved = new LinkedHashMap<>();
    private final ReadOnlyListWrapper<String> savedNames = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final StringProperty saveName = new SimpleStringProperty("");

    FilterLibraryViewModel(FilterBuilderViewModel builder, SavedFilters savedFilters, TaskExecutor tasks, DialogService dialogs) {
        this.builder = builder;
        this.savedFilters = savedFilters;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** The saved filters of the builder's table (reads a file: off the FX thread). */
    Map<String, Object> read() {
        return savedFilters.list(builder.connectionName(), builder.table());
    }

    void show(Map<String, Object> all) {
        saved = all;
        savedNames.setAll(all.keySet());
    }

    /** Saves the current filter under the name typed in {@link #saveNameProperty()} (replacing one of that name). */
    public void saveFilter() {
        String name = saveName.get() == null ? "" : saveName.get().trim();
        if (name.isEmpty()) {
            builder.say("Type a name for the filter, then save it.");
            return;
        }
        Object stored = builder.stored();
        tasks.execute(() -> savedFilters.save(builder.connectionName(), builder.table(), name, stored), all -> {
            show(all);
            builder.say("Saved the filter '" + name + "'.");
        }, e -> builder.say("Could not save the filter: " + Failures.describe(e)));
    }

    /** Loads a saved filter into the builder (adding the tables it queries). */
    public void loadSaved(String name) {
        Object value = saved.get(name);
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> m) {
            builder.show(((List<?>) m.get("tables")).stream().map(String::valueOf).toList(), m.get("filter"), "Loaded the filter '" + name + "'.");
        } else {
            builder.show(List.of(builder.table()), value, "Loaded the filter '" + name + "'.");
        }
    }

    public void deleteSaved(String name) {
        tasks.execute(() -> savedFilters.delete(builder.connectionName(), builder.table(), name), all -> {
            show(all);
            builder.say("Deleted the filter '" + name + "'.");
        }, e -> builder.say("Could not delete the filter: " + Failures.describe(e)));
    }

    /** The filter as a call-file step that reads the rows it matches, like the steps of examples/*.yaml. */
    public String callFileStep() {
        return FilterFiles.callFileStep(builder.callFileName(), builder.filter().toArray());
    }

    public void exportJson() {
        dialogs.chooseFileToCreate("Export the filter as JSON", builder.table() + "-filter.json", List.of(JSON_FILES)).ifPresent(this::exportJson);
    }

    public void exportJson(Path file) {
        write(file, FilterJson.format(builder.filter().toArray()) + "\n");
    }

    public void exportCallFileStep() {
        dialogs.chooseFileToCreate("Export the filter as a call-file step", builder.table() + "-filter.yaml", List.of(CALL_FILES))
                .ifPresent(this::exportCallFileStep);
    }

    public void exportCallFileStep(Path file) {
        write(file, callFileStep());
    }

    private void write(Path file, String text) {
        tasks.execute(() -> Files.writeString(file, text), ok -> builder.say("Exported the filter to " + file + "."),
                e -> builder.say("Could not export the filter: " + Failures.describe(e)));
    }

    public void importFile() {
        dialogs.chooseFileToOpen("Import a filter", List.of(JSON_FILES, CALL_FILES)).ifPresent(this::importFile);
    }

    /** Reads a filter array (JSON or YAML) or a call file whose first getTableData/countRows/findRow step has one. */
    public void importFile(Path file) {
        tasks.execute(() -> FilterFiles.read(Files.readString(file), builder.table()),
                imported -> builder.show(imported.tables(), imported.filter(), "Imported the filter from " + file + "."),
                e -> builder.say("Could not import " + file + ": " + Failures.describe(e)));
    }

    public ReadOnlyListProperty<String> savedNamesProperty() {
        return savedNames.getReadOnlyProperty();
    }

    public StringProperty saveNameProperty() {
        return saveName;
    }
}
