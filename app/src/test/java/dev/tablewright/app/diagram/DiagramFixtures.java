package dev.tablewright.app.diagram;

import dev.tablewright.core.Connector;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Databases the diagram tests open: fresh ones per dialect, and the Chinook sample. */
final class DiagramFixtures {
    /** Beside the repository (../shared), or beside the folder of worktrees when the tests run in one. */
    static final Path CHINOOK = Stream.of("..", "../..").map(up -> Path.of("..", up, "shared", "datasets", "chinook"))
            .filter(Files::isDirectory).findFirst().orElse(Path.of("..", "..", "shared", "datasets", "chinook"));

    private DiagramFixtures() {
    }

    /** SQLite and one server dialect (PostgreSQL), as far as the run offers them. */
    static List<String> dialects() {
        return TestDatabases.dialects().stream().filter(d -> d.equals("sqlite") || d.equals("postgres")).toList();
    }

    static Connector fresh(String dialect) {
        Connector db = new Connector();
        db.create(TestDatabases.fresh(dialect).options());
        return db;
    }

    /** Chinook, from the SQLite file (copied into {@code dir}) or loaded from its own script on a server. */
    static Connector chinook(String dialect, Path dir) throws Exception {
        if (dialect.equals("sqlite")) {
            Path file = CHINOOK.resolve("Chinook_Sqlite.sqlite");
            Assumptions.assumeTrue(Files.exists(file), "the Chinook dataset is at " + file.toAbsolutePath());
            Path copy = Files.copy(file, dir.resolve("chinook.sqlite"));
            Connector db = new Connector();
            db.create(Map.of("dialect", "sqlite", "database", copy.toString()));
            return db;
        }
        Path script = CHINOOK.resolve(dialect.equals("postgres") ? "Chinook_PostgreSql.sql" : "Chinook_MySql.sql");
        Assumptions.assumeTrue(Files.exists(script), "the Chinook dataset is at " + script.toAbsolutePath());
        String text = Files.readString(script, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.matches("(?i)\\s*(DROP DATABASE|CREATE DATABASE|USE |\\\\c ).*"))
                .collect(Collectors.joining("\n"));
        Connector db = fresh(dialect);
        db.exec(text);
        return db;
    }

    /** Chinook's eleven foreign keys as child.field->parent, in the dialect's spelling (PostgreSQL's script is snake_case). */
    static List<String> chinookKeys(String dialect) {
        List<String> pascal = List.of("Album.ArtistId->Artist", "Customer.SupportRepId->Employee", "Employee.ReportsTo->Employee",
                "Invoice.CustomerId->Customer", "InvoiceLine.InvoiceId->Invoice", "InvoiceLine.TrackId->Track",
                "PlaylistTrack.PlaylistId->Playlist", "PlaylistTrack.TrackId->Track", "Track.AlbumId->Album",
                "Track.GenreId->Genre", "Track.MediaTypeId->MediaType");
        if (!dialect.equals("postgres")) {
            return pascal;
        }
        return pascal.stream().map(DiagramFixtures::snake).toList();
    }

    private static String snake(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
