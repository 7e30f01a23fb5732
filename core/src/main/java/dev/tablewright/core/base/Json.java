package dev.tablewright.core.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON mapper of the project. Dates are written as ISO-8601 instants
 * ({@code Instant.toString()}), byte arrays as base64, as section 3 of the contract says.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /**
     * The mapper for values stored in json/jsonb fields: {@link #MAPPER} that refuses objects and
     * arrays nested deeper than {@link Values#MAX_JSON_DEPTH} while it writes, so no value is walked
     * twice on its way to the database.
     */
    private static final ObjectMapper VALUE_MAPPER = depthLimited(MAPPER.copy());

    private Json() {
    }

    private static ObjectMapper depthLimited(ObjectMapper mapper) {
        mapper.getFactory().setStreamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Values.MAX_JSON_DEPTH).build());
        return mapper;
    }

    /** JSON text of a field's value; null when it nests deeper than {@link Values#MAX_JSON_DEPTH}. */
    static String writeValue(Object value) {
        try {
            return VALUE_MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof StreamConstraintsException) {
                    return null;
                }
            }
            throw new TablewrightException(ErrorCode.INVALID_VALUE, "Value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TablewrightException(ErrorCode.INVALID_VALUE, "Value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON text into plain Java values: Map, List, String, Long/BigInteger, Double, Boolean, null. */
    public static Object read(String text) {
        try {
            Object v = MAPPER.readValue(text, Object.class);
            return normalize(v);
        } catch (JsonProcessingException e) {
            throw new TablewrightException(ErrorCode.INVALID_VALUE, "Not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Integers as Long where they fit, decimals as Double, recursively. */
    @SuppressWarnings("unchecked")
    public static Object normalize(Object v) {
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(normalize(x));
            }
            return out;
        }
        return v;
    }
}
