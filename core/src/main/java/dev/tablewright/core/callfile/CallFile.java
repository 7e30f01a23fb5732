package dev.tablewright.core.callfile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.TablewrightException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed call file (CONNECTOR.md section 1): a list of steps, each one function call with its
 * named parameters and an optional {@code as} binding.
 *
 * <p>The one reader of the format, for the command line and the app alike. Everything that can be
 * known without running anything is checked here, so a file with a typo fails before its first
 * step touches the database: the shape of every step and its function name (against the
 * {@link Functions} the caller runs). Wrong parameters are the runner's errors. {@link
 * CallFileWriter} writes the format.
 *
 * @param directory what {@code {"$file": path}} paths are relative to
 */
public record CallFile(Path directory, List<Step> steps) {

    /** The key that binds a step's result to a name. */
    public static final String AS = "as";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * One step.
     *
     * @param number   from 1, as printed in the output
     * @param params   the named parameters as written (references not yet replaced); never null
     * @param bindAs   the name its result is bound to, or null
     */
    public record Step(int number, String function, Map<String, Object> params, String bindAs) {
    }

    /** The functions a runner knows: what a step may call, and how to help when it names another. */
    public interface Functions {
        /** Whether a step may call {@code function}. */
        boolean isKnown(String function);

        /** Said after "unknown function 'x'.": a likely meant name and the known ones. */
        String whenUnknown(String function);

        /** The parameters {@code function} takes, for a step whose parameters are not a map. */
        String parameters(String function);

        /** Any function name: for a reader that looks for some steps and leaves the rest alone. */
        Functions ANY = new Functions() {
            @Override
            public boolean isKnown(String function) {
                return true;
            }

            @Override
            public String whenUnknown(String function) {
                return "";
            }

            @Override
            public String parameters(String function) {
                return "named parameters";
            }
        };

        /** Only these functions, as a reader that runs a part of the format allows. */
        static Functions only(List<String> names) {
            return new Functions() {
                @Override
                public boolean isKnown(String function) {
                    return names.contains(function);
                }

                @Override
                public String whenUnknown(String function) {
                    return " Here a step may call only " + String.join(", ", names) + ".";
                }

                @Override
                public String parameters(String function) {
                    return "named parameters";
                }
            };
        }
    }

    /** Reads and checks a call file; YAML, or JSON when the name ends in {@code .json}. */
    public static CallFile read(Path file, Functions functions) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw invalid("Call file not found: " + file);
        } catch (CharacterCodingException e) {
            throw invalid("The call file " + file + " is not UTF-8 text: save it as UTF-8 and run it again.");
        } catch (AccessDeniedException e) {
            throw invalid("No permission to read the call file " + file + ".");
        } catch (IOException e) {
            throw invalid("Cannot read call file " + file + ": " + e.getMessage());
        }
        boolean json = file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, json, dir, functions);
    }

    /**
     * Parses call-file text. JSON files get the JSON parser because YAML refuses tab indentation,
     * which is common in hand-written JSON; everything else is YAML, which reads most JSON too.
     */
    public static CallFile parse(String text, boolean json, Path directory, Functions functions) {
        Object document;
        try {
            ObjectMapper mapper = json ? Json.MAPPER.copy() : new YAMLMapper();
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            document = text.isBlank() ? null : Json.normalize(mapper.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw invalid("The call file is not valid " + (json ? "JSON" : "YAML") + ": " + describe(e));
        }
        if (document == null) {
            throw invalid("The call file is empty: expected a list of steps such as `- getAllTables: {}`.");
        }
        if (!(document instanceof List<?> list)) {
            throw invalid("The call file must be a list of steps (`- functionName: {parameters}`), not " + kind(document) + ".");
        }
        List<Step> steps = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            steps.add(step(i + 1, list.get(i), functions));
        }
        return new CallFile(directory, List.copyOf(steps));
    }

    private static Step step(int number, Object element, Functions functions) {
        String where = "Step " + number + ": ";
        if (!(element instanceof Map<?, ?> map)) {
            throw invalid(where + "expected a map `functionName: {parameters}` (plus optional `as: NAME`), got " + kind(element) + ".");
        }
        String function = null;
        String bindAs = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals(AS)) {
                if (!(e.getValue() instanceof String s) || !NAME.matcher(s).matches()) {
                    throw invalid(where + "`as` must be a name of letters, digits and _, starting with a letter (got "
                            + Json.write(e.getValue()) + ").");
                }
                bindAs = s;
            } else if (function == null) {
                function = key;
            } else {
                throw invalid(where + "has more than one function (" + function + ", " + key
                        + "); give each call its own step, starting with `- `.");
            }
        }
        if (function == null) {
            throw invalid(where + "names no function; expected `functionName: {parameters}`.");
        }
        if (!functions.isKnown(function)) {
            throw invalid(where + "unknown function '" + function + "'." + functions.whenUnknown(function));
        }
        Object params = map.get(function);
        if (params != null && !(params instanceof Map<?, ?>)) {
            throw invalid(where + "the parameters of " + function + " must be a map of named parameters ("
                    + functions.parameters(function) + "), got " + kind(params) + ".");
        }
        Map<String, Object> named = new LinkedHashMap<>();
        if (params != null) {
            ((Map<?, ?>) params).forEach((k, v) -> named.put(String.valueOf(k), v));
        }
        return new Step(number, function, named, bindAs);
    }

    /** How an unexpected value reads in a message: "a map", "the text \"x\"", ... */
    public static String kind(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String s) {
            return "the text " + Json.write(s.length() > 40 ? s.substring(0, 37) + "..." : s);
        }
        return "the value " + value;
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().strip();
        message = message.replaceAll("\\s+", " ");
        return at == null || at.getLineNr() < 0 ? message : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static TablewrightException invalid(String message) {
        return new TablewrightException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
