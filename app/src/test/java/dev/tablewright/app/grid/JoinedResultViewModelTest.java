package dev.tablewright.app.grid;

import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.app.testing.Chinook;
import dev.tablewright.core.Connector;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A filter over artist, album and track: read-only rows with table.field columns, paged in the database. */
class JoinedResultViewModelTest {
    static final int PAGE = 7;
    Connector db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** AC/DC's tracks: artist → album → track, joined in the filter. */
    static Filter acdcTracks(Chinook c) {
        return Filter.parse(List.of(
                List.of(c.n("Artist") + "." + c.n("ArtistId"), "=", c.n("Album") + "." + c.n("ArtistId")), "and",
                List.of(c.n("Album") + "." + c.n("AlbumId"), "=", c.n("Track") + "." + c.n("AlbumId")), "and",
                List.of(c.n("Artist") + "." + c.n("Name"), "=", "AC/DC")));
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.GridViewModelTest#dialects")
    void aThreeTableJoinShowsTheRowsTheCoreReadsPageByPage(String dialect) throws Exception {
        Chinook c = Chinook.on(dialect);
        db = c.open();
        List<String> tables = List.of(c.n("Artist"), c.n("Album"), c.n("Track"));
        JoinedResultViewModel vm = new JoinedResultViewModel(db, tables, acdcTracks(c), new SameThreadTaskExecutor()).withPaging(PAGE, 1000);

        vm.open();

        assertEquals("18 rows", vm.rowCountTextProperty().get(), "AC/DC: two albums, 10 and 8 tracks");
        List<String> columns = List.copyOf(vm.columnsProperty().get().keySet());
        assertEquals(c.n("Artist") + "." + c.n("ArtistId"), columns.get(0));
        assertTrue(columns.contains(c.n("Track") + "." + c.n("Name")), columns.toString());
        assertEquals(1, vm.cachedPages(), "only the first page is read");

        ObservableList<GridRow> rows = vm.rowsProperty().get();
        List<Map<String, Object>> seen = new ArrayList<>();
        for (GridRow row : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            columns.forEach(k -> values.put(k, row.value(k)));
            seen.add(values);
        }
        List<Map<String, Object>> expected = db.getTableData(tables, ReadOptions.builder().filter(acdcTracks(c)).fields(columns)
                .limit(1000).autoJoin(false).build());
        assertEquals(expected, seen);
        assertEquals(3, vm.cachedPages());
        assertTrue(seen.stream().allMatch(r -> "AC/DC".equals(r.get(c.n("Artist") + "." + c.n("Name")))));
    }
}
