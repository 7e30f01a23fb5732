package dev.tablewright.cli;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.Names;
import dev.tablewright.core.base.TablewrightException;
import dev.tablewright.core.callfile.CallFile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results bound with {@code as: NAME}, and the replacement of {@code ${NAME}},
 * {@code ${NAME.field}} and {@code ${NAME.0.field}} in a step's parameters.
 *
 * <p>A string that is exactly one reference becomes the referenced value with its JSON type
 * (number, object, ...); a reference inside a longer string is replaced by its text (strings as
 * they are, anything else as JSON). <code>$${</code> writes a literal <code>${</code>. A map
 * {@code {"$file": "path"}} becomes that file's bytes, the path taken relative to the call file.
 */
final class Bindings {
    static final String FILE_KEY = "$file";

    /** {@code $${...}} (escaped, kept literally) or {@code ${...}}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$?\\$\\{([^}]*)}");

    private final Map<String, Object> bound = new LinkedHashMap<>();
    /** Names whose binding step failed (with --keep-going), for a message that says so. */
    private final Set<String> failed = new HashSet<>();
    private final Path directory;

    Bindings(Path directory) {
        this.directory = directory;
    }

    /**
     * Binds a result as the JSON the step printed, so references see what the user saw: dates
     * as ISO strings, files as base64, records such as a schema as maps.
     */
    void bind(String name, Object result) {
        bound.put(name, Json.read(Json.write(result)));
        failed.remove(name);
    }

    /** The step that binds {@code name} failed: an earlier result under that name is dropped. */
    void bindFailed(String name) {
        bound.remove(name);
        failed.add(name);
    }

    /** A deep copy of the parameters with every reference and {@code $file} replaced. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> params) {
        return (Map<String, Object>) resolveValue(params);
    }

    private Object resolveValue(Object value) {
        if (value instanceof String s) {
            return substitute(s);
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey(FILE_KEY)) {
                return readFile(resolveValue(map.get(FILE_KEY)));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), resolveValue(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(resolveValue(v)));
            return out;
        }
        return value;
    }

    private Object substitute(String text) {
        Matcher m = REFERENCE.matcher(text);
        if (m.matches() && !text.startsWith("$$")) {
            return lookup(m.group(1));
        }
        StringBuilder out = new StringBuilder();
        m.reset();
        while (m.find()) {
            String replacement;
            if (m.group().startsWith("$$")) {
                replacement = m.group().substring(1);
            } else {
                Object v = lookup(m.group(1));
                replacement = v instanceof String s ? s : Json.write(v);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Object lookup(String reference) {
        String[] path = reference.trim().split("\\.", -1);
        String name = path[0];
        if (failed.contains(name)) {
            throw invalid("${" + reference + "}: '" + name + "' is not bound because the step with `as: " + name + "` failed.");
        }
        if (!bound.containsKey(name)) {
            throw invalid("${" + reference + "}: nothing is bound to '" + name + "'"
                    + (bound.isEmpty() ? " (no step so far has `as: NAME`)." : "; bound so far: " + String.join(", ", bound.keySet()) + "."));
        }
        Object v = bound.get(name);
        StringBuilder at = new StringBuilder(name);
        for (int i = 1; i < path.length; i++) {
            String segment = path[i];
            if (v instanceof Map<?, ?> map) {
                if (!map.containsKey(segment)) {
                    throw invalid("${" + reference + "}: " + at + " has no field '" + segment + "'; its fields: "
                            + String.join(", ", map.keySet().stream().map(String::valueOf).toList()) + ".");
                }
                v = map.get(segment);
            } else if (v instanceof List<?> list) {
                int index;
                try {
                    index = Integer.parseInt(segment);
                } catch (NumberFormatException e) {
                    throw invalid("${" + reference + "}: " + at + " is a list; use an index such as " + at + ".0, not '" + segment + "'.");
                }
                if (index < 0 || index >= list.size()) {
                    throw invalid("${" + reference + "}: " + at + " has " + list.size() + " element(s), so there is no index " + index + ".");
                }
                v = list.get(index);
            } else {
                throw invalid("${" + reference + "}: " + at + " is " + CallFile.kind(v) + ", which has no '" + segment + "'.");
            }
            at.append('.').append(segment);
        }
        return v;
    }

    private byte[] readFile(Object path) {
        if (!(path instanceof String p) || p.isBlank()) {
            throw invalid("{\"$file\": path} needs the path as text, got " + CallFile.kind(path) + ".");
        }
        Path file = directory.resolve(p);
        // In the person's words, never Java's: the call file names the file, the message says what is wrong with it.
        if (Files.isDirectory(file)) {
            throw invalid(FILE_KEY + " " + p + " is a folder, not a file (" + file + ").");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw invalid(FILE_KEY + " " + p + " not found: no file " + file + " (a relative path is read from the call file's folder).");
        } catch (AccessDeniedException e) {
            throw invalid("No permission to read " + FILE_KEY + " " + p + " (" + file + ").");
        } catch (IOException e) {
            throw invalid("Cannot read " + FILE_KEY + " " + p + " (" + file + ")" + (e.getMessage() == null ? "." : ": " + e.getMessage()));
        }
    }

    private static TablewrightException invalid(String message) {
        return new TablewrightException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
