package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.app.testing.Chinook;
import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The picker a foreign-key cell opens: the parent's rows searched and paged in the database, and the link it saves. */
class ParentPickerViewModelTest {
    Connector db;
    Chinook c;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    GridViewModel tracks(String dialect) throws Exception {
        c = Chinook.on(dialect);
        db = c.open();
        GridViewModel vm = new GridViewModel(db, c.n("Track"), new SameThreadTaskExecutor(), new RecordingDialogService());
        vm.open();
        return vm;
    }

    static List<String> labels(ParentPickerViewModel picker) {
        return picker.choices().stream().map(ParentPickerViewModel.Choice::label).toList();
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.ParentLabelsTest#dialects")
    void theParentIsReadAPageAtATimeInLabelOrder(String dialect) throws Exception {
        GridViewModel vm = tracks(dialect);
        ParentPickerViewModel picker = vm.picker(c.n("AlbumId")).orElseThrow();

        assertEquals(ParentPickerViewModel.PAGE, picker.choices().size(), "a page of Chinook's 347 albums, not all of them");
        assertTrue(picker.moreProperty().get());
        List<String> firstPage = labels(picker);
        List<String> titles = db.getTableData(c.n("Album"), ReadOptions.builder().fields(List.of(c.n("Title")))
                .order(List.of(List.of(c.n("Title"), "ASC"), List.of(c.n("AlbumId"), "ASC"))).limit(100).autoJoin(false).build())
                .stream().map(r -> (String) r.get(c.n("Title"))).toList();
        assertEquals(titles.subList(0, 50), firstPage);

        picker.loadMore();

        assertEquals(titles, labels(picker), "the next page follows in the same order");
        assertTrue(vm.picker(c.n("Name")).isEmpty(), "a field that is no foreign key has no picker");
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.ParentLabelsTest#dialects")
    void typingSearchesTheLabelInAnyCaseOrTheKey(String dialect) throws Exception {
        GridViewModel vm = tracks(dialect);
        ParentPickerViewModel picker = vm.picker(c.n("AlbumId")).orElseThrow();

        picker.searchProperty().set("rock");

        long expected = db.countRows(c.n("Album"), ReadOptions.filter(List.of(c.n("Title"), "contains", "rock")));
        assertEquals(expected, picker.choices().size());
        assertTrue(expected > 5);
        assertTrue(labels(picker).stream().allMatch(l -> l.toLowerCase(Locale.ROOT).contains("rock")), labels(picker).toString());
        assertFalse(picker.moreProperty().get());

        picker.searchProperty().set("4");
        assertTrue(picker.choices().contains(new ParentPickerViewModel.Choice(4L, "Let There Be Rock")), "album 4 by its key");
        assertTrue(labels(picker).contains("Black Sabbath Vol. 4 (Remaster)"), "and titles with a 4");

        picker.searchProperty().set("no album is called this");
        assertTrue(picker.choices().isEmpty());
        assertEquals("No " + c.n("Album") + " matches 'no album is called this'.", picker.messageProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.ParentLabelsTest#dialects")
    void aPickedParentIsSavedAndARefusedOneKeepsTheInputWithItsCode(String dialect) throws Exception {
        GridViewModel vm = tracks(dialect);
        vm.writeAtOnceProperty().set(true);
        GridRow first = vm.rowsProperty().get().get(0);
        ParentPickerViewModel picker = vm.picker(c.n("AlbumId")).orElseThrow();
        picker.searchProperty().set("Let There Be Rock");

        vm.pick(first, c.n("AlbumId"), picker.choices().get(0));

        assertEquals("", first.errorProperty().get());
        assertEquals(4L, ((Number) db.findRow(c.n("Track"), ReadOptions.filter(List.of(c.n("TrackId"), "=", 1))).get(c.n("AlbumId"))).longValue());
        assertEquals("Let There Be Rock", first.label(c.n("AlbumId")).text());

        db.addRow(c.n("Album"), Map.of(c.n("AlbumId"), 9999, c.n("Title"), "Gone Tomorrow", c.n("ArtistId"), 1));
        picker.searchProperty().set("Gone Tomorrow");
        ParentPickerViewModel.Choice gone = picker.choices().get(0);
        db.deleteRow(c.n("Album"), 9999);

        vm.pick(first, c.n("AlbumId"), gone);

        assertTrue(first.errorProperty().get().startsWith("FOREIGN_KEY_VIOLATION: "), first.errorProperty().get());
        assertEquals(9999L, ((Number) first.value(c.n("AlbumId"))).longValue(), "the input stays to be corrected");
        assertEquals(4L, ((Number) db.findRow(c.n("Track"), ReadOptions.filter(List.of(c.n("TrackId"), "=", 1))).get(c.n("AlbumId"))).longValue());
    }
}
