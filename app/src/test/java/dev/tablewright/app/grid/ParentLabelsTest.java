package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.app.testing.Chinook;
import dev.tablewright.core.Connector;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.testing.TestDatabases;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.sql.Connection;

/** Foreign-key cells show their parent's label: which field labels a table, brought by each page's own read. */
class ParentLabelsTest {
    static final int PAGE = 50;

    final RecordingDialogService dialogs = new RecordingDialogService().answerConfirmations(true);
    Connector db;

    /** SQLite and one server dialect: Chinook takes a while to load with exec on each. */
    static Stream<String> dialects() {
        return Stream.of("sqlite", "postgres").filter(TestDatabases.dialects()::contains);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    GridViewModel grid(String table, LabelFields labels) {
        GridViewModel vm = new GridViewModel(db, table, new SameThreadTaskExecutor(), dialogs, labels).withPaging(PAGE, 100_000);
        vm.open();
        return vm;
    }

    /** Album id → title, read whole: what a person would look up by hand to check a label. */
    Map<String, String> titles(Chinook c) {
        Map<String, String> out = new HashMap<>();
        for (Map<String, Object> a : db.getTableData(c.n("Album"), ReadOptions.builder().autoJoin(false).build())) {
            out.put(String.valueOf(a.get(c.n("AlbumId"))), (String) a.get(c.n("Title")));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void trackShowsEachAlbumsTitleBroughtByItsPage(String dialect) throws Exception {
        Chinook c = Chinook.on(dialect);
        db = c.open();
        Map<String, String> titles = titles(c);
        GridViewModel vm = grid(c.n("Track"), LabelFields.forSession());
        String albumId = c.n("AlbumId");

        assertEquals(Optional.of(c.n("Album")), vm.parentTable(albumId));
        assertEquals(Optional.of(c.n("Title")), vm.labelField(albumId));
        assertEquals(Optional.of(c.n("Name")), vm.labelField(c.n("GenreId")));
        assertEquals(Optional.empty(), vm.parentTable(c.n("Name")));
        ObservableList<GridRow> rows = vm.rowsProperty().get();
        GridRow first = rows.get(0);
        assertEquals("For Those About To Rock We Salute You", first.label(albumId).text());
        assertEquals("Rock", first.label(c.n("GenreId")).text());
        assertEquals("MPEG audio file", first.label(c.n("MediaTypeId")).text());
        assertEquals(Set.of(c.n("TrackId"), c.n("Name"), albumId, c.n("MediaTypeId"), c.n("GenreId"), c.n("Composer"), c.n("Milliseconds"),
                c.n("Bytes"), c.n("UnitPrice")), first.storedProperty().get().keySet(), "the labels are taken out of the row's values");

        rows.get(3 * PAGE + 7);
        for (int i = 3 * PAGE; i < 4 * PAGE; i++) {
            GridRow row = rows.get(i);
            Object key = row.value(albumId);
            assertEquals(titles.get(String.valueOf(key)), row.label(albumId).text(), "track " + row.value(c.n("TrackId")));
            assertTrue(row.label(albumId).found());
            assertEquals(row.value(c.n("GenreId")), row.label(c.n("GenreId")).key());
        }
        // Track points at Album, MediaType and Genre: each page's own read brought all three labels.
        assertEquals(0, vm.labelReads(), "no read for labels alone, let alone one per row");

        db.changeRow(c.n("Album"), 1, Map.of(c.n("Title"), "Renamed Meanwhile"));
        vm.refresh();
        assertEquals("Renamed Meanwhile", vm.rowsProperty().get().get(0).label(albumId).text(), "Refresh reads the labels again");
        assertEquals(0, vm.labelReads());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aChosenLabelFieldIsUsedAndRemembered(String dialect, @TempDir Path data) throws Exception {
        Chinook c = Chinook.on(dialect);
        db = c.open();
        GridViewModel vm = grid(c.n("Track"), LabelFields.remembered(data, "chinook"));
        String albumId = c.n("AlbumId");
        assertEquals(List.of(c.n("AlbumId"), c.n("Title"), c.n("ArtistId")), vm.labelCandidates(albumId));

        vm.chooseLabel(albumId, c.n("ArtistId"));

        assertEquals(Optional.of(c.n("ArtistId")), vm.labelField(albumId));
        assertEquals("1", vm.rowsProperty().get().get(0).label(albumId).text(), "album 1 is by artist 1");
        GridViewModel again = grid(c.n("Track"), LabelFields.remembered(data, "chinook"));
        assertEquals(Optional.of(c.n("ArtistId")), again.labelField(albumId), "remembered for the next grid and the next session");
        assertEquals(Optional.of(c.n("Name")), again.labelField(c.n("GenreId")), "other tables keep theirs");
    }

    @Test
    void theLabelIsANameTitleOrLabelElseTheFirstUniqueTextElseTheFirstText() throws Exception {
        Chinook c = Chinook.on("sqlite");
        db = c.open();
        assertEquals(Optional.of("Title"), LabelFields.pick(db.getTableSchema("Album")));
        assertEquals(Optional.of("Name"), LabelFields.pick(db.getTableSchema("Artist")));
        assertEquals(Optional.of("BillingAddress"), LabelFields.pick(db.getTableSchema("Invoice")), "no name, nothing unique: the first text");
        assertEquals(Optional.empty(), LabelFields.pick(db.getTableSchema("PlaylistTrack")), "keys only");

        Map<String, Object> people = new LinkedHashMap<>();
        people.put("nickname", "string");
        people.put("email", "uniquestring");
        people.put("age", "integer");
        db.defineTable("people", people);
        assertEquals(Optional.of("email"), LabelFields.pick(db.getTableSchema("people")), "unique text before the first text");
        db.defineTable("cities", Map.of("population", "integer", "Name", "text"));
        assertEquals(Optional.of("Name"), LabelFields.pick(db.getTableSchema("cities")));
    }

    /**
     * A SQLite file another tool wrote without foreign-key enforcement: a null key, a key of no row
     * and a key whose parent was deleted are shown as such, and the grid still opens.
     */
    @Test
    void nullKeysAndKeysOfNoRowAreShownAsSuch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("loose.db");
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = raw.createStatement()) {
            st.execute("CREATE TABLE artist (id INTEGER PRIMARY KEY, name TEXT)");
            st.execute("CREATE TABLE studio (id INTEGER PRIMARY KEY, rooms INTEGER)");
            st.execute("CREATE TABLE song (id INTEGER PRIMARY KEY, title TEXT, artist_id INTEGER REFERENCES artist(id),"
                    + " studio_id INTEGER REFERENCES studio(id))");
            st.execute("INSERT INTO artist VALUES (1, 'Nina Simone'), (2, 'Miles Davis'), (3, NULL)");
            st.execute("INSERT INTO studio VALUES (7, 3)");
            st.execute("INSERT INTO song VALUES (1, 'Sinnerman', 1, 7), (2, 'Untitled', NULL, 8), (3, 'Lost', 99, NULL), (4, 'So What', 2, NULL),"
                    + " (5, 'Nameless', 3, NULL)");
            st.execute("DELETE FROM artist WHERE id = 2");
        }
        db = new Connector();
        db.create(Map.of("dialect", "sqlite", "database", file.toString()));
        GridViewModel vm = grid("song", LabelFields.forSession());

        ObservableList<GridRow> rows = vm.rowsProperty().get();
        assertEquals("5 rows", vm.rowCountTextProperty().get());
        assertEquals("", vm.messageProperty().get(), "nothing failed");
        assertEquals(new ParentLabel(1L, "Nina Simone", true), rows.get(0).label("artist_id"));
        assertNull(rows.get(1).label("artist_id"), "a null key has no label: the cell shows NULL");
        assertFalse(rows.get(2).label("artist_id").found(), "99 points at no artist");
        assertFalse(rows.get(3).label("artist_id").found(), "artist 2 was deleted");
        assertEquals(new ParentLabel(3L, null, true), rows.get(4).label("artist_id"), "an artist with no name is still an artist");
        assertEquals(new ParentLabel(7L, null, true), rows.get(0).label("studio_id"), "a studio has no text to show: its key is found");
        assertFalse(rows.get(1).label("studio_id").found(), "8 points at no studio");
        assertEquals(1, vm.labelReads(), "the three artists whose label came back null are told apart by one read");
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.GridViewModelTest#dialects")
    void anEditedKeyShowsItsNewParentsLabel(String dialect) {
        db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        db.defineTable("categories", Map.of("name", "string"));
        db.defineTable("products", Map.of("title", "string"));
        String key = db.optionallyHasOne("products", "categories", null);
        Object fruit = db.addRow("categories", Map.of("name", "Fruit")).get("id");
        Object tools = db.addRow("categories", Map.of("name", "Tools")).get("id");
        db.addRow("products", Map.of("title", "Apple", key, fruit));
        GridViewModel vm = grid("products", LabelFields.forSession());
        GridRow apple = vm.rowsProperty().get().get(0);
        assertEquals("Fruit", apple.label(key).text());

        vm.writeAtOnceProperty().set(true);
        vm.edit(apple, key, tools);

        assertEquals("", apple.errorProperty().get());
        assertEquals("Tools", apple.label(key).text());
        assertEquals(1, vm.labelReads(), "a parent no page showed is read once, for the row just saved");

        vm.edit(apple, key, fruit);

        assertEquals("Fruit", apple.label(key).text());
        assertEquals(1, vm.labelReads(), "a parent a page showed is known");
    }
}
