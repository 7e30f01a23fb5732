package dev.tablewright.app.sample;

import dev.tablewright.core.Connector;
import dev.tablewright.core.callfile.CallFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs the part of the call-file format that builds a database from scratch: {@code defineTable},
 * {@code addRows}, {@code addRow} and {@code upsertRow} steps. The core's {@link CallFile} reads the
 * file; the command line runs the whole format, which the app cannot depend on.
 */
final class SampleSteps {
    private static final List<String> FUNCTIONS = List.of("defineTable", "addRows", "addRow", "upsertRow");

    private final URL source;
    private final CallFile file;

    private SampleSteps(URL source, CallFile file) {
        this.source = source;
        this.file = file;
    }

    /** Reads and checks every step, so a malformed file fails before anything is written. */
    static SampleSteps read(URL source) {
        String text;
        try (InputStream in = source.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the call file " + source + ": " + e.getMessage(), e);
        }
        return new SampleSteps(source, CallFile.parse(text, false, null, CallFile.Functions.only(FUNCTIONS)));
    }

    /** Runs the steps in order and stops at the first that fails. */
    void runOn(Connector connector) {
        for (CallFile.Step step : file.steps()) {
            try {
                run(step.function(), step.params(), connector);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Step " + step.number() + " (" + step.function() + ") of " + source
                        + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static void run(String function, Map<String, Object> params, Connector connector) {
        switch (function) {
            case "defineTable" -> connector.defineTable(text(params, "name"), map(params, "fields"),
                    params.get("options") == null ? null : map(params, "options"));
            case "addRows" -> connector.addRows(text(params, "table"), rows(params, "data"));
            case "addRow" -> connector.addRow(text(params, "table"), map(params, "data"));
            case "upsertRow" -> connector.upsertRow(text(params, "table"), map(params, "data"), map(params, "uniqueKey"));
            default -> throw new IllegalStateException("Unchecked function " + function);
        }
    }

    private static String text(Map<String, Object> params, String name) {
        if (!(params.get(name) instanceof String s)) {
            throw new IllegalArgumentException("'" + name + "' must be text.");
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> params, String name) {
        if (!(params.get(name) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("'" + name + "' must be a map.");
        }
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> params, String name) {
        if (!(params.get(name) instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
            throw new IllegalArgumentException("'" + name + "' must be a list of rows.");
        }
        return (List<Map<String, Object>>) list;
    }
}
