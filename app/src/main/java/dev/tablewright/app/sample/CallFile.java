package dev.tablewright.app.sample;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tablewright.core.Connector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of the call-file format (shared/spec/CONNECTOR.md, section 1) that builds a database
 * from scratch: {@code defineTable}, {@code addRows}, {@code addRow} and {@code upsertRow} steps, without
 * {@code as:} bindings. The command line runs the whole format; the app cannot depend on it.
 */
final class CallFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final URL source;
    private final List<Step> steps;

    private CallFile(URL source, List<Step> steps) {
        this.source = source;
        this.steps = steps;
    }

    /** Reads and checks every step, so a malformed file fails before anything is written. */
    static CallFile read(URL source) {
        List<Map<String, Object>> raw;
        try {
            raw = YAML.readValue(source, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the call file " + source + ": " + e.getMessage(), e);
        }
        if (raw == null) {
            throw new IllegalArgumentException("The call file " + source + " has no steps.");
        }
        List<Step> steps = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            steps.add(Step.of(i + 1, raw.get(i)));
        }
        return new CallFile(source, steps);
    }

    /** Runs the steps in order and stops at the first that fails. */
    void runOn(Connector connector) {
        for (Step step : steps) {
            try {
                step.runOn(connector);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Step " + step.number() + " (" + step.function() + ") of " + source
                        + " failed: " + e.getMessage(), e);
            }
        }
    }

    record Step(int number, String function, Map<String, Object> params) {

        static Step of(int number, Map<String, Object> step) {
            if (step == null || step.size() != 1) {
                throw new IllegalArgumentException("Step " + number + " must be a map with exactly one function name as key, got "
                        + step + ".");
            }
            Map.Entry<String, Object> call = step.entrySet().iterator().next();
            String function = call.getKey();
            if (!List.of("defineTable", "addRows", "addRow", "upsertRow").contains(function)) {
                throw new IllegalArgumentException("Step " + number + " calls '" + function
                        + "', but a sample call file may only use defineTable, addRows, addRow and upsertRow.");
            }
            if (!(call.getValue() instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("Step " + number + " (" + function + ") needs its parameters as a map.");
            }
            @SuppressWarnings("unchecked") Map<String, Object> params = (Map<String, Object>) call.getValue();
            return new Step(number, function, params);
        }

        void runOn(Connector connector) {
            switch (function) {
                case "defineTable" -> connector.defineTable(text("name"), map("fields"), params.get("options") == null ? null : map("options"));
                case "addRows" -> connector.addRows(text("table"), rows("data"));
                case "addRow" -> connector.addRow(text("table"), map("data"));
                case "upsertRow" -> connector.upsertRow(text("table"), map("data"), map("uniqueKey"));
                default -> throw new IllegalStateException("Unchecked function " + function);
            }
        }

        private String text(String name) {
            if (!(params.get(name) instanceof String s)) {
                throw new IllegalArgumentException("'" + name + "' must be text.");
            }
            return s;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> map(String name) {
            if (!(params.get(name) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("'" + name + "' must be a map.");
            }
            return (Map<String, Object>) m;
        }

        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> rows(String name) {
            if (!(params.get(name) instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
                throw new IllegalArgumentException("'" + name + "' must be a list of rows.");
            }
            return (List<Map<String, Object>>) list;
        }
    }
}
