package dev.tablewright.app.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Filters in files: a bare filter array (JSON or YAML), or a call-file step that reads with it. */
final class FilterFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
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
        try {
            return YAML.writeValueAsString(List.of(Map.of("getTableData", args)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filter array, or the filter of the first reading step of a call file; {@code table} when the file names none. */
    static Imported read(String text, String table) throws IOException {
        Object value = YAML.readValue(text, Object.class);
        if (value instanceof List<?> steps && !steps.isEmpty() && steps.stream().allMatch(s -> s instanceof Map<?, ?>)) {
            for (Object s : steps) {
                for (Map.Entry<?, ?> step : ((Map<?, ?>) s).entrySet()) {
                    if (READING_STEPS.contains(String.valueOf(step.getKey()))
                            && step.getValue() instanceof Map<?, ?> args && args.get("options") instanceof Map<?, ?> options) {
                        Object name = args.containsKey("name") ? args.get("name") : args.get("table");
                        List<String> named = name instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                                : name == null ? List.of(table) : List.of(String.valueOf(name));
                        return new Imported(named, options.get("filter"));
                    }
                }
            }
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "The call file has no getTableData, countRows or findRow step with a filter.");
        }
        return new Imported(List.of(table), value);
    }
}
