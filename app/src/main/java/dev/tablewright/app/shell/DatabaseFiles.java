package dev.tablewright.app.shell;

import dev.tablewright.core.base.ErrorCode;
import dev.tablewright.core.base.TablewrightException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the workbench accepts as a database file to open: a SQLite file, by its first bytes. */
public final class DatabaseFiles {
    /** The names a drop onto the window is taken for a database by. */
    public static final List<String> EXTENSIONS = List.of(".sqlite", ".sqlite3", ".db", ".db3");
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseFiles() {
    }

    /** Whether a dropped file's name says it is a database. */
    public static boolean looksLikeDatabase(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * Refuses, with {@code CONNECTION_FAILED} and the reason, a file that is missing or is not a
     * SQLite database: the driver would otherwise create the missing one, or open anything and
     * fail only at the first read. An empty file is an empty database to SQLite, so it passes.
     */
    public static void checkReadable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TablewrightException(ErrorCode.CONNECTION_FAILED, "There is no file " + file + ". Choose an existing SQLite database file.");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            throw new TablewrightException(ErrorCode.CONNECTION_FAILED, "Cannot read " + file + ": " + e.getMessage() + ". Check its permissions.");
        }
        if (head.length > 0 && !Arrays.equals(head, SQLITE_HEADER)) {
            throw new TablewrightException(ErrorCode.CONNECTION_FAILED, file.getFileName()
                    + " is not a SQLite database. Open a SQLite file here; connect to PostgreSQL or MariaDB with File → Connections.");
        }
    }
}
