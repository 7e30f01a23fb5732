package dev.tablewright.app.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.base.TablewrightException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Cell values as text and back: what a cell shows, and what an editor's text means. */
public final class CellValues {
    private CellValues() {
    }

    /** The text a cell shows for a value (null shows as empty; the cell marks it as NULL). */
    public static String display(LogicalType type, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof byte[] b) {
            return b.length + " bytes";
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?> || (type != null && type.isJson())) {
            return Json.write(value);
        }
        return String.valueOf(value);
    }

    /** JSON text as the value to store; {@code INVALID_VALUE} with the parser's reason when it is not JSON. */
    public static Object parseJson(String text) {
        try {
            return Json.MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new TablewrightException(ErrorCode.INVALID_VALUE, "Not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ".");
        }
    }

    /** Why the text is not JSON, or empty when it is. */
    public static String jsonProblem(String text) {
        try {
            parseJson(text);
            return "";
        } catch (TablewrightException e) {
            return e.getMessage();
        }
    }
}
