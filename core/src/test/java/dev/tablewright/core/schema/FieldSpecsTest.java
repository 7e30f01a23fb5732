package dev.tablewright.core.schema;

import dev.tablewright.core.base.LogicalType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** defineTable's fields written back from specs read the same, in the shortest form. */
class FieldSpecsTest {

    @Test
    void writtenFieldsParseBackToTheSameSpecs() {
        Map<String, FieldSpec> specs = new LinkedHashMap<>();
        specs.put("sku", new FieldSpec(LogicalType.INTEGER, true, false, false, null, true, false, null, null));
        specs.put("name", FieldSpec.of(LogicalType.STRING));
        specs.put("email", new FieldSpec(LogicalType.STRING, false, true, true, null, false, false, null, null));
        specs.put("seen", new FieldSpec(LogicalType.DATE, false, true, false, "NOW", false, false, null, null));
        specs.put("ownerId", new FieldSpec(LogicalType.STRING, false, false, true, null, false, false,
                new FieldSpec.Reference("people", "id", "SET NULL"), null));

        Map<String, Object> written = FieldSpecs.writeFields(specs);

        assertEquals("string", written.get("name"));
        assertEquals("uniquestring", written.get("email"));
        assertEquals(specs, FieldSpecs.parseFields(written));
    }

    @Test
    void automaticFieldsAreLeftToDefineTable() {
        Map<String, FieldSpec> specs = FieldSpecs.withAutoFields(FieldSpecs.parseFields(Map.of("name", "text")));
        assertEquals(Map.of("name", "text"), FieldSpecs.writeFields(specs));
    }
}
