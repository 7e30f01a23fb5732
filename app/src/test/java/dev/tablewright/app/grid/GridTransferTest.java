package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.DialogService;
import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.core.Connector;
import dev.tablewright.core.base.Json;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.tablewright.app.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Export to CSV/JSON and import from CSV, in chunks, with progress and cancel. */
class GridTransferTest {
    @TempDir
    Path dir;
    final DialogService dialogs = new RecordingDialogService();
    final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
    final List<Throwable> failures = new ArrayList<>();
    Connector db;

    static Stream<String> dialects() {
        return TestDatabases.dialects().stream();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** 2,500 typed rows: more than two chunks, with NULLs, JSON, dates and awkward text. */
    private GridViewModel things(String dialect) {
        db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("label", "text");
        fields.put("n", "integer");
        fields.put("x", "number");
        fields.put("ok", "boolean");
        fields.put("at", "date");
        fields.put("doc", "jsonb");
        db.defineTable("things", fields);
        db.defineTable("copies", fields);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("label", i % 10 == 0 ? null : "row " + i + ", \"quoted\"\nnext line");
            r.put("n", (long) i);
            r.put("x", i / 4.0);
            r.put("ok", i % 3 == 0);
            r.put("at", "2025-01-31T10:15:30.123Z");
            r.put("doc", Map.of("i", i, "tags", List.of("a", "b")));
            rows.add(r);
        }
        db.addRows("things", rows);
        GridViewModel vm = new GridViewModel(db, "things", executor, dialogs);
        vm.open();
        return vm;
    }

    private static List<Map<String, Object>> withoutAutoFields(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>(r);
            m.remove("id");
            m.remove("createdAt");
            m.remove("updatedAt");
            return m;
        }).toList();
    }

    private List<Map<String, Object>> read(String table) {
        return db.getTableData(table, ReadOptions.builder().order(List.of("n", "ASC")).autoJoin(false).build());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aTableExportedToCsvImportsBackIntoAnExistingTableUnchanged(String dialect) {
        GridViewModel vm = things(dialect);
        Path file = dir.resolve("things.csv");

        vm.export(file, RowFormat.CSV, false);
        assertTrue(vm.messageProperty().get().startsWith("Exported 2500 rows"), vm.messageProperty().get());
        assertEquals("id,label,n,x,ok,at,doc,createdAt,updatedAt", firstLine(file));

        vm.importCsv(file, "copies");
        assertEquals("Imported 2500 rows into copies.", vm.messageProperty().get());
        assertEquals(read("things"), read("copies"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aFilteredViewExportsOnlyItsRowsAsJson(String dialect) throws Exception {
        GridViewModel vm = things(dialect);
        vm.filterProperty().set(Filter.parse(List.of("n", "<", 1500)));
        vm.sort(List.of(new SortKey("n", true)));
        Path file = dir.resolve("some.json");

        vm.export(file, RowFormat.JSON, true);

        List<?> rows = (List<?>) Json.read(Files.readString(file));
        assertEquals(1500, rows.size());
        assertEquals(1499, ((Number) ((Map<?, ?>) rows.get(0)).get("n")).intValue(), "in the grid's order");
        Map<?, ?> doc = (Map<?, ?>) ((Map<?, ?>) rows.get(0)).get("doc");
        assertEquals(1499, ((Number) doc.get("i")).intValue());
        assertEquals(List.of("a", "b"), doc.get("tags"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void importingIntoANewTableGuessesTheColumnTypes(String dialect) throws Exception {
        GridViewModel vm = things(dialect);
        Path file = dir.resolve("new.csv");
        Files.writeString(file, "name,qty,price,active\nbolt,10,0.25,true\nnut,,1.5,false\n\"washer, wide\",3,2,true\n");

        vm.importCsv(file, "parts");

        assertEquals("Imported 3 rows into parts.", vm.messageProperty().get());
        Map<String, Object> nut = db.findRow("parts", ReadOptions.filter(List.of("name", "=", "nut")));
        assertEquals(null, nut.get("qty"));
        assertEquals(1.5, nut.get("price"));
        assertEquals(false, nut.get("active"));
        assertEquals(3L, db.findRow("parts", ReadOptions.filter(List.of("name", "=", "washer, wide"))).get("qty"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aCancelledExportStopsAndLeavesNoFile(String dialect) {
        GridViewModel vm = things(dialect);
        Path file = dir.resolve("cancelled.csv");

        executor.cancelNextRun();
        vm.export(file, RowFormat.CSV, false);

        assertFalse(Files.exists(file));
        assertFalse(Files.exists(dir.resolve("cancelled.csv.part")));
        assertTrue(vm.messageProperty().get().startsWith("CANCELLED: "), vm.messageProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void anExportCancelledHalfwayStopsBetweenChunks(String dialect) {
        GridViewModel vm = things(dialect);
        Path file = dir.resolve("half.json");
        RowWindow window = new RowWindow(db, db.getTableSchema("things"), List.of(), null, true);
        List<Long> progress = new ArrayList<>();

        executor.run("export", context -> TableTransfer.export(db, window, null, file, RowFormat.JSON, new TaskContext() {
            @Override
            public void progress(long done, long total, String message) {
                progress.add(done);
            }

            @Override
            public boolean isCancelled() {
                return !progress.isEmpty();
            }

            @Override
            public void onCancel(Runnable action) {
            }
        }), n -> {
        }, failures::add);

        assertEquals(List.of(1000L), progress, "one chunk written, then it stopped");
        assertInstanceOf(CancellationException.class, failures.get(0));
        assertFalse(Files.exists(file));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void anImportOfABadValueSaysWhichAndKeepsTheTableAsItWas(String dialect) throws Exception {
        GridViewModel vm = things(dialect);
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "label,n\nfine,1\nbad,one\n");

        vm.importCsv(file, "copies");

        assertTrue(vm.messageProperty().get().startsWith("INVALID_VALUE: "), vm.messageProperty().get());
        assertEquals(0, db.countRows("copies", ReadOptions.none()));
        assertEquals(withoutAutoFields(List.of()), withoutAutoFields(read("copies")));
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
