package dev.tablewright.app.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tablewright.core.base.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filter arrays as JSON text: written one condition a line with groups indented, and read back
 * remembering where each part stands, so a wrong part can be shown at its line and column.
 */
public final class FilterJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private FilterJson() {
    }

    /** Where a part of the text is: 1-based line and column, and the character offset. */
    public record Position(int line, int column, int offset) {
        static Position of(JsonLocation l) {
            return new Position(l.getLineNr(), l.getColumnNr(), (int) Math.max(0, l.getCharOffset()));
        }
    }

    /** JSON text read into plain values, with the position of each part by its path ({@code filter[2][1]}). */
    public record Parsed(Object value, Map<String, Position> positions) {
        public Position positionOf(String path) {
            String p = path;
            while (true) {
                Position found = positions.get(p);
                if (found != null || !p.contains("[")) {
                    return found;
                }
                p = p.substring(0, p.lastIndexOf('['));
            }
        }
    }

    /** Text that is not JSON, with where the reading stopped. */
    public static final class SyntaxException extends RuntimeException {
        private final transient Position position;

        SyntaxException(String message, Position position) {
            super(message);
            this.position = position;
        }

        public Position position() {
            return position;
        }
    }

    public static Parsed parse(String text) {
        Map<String, Position> positions = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Parsed(null, positions);
            }
            Object value = read(p, "filter", positions);
            if (p.nextToken() != null) {
                throw new SyntaxException("Text after the end of the filter array", Position.of(p.currentTokenLocation()));
            }
            return new Parsed(value, positions);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new SyntaxException(e.getOriginalMessage(), l == null ? new Position(1, 1, 0) : Position.of(l));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(JsonParser p, String path, Map<String, Position> positions) throws IOException {
        positions.put(path, Position.of(p.currentTokenLocation()));
        return switch (p.currentToken()) {
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p, path + "[" + list.size() + "]", positions));
                }
                yield list;
            }
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, read(p, path + "." + key, positions));
                }
                yield map;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.INT ? (Object) p.getIntValue()
                    : p.getNumberType() == JsonParser.NumberType.LONG ? (Object) p.getLongValue() : p.getBigIntegerValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new SyntaxException("Unexpected " + p.currentToken(), Position.of(p.currentTokenLocation()));
        };
    }

    /** The array as text: a condition per line, groups indented, words on their own lines. */
    public static String format(Object filter) {
        StringBuilder out = new StringBuilder();
        format(filter, "", out);
        return out.toString();
    }

    private static void format(Object value, String indent, StringBuilder out) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            out.append(Json.write(value));
            return;
        }
        if (isConditionLike(list)) {
            out.append('[').append(String.join(", ", list.stream().map(FilterJson::inline).toList())).append(']');
            return;
        }
        out.append("[\n");
        String inner = indent + "  ";
        for (int i = 0; i < list.size(); i++) {
            out.append(inner);
            format(list.get(i), inner, out);
            out.append(i < list.size() - 1 ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    private static String inline(Object value) {
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(FilterJson::inline).toList()) + "]";
        }
        return Json.write(value);
    }

    private static boolean isConditionLike(List<?> list) {
        if (!(list.get(0) instanceof String first)) {
            return false;
        }
        String w = first.trim().toLowerCase(Locale.ROOT);
        return !w.equals("and") && !w.equals("or");
    }
}
