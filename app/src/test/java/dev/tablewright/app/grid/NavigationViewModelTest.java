package dev.tablewright.app.grid;

import dev.tablewright.app.dialog.RecordingDialogService;
import dev.tablewright.app.task.SameThreadTaskExecutor;
import dev.tablewright.app.testing.Chinook;
import dev.tablewright.core.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hops along relations, and back and forward through them, as a browser's history goes. */
class NavigationViewModelTest {
    Connector db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    GridViewModel open(GridPlace place) {
        GridViewModel vm = new GridViewModel(db, place.table(), new SameThreadTaskExecutor(), new RecordingDialogService());
        vm.filterProperty().set(place.filter());
        vm.open();
        return vm;
    }

    @Test
    void backAndForwardRetraceTheHopsAndANewHopDropsThePlacesAhead() {
        GridPlace tracks = GridPlace.of("Track");
        GridPlace album = new GridPlace("Album", null, "Album 1");
        GridPlace albumTracks = new GridPlace("Track", null, "Tracks of album 1");
        GridPlace artist = new GridPlace("Artist", null, "Artist 1");
        NavigationViewModel nav = new NavigationViewModel(tracks);
        assertFalse(nav.canGoBackProperty().get());
        assertFalse(nav.canGoForwardProperty().get());

        nav.go(album);
        nav.go(albumTracks);
        assertEquals(albumTracks, nav.currentProperty().get());
        nav.back();
        assertEquals(album, nav.currentProperty().get());
        assertTrue(nav.canGoForwardProperty().get());
        nav.back();
        assertEquals(tracks, nav.currentProperty().get());
        assertFalse(nav.canGoBackProperty().get());
        nav.back();
        assertEquals(tracks, nav.currentProperty().get(), "nothing before the first place");
        nav.forward();
        nav.forward();
        assertEquals(albumTracks, nav.currentProperty().get());
        nav.forward();
        assertEquals(albumTracks, nav.currentProperty().get(), "nothing after the last place");

        nav.back();
        nav.go(artist);
        assertEquals(List.of(tracks, album, artist), nav.places(), "the tracks of album 1 were ahead, and are dropped");
        assertFalse(nav.canGoForwardProperty().get());
        nav.go(artist);
        assertEquals(3, nav.places().size(), "a hop to where one is adds nothing");
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.ParentLabelsTest#dialects")
    void aTrackLeadsToItsAlbumAndTheAlbumToItsTracks(String dialect) throws Exception {
        Chinook c = Chinook.on(dialect);
        db = c.open();
        NavigationViewModel nav = new NavigationViewModel(GridPlace.of(c.n("Track")));
        GridViewModel tracks = open(nav.currentProperty().get());
        GridRow first = tracks.rowsProperty().get().get(0);

        nav.go(tracks.parentPlace(first, c.n("AlbumId")).orElseThrow());
        GridPlace albumPlace = nav.currentProperty().get();
        assertEquals(c.n("Album"), albumPlace.table());
        assertEquals(c.n("Album") + " 1 · For Those About To Rock We Salute You", albumPlace.caption());
        GridViewModel album = open(albumPlace);
        assertEquals("1 row", album.rowCountTextProperty().get());
        GridRow albumRow = album.rowsProperty().get().get(0);
        assertEquals("For Those About To Rock We Salute You", albumRow.value(c.n("Title")));

        album.loadRelated(albumRow);
        List<String> texts = album.related().stream().map(RelatedLink::text).toList();
        assertTrue(texts.contains("Tracks of this album (10)"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith(c.n("ArtistId") + " → ") && t.contains("AC/DC")), texts.toString());
        RelatedLink children = album.related().stream().filter(RelatedLink::children).findFirst().orElseThrow();
        assertEquals(10, children.count());
        nav.go(children.place());
        GridViewModel albumTracks = open(nav.currentProperty().get());
        assertEquals("10 rows", albumTracks.rowCountTextProperty().get());
        for (int i = 0; i < 10; i++) {
            assertEquals(1L, ((Number) albumTracks.rowsProperty().get().get(i).value(c.n("AlbumId"))).longValue());
        }

        nav.back();
        assertEquals(albumPlace, nav.currentProperty().get());
        nav.back();
        assertEquals(GridPlace.of(c.n("Track")), nav.currentProperty().get());
        nav.forward();
        assertEquals(albumPlace, nav.currentProperty().get());
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.app.grid.ParentLabelsTest#dialects")
    void everyRelationPointingAtTheTableIsListedAndANullKeyLeadsNowhere(String dialect) throws Exception {
        Chinook c = Chinook.on(dialect);
        db = c.open();
        GridViewModel employees = open(GridPlace.of(c.n("Employee")));
        GridRow boss = employees.rowsProperty().get().get(0);
        assertTrue(employees.parentPlace(boss, c.n("ReportsTo")).isEmpty(), "the general manager reports to no one");

        employees.loadRelated(boss);

        List<String> texts = employees.related().stream().map(RelatedLink::text).toList();
        assertTrue(texts.contains("Employees of this employee (2)"), texts.toString());
        assertTrue(texts.contains("Customers of this employee (0)"), texts.toString());
    }
}
