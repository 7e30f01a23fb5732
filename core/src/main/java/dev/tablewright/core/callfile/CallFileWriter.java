package dev.tablewright.core.callfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes call files (the format {@link CallFile} reads) as YAML: the table designer's export, the
 * filter builder's "save as a call file", the diagram's schema export.
 */
public final class CallFileWriter {
    /** Plain where YAML reads it back the same; text that looks like a number keeps its quotes. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private final List<Map<String, Object>> steps = new ArrayList<>();

    /** Adds the step {@code function: params}; the parameters keep their order. */
    public CallFileWriter step(String function, Map<String, ?> params) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put(function, new LinkedHashMap<>(params));
        steps.add(step);
        return this;
    }

    /** The steps so far as call-file YAML. */
    public String yaml() {
        try {
            return YAML.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new TablewrightException(ErrorCode.INVALID_ARGUMENT, "These parameters cannot be written to a call file: " + e.getOriginalMessage());
        }
    }

    /** A call file of one step. */
    public static String oneStep(String function, Map<String, ?> params) {
        return new CallFileWriter().step(function, params).yaml();
    }
}
