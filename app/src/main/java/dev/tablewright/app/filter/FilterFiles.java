package dev.tablewright.app.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.callfile.CallFile;
import dev.tablewright.core.callfile.CallFileWriter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Filters in files: a bare filter array (JSON or YAML), or a call-file step that reads with it. */
final class FilterFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> READING_STEPS = List.of("getTableData", "countRows", "findRow");

    private FilterFiles() {
    }

    /** What an imported file holds: the tables its step queries, and its filter. */
    record Imported(List<String> tables, Object filter) {
    }

    /** A {@code getTableData} step of a call file, as YAML. */
    static String callFileStep(Object name, List<Object> filter) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("filter", filter);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", name);
        args.put("options", options);
        return CallFileWriter.oneStep("getTableData", args);
    }

    /**
     * A filter array, or the filter of the first reading step of a call file; {@code table} when the
     * file names none. Numbers come back as every call-file reader gives them (whole ones as Long).
     */
    static Imported read(String text, String table) throws IOException {
        Object value = YAML.readValue(text, Object.class);
        if (value instanceof List<?> steps && !steps.isEmpty() && steps.stream().allMatch(s -> s instanceof Map<?, ?>)) {
            CallFile file = CallFile.parse(text, false, null, CallFile.Functions.ANY);
            for (CallFile.Step step : file.steps()) {
                if (READING_STEPS.contains(step.function()) && step.params().get("options") instanceof Map<?, ?> options) {
                    Map<String, Object> args = step.params();
                    Object name = args.containsKey("name") ? args.get("name") : args.get("table");
                    List<String> named = name instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                            : name == null ? List.of(table) : List.of(String.valueOf(name));
                    return new Imported(named, options.get("filter"));
                }
            }
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "The call file has no getTableData, countRows or findRow step with a filter.");
        }
        return new Imported(List.of(table), Json.normalize(value));
    }
}
