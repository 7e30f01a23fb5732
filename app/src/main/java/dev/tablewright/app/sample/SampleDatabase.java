package dev.tablewright.app.sample;

import dev.tablewright.app.DataDirectory;
import dev.tablewright.core.Connector;
import dev.tablewright.core.connect.ConnectOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample database: a small coffee shop (categories, products, customers, orders) in
 * {@value #FILE_NAME} under the user's data directory, built on first launch from the call file
 * {@code shop.yaml} shipped beside this class. Deleting the file brings back a fresh one on the
 * next launch.
 */
public final class SampleDatabase {
    public static final String FILE_NAME = "sample.db";
    public static final String CONNECTION_NAME = "Sample (SQLite)";

    private static final URL SHOP = SampleDatabase.class.getResource("shop.yaml");
    private static final List<String> SQLITE_COMPANIONS = List.of("", "-journal", "-wal", "-shm");

    private final Path file;
    private final URL callFile;

    public SampleDatabase(Path dataDirectory) {
        this(dataDirectory, SHOP);
    }

    /** A sample built from another call file: tests use it to make creation fail halfway. */
    SampleDatabase(Path dataDirectory, URL callFile) {
        this.file = dataDirectory.resolve(FILE_NAME);
        this.callFile = callFile;
    }

    /** The sample in {@link DataDirectory#resolve()}. */
    public static SampleDatabase inUserDataDirectory() {
        return new SampleDatabase(DataDirectory.resolve());
    }

    public Path file() {
        return file;
    }

    /**
     * Connects to the sample, creating it first when the file does not exist. It talks to the
     * database: call it off the FX thread.
     */
    public Connector open() {
        if (!Files.exists(file)) {
            create();
        }
        return Connector.connect(ConnectOptions.sqlite(file.toString()));
    }

    /**
     * Builds the database under a temporary name of its own and moves it into place only once every
     * step has run: a failed or killed first launch leaves no half-built sample, and the next one
     * starts over. Two launches building at once (a second window, or a build the first one
     * abandoned while it quit) each write their own file; the first to finish wins.
     */
    private void create() {
        SampleSteps steps = SampleSteps.read(callFile);
        Path partial = null;
        try {
            Files.createDirectories(file.getParent());
            partial = Files.createTempFile(file.getParent(), FILE_NAME + ".", ".partial");
            try (Connector connector = Connector.connect(ConnectOptions.sqlite(partial.toString()))) {
                steps.runOn(connector);
            }
            if (Files.exists(file)) {
                deleteWithCompanions(partial);
                return;
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial, e);
            throw new UncheckedIOException("Could not create the sample database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial, e);
            throw e;
        }
    }

    private static void deleteQuietly(Path partial, Exception cause) {
        if (partial == null) {
            return;
        }
        try {
            deleteWithCompanions(partial);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** The database file and the journal files SQLite keeps beside it. */
    private static void deleteWithCompanions(Path database) throws IOException {
        for (String suffix : SQLITE_COMPANIONS) {
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + suffix));
        }
    }
}
