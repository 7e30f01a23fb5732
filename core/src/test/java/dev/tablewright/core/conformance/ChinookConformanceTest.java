package dev.tablewright.core.conformance;

import dev.tablewright.core.Connector;
import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.LogicalType;
import dev.tablewright.core.filter.Filter;
import dev.tablewright.core.query.ReadOptions;
import dev.tablewright.core.schema.FieldSpec;
import dev.tablewright.core.schema.TableSchema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.tablewright.core.conformance.Conformance.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real database nobody here designed (Chinook, ../shared/datasets): loaded with {@code exec} from
 * its own script on each dialect, then read, filtered and written through the connector.
 */
class ChinookConformanceTest {
    private static final Path DATASETS = Path.of("..", "..", "shared", "datasets", "chinook");

    /** Loads the dialect's Chinook script, without its DROP/CREATE DATABASE and USE / \c lines. */
    static Connector chinook(String dialect) throws Exception {
        String file = switch (dialect) {
            case "sqlite" -> "Chinook_Sqlite.sql";
            case "postgres" -> "Chinook_PostgreSql.sql";
            default -> "Chinook_MySql.sql";
        };
        Path script = DATASETS.resolve(file);
        Assumptions.assumeTrue(Files.exists(script), "the Chinook dataset is at " + script.toAbsolutePath());
        String text = Files.readString(script, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.matches("(?i)\\s*(DROP DATABASE|CREATE DATABASE|USE |\\\\c ).*"))
                .collect(Collectors.joining("\n"));
        Connector db = Conformance.open(dialect);
        db.exec(text);
        return db;
    }

    /** Chinook's PostgreSQL script uses snake_case names, the others PascalCase. */
    private static String n(String dialect, String pascal, String snake) {
        return dialect.equals("postgres") ? snake : pascal;
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void aDatabaseTheWorkbenchDidNotCreateIsReadAsItIs(String dialect) throws Exception {
        try (Connector db = chinook(dialect)) {
            List<String> tables = db.getAllTables();
            assertEquals(11, tables.size(), tables.toString());
            String track = n(dialect, "Track", "track");
            assertEquals(3503, db.countRows(track, ReadOptions.none()));

            TableSchema album = db.getTableSchema(n(dialect, "Album", "album"));
            FieldSpec id = album.fields().get(n(dialect, "AlbumId", "album_id"));
            assertEquals(LogicalType.INTEGER, id.type());
            assertTrue(id.primaryKey());
            assertFalse(id.auto());
            assertEquals(LogicalType.STRING, album.fields().get(n(dialect, "Title", "title")).type());
            FieldSpec artist = album.fields().get(n(dialect, "ArtistId", "artist_id"));
            assertEquals(n(dialect, "Artist", "artist"), artist.references().table());
            assertEquals(n(dialect, "ArtistId", "artist_id"), artist.references().field());
            assertEquals(1, album.relationships().stream().filter(r -> "belongsTo".equals(r.get("type"))).count());
            assertTrue(album.relationships().stream().anyMatch(r -> "hasMany".equals(r.get("type")) && n(dialect, "Track", "track").equals(r.get("table"))));
            assertFalse(album.fields().containsKey("createdAt"), "nothing is added to a table the workbench did not create");

            TableSchema invoice = db.getTableSchema(n(dialect, "Invoice", "invoice"));
            assertEquals(LogicalType.DATE, invoice.fields().get(n(dialect, "InvoiceDate", "invoice_date")).type());
            assertEquals(LogicalType.NUMBER, invoice.fields().get(n(dialect, "Total", "total")).type());
            TableSchema playlistTrack = db.getTableSchema(n(dialect, "PlaylistTrack", "playlist_track"));
            assertEquals(2, playlistTrack.primaryKey().size(), "composite key");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void filtersDatesAndKeysWorkOnItsOwnNamesAndFormats(String dialect) throws Exception {
        try (Connector db = chinook(dialect)) {
            String invoice = n(dialect, "Invoice", "invoice");
            String date = n(dialect, "InvoiceDate", "invoice_date");
            List<Map<String, Object>> january = db.getTableData(invoice, ReadOptions.fromMap(Map.of(
                    "filter", List.of(date, "between", List.of("2021-01-01", "2021-01-31T23:59:59Z")), "order", List.of(date, "ASC"))));
            assertEquals(6, january.size());
            assertEquals(Instant.parse("2021-01-01T00:00:00Z"), january.get(0).get(date));
            assertEquals(35.64, (Double) january.stream().mapToDouble(r -> (Double) r.get(n(dialect, "Total", "total"))).sum(), 0.001);

            String track = n(dialect, "Track", "track");
            String name = n(dialect, "Name", "name");
            long love = db.countRows(track, ReadOptions.filter(List.of(name, "contains", "LOVE")));
            assertEquals(114, love);
            Map<String, Object> first = db.findRow(track, ReadOptions.fromMap(Map.of("filter", List.of(n(dialect, "TrackId", "track_id"), "=", 1))));
            assertEquals("For Those About To Rock (We Salute You)", first.get(name));

            String genre = n(dialect, "Genre", "genre");
            String genreId = n(dialect, "GenreId", "genre_id");
            Map<String, Object> added = db.addRow(genre, Map.of(genreId, 26, name, "Sea Shanty"));
            assertEquals(Map.of(genreId, 26L, name, "Sea Shanty"), added);
            assertCode(ErrorCode.UNIQUE_VIOLATION, () -> db.addRow(genre, Map.of(genreId, 26, name, "Again")));
            assertEquals("Shanty", ((String) db.changeRow(genre, 26, Map.of(name, "Shanty")).get(name)));
            assertCode(ErrorCode.FOREIGN_KEY_VIOLATION, () -> db.deleteRow(genre, 1));
            assertTrue(db.deleteRow(genre, 26));
            Map<String, Object> pt = db.findRow(n(dialect, "PlaylistTrack", "playlist_track"), ReadOptions.none());
            assertTrue(db.deleteRow(n(dialect, "PlaylistTrack", "playlist_track"), pt));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tablewright.core.conformance.Conformance#dialects")
    void aTrackPageBringsItsAlbumsTitleAndGenresName(String dialect) throws Exception {
        try (Connector db = chinook(dialect)) {
            String track = n(dialect, "Track", "track");
            String albumId = n(dialect, "AlbumId", "album_id");
            String genreId = n(dialect, "GenreId", "genre_id");
            String title = n(dialect, "Title", "title");
            String name = n(dialect, "Name", "name");
            List<Map<String, Object>> rows = db.getTableData(track, ReadOptions.builder()
                    .filter(Filter.parse(List.of(n(dialect, "Milliseconds", "milliseconds"), ">", 300_000)))
                    .fields(List.of(name, albumId, genreId)).order(List.of(name, "DESC")).limit(20).offset(5)
                    .labels(Map.of(albumId, List.of(title), genreId, List.of(name))).autoJoin(false).build());

            assertEquals(20, rows.size());
            Map<String, Object> albums = db.getTableData(n(dialect, "Album", "album"), ReadOptions.builder().autoJoin(false).build()).stream()
                    .collect(Collectors.toMap(a -> String.valueOf(a.get(albumId)), a -> a.get(title)));
            Map<String, Object> genres = db.getTableData(n(dialect, "Genre", "genre"), ReadOptions.builder().autoJoin(false).build()).stream()
                    .collect(Collectors.toMap(g -> String.valueOf(g.get(genreId)), g -> g.get(name)));
            for (Map<String, Object> row : rows) {
                assertEquals(albums.get(String.valueOf(row.get(albumId))), row.get(albumId + "." + title), row.toString());
                assertEquals(genres.get(String.valueOf(row.get(genreId))), row.get(genreId + "." + name), row.toString());
            }
            List<Object> plain = db.getTableData(track, ReadOptions.builder()
                    .filter(Filter.parse(List.of(n(dialect, "Milliseconds", "milliseconds"), ">", 300_000)))
                    .fields(List.of(name)).order(List.of(name, "DESC")).limit(20).offset(5).autoJoin(false).build()).stream().map(r -> r.get(name)).toList();
            assertEquals(plain, rows.stream().map(r -> r.get(name)).toList(), "the same page, in the same order");
        }
    }
}
