package dev.tablewright.app.testing;

import dev.tablewright.core.Connector;
import dev.tablewright.core.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Chinook sample (../shared/datasets/chinook), a database the workbench did not create: a copy
 * of the ready SQLite file, or the dialect's own script run with {@code exec} in a fresh server
 * database. Its PostgreSQL script names things in snake_case, the others in PascalCase: {@link #n}.
 */
public final class Chinook {
    private static final Path DATASETS = Path.of("..", "..", "shared", "datasets", "chinook");

    private final String dialect;

    private Chinook(String dialect) {
        this.dialect = dialect;
    }

    /** Chinook's names on {@code dialect}. */
    public static Chinook on(String dialect) {
        return new Chinook(dialect);
    }

    /** A new connector on a fresh copy of Chinook. */
    public Connector open() throws Exception {
        Connector db = new Connector();
        TestDatabases.TestDb fresh = TestDatabases.fresh(dialect);
        if (dialect.equals("sqlite")) {
            Path file = DATASETS.resolve("Chinook_Sqlite.sqlite");
            Assumptions.assumeTrue(Files.exists(file), "the Chinook dataset is at " + file.toAbsolutePath());
            Files.copy(file, Path.of(fresh.database()));
            db.create(fresh.options());
            return db;
        }
        Path script = DATASETS.resolve(dialect.equals("postgres") ? "Chinook_PostgreSql.sql" : "Chinook_MySql.sql");
        Assumptions.assumeTrue(Files.exists(script), "the Chinook dataset is at " + script.toAbsolutePath());
        String text = Files.readString(script, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.matches("(?i)\\s*(DROP DATABASE|CREATE DATABASE|USE |\\\\c ).*"))
                .collect(Collectors.joining("\n"));
        db.create(fresh.options());
        db.exec(text);
        return db;
    }

    /** {@code "AlbumId"} on SQLite and MariaDB, {@code "album_id"} on PostgreSQL. */
    public String n(String pascal) {
        if (!dialect.equals("postgres")) {
            return pascal;
        }
        return pascal.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
