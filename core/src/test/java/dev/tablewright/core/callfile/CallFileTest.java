package dev.tablewright.core.callfile;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one reader and writer of call files, shared by the command line and the app. */
class CallFileTest {

    @Test
    void whatTheWriterWritesTheReaderReadsBackUnchanged() {
        Map<String, Object> options = new LinkedHashMap<>();
        // Numbers read back as Long, as every call-file reader gives them (Json.normalize).
        options.put("filter", List.of(List.of("zip", "=", "01234"), "and", List.of("active", "=", true), "and", List.of("n", ">", 3L)));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", "people");
        params.put("options", options);
        String yaml = new CallFileWriter().step("getTableData", params).step("countRows", Map.of("name", "true")).yaml();

        CallFile file = CallFile.parse(yaml, false, null, CallFile.Functions.ANY);

        assertEquals(2, file.steps().size());
        assertEquals("getTableData", file.steps().get(0).function());
        assertEquals(params, file.steps().get(0).params(), yaml);
        assertEquals(Map.of("name", "true"), file.steps().get(1).params(), "text that reads as a boolean stays text");
    }

    @Test
    void aStepCallingAFunctionTheRunnerDoesNotKnowIsRefusedBeforeAnythingRuns() {
        String yaml = "- defineTable: {name: t, fields: {a: string}}\n- dropEverything: {}\n";
        TablewrightException e = assertThrows(TablewrightException.class,
                () -> CallFile.parse(yaml, false, null, CallFile.Functions.only(List.of("defineTable"))));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("Step 2: unknown function 'dropEverything'. Here a step may call only defineTable."), e.getMessage());
    }

    @Test
    void aBindingNameIsKeptWithItsStep() {
        CallFile file = CallFile.parse("- addRow: {table: t, data: {a: 1}}\n  as: first\n", false, null, CallFile.Functions.ANY);
        assertEquals("first", file.steps().get(0).bindAs());
    }
}
