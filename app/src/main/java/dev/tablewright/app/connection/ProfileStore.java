package dev.tablewright.app.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tablewright.app.storage.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The saved connection profiles, as one JSON file ({@value #FILE_NAME}) replaced atomically on
 * every save. A file that cannot be read is never overwritten silently: it is copied aside first and
 * the user is told where.
 */
public final class ProfileStore {
    public static final String FILE_NAME = "connections.json";
    private static final int FORMAT = 1;
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path file;

    public ProfileStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The store in the user's configuration directory. */
    public static ProfileStore inConfigDirectory() {
        return new ProfileStore(ConfigDirectory.resolve());
    }

    public Path file() {
        return file;
    }

    /**
     * The saved profiles, in the order they were saved; none if nothing was saved yet.
     *
     * @throws ConnectionSetupException {@code PROFILES_UNREADABLE} when the file is damaged; the
     *         damaged file has then been copied next to it, and the message names the copy
     */
    public List<ConnectionProfile> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException nothingSavedYet) {
            return List.of();
        } catch (IOException e) {
            throw new ConnectionSetupException(ConnectionSetupException.Code.PROFILES_UNREADABLE,
                    "Could not read the connection profiles in " + file + ": " + e.getMessage(), e);
        }
        try {
            Stored stored = MAPPER.readValue(bytes, Stored.class);
            if (stored == null || stored.profiles() == null) {
                throw new IOException("it has no list of profiles");
            }
            if (stored.format() > FORMAT) {
                throw new IOException("it was written by a newer Tablewright (format " + stored.format() + ")");
            }
            check(stored.profiles());
            return List.copyOf(stored.profiles());
        } catch (IOException | IllegalArgumentException e) {
            Path backup = keepBackup();
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new ConnectionSetupException(ConnectionSetupException.Code.PROFILES_UNREADABLE,
                    "The connection profiles in " + file + " could not be read (" + why + "). "
                            + (backup == null ? "The file was left as it is; move it away to start afresh."
                            : "A copy was kept as " + backup + "; saving a profile now starts a new list."), e);
        }
    }

    /** Replaces the saved profiles with these, atomically: after a crash the file holds the old list or the new one. */
    public void save(List<ConnectionProfile> profiles) {
        check(profiles);
        try {
            AtomicFiles.write(file, MAPPER.writeValueAsBytes(new Stored(FORMAT, new ArrayList<>(profiles))));
        } catch (IOException e) {
            throw new ConnectionSetupException(ConnectionSetupException.Code.PROFILES_UNWRITABLE,
                    "Could not save the connection profiles to " + file + ": " + e.getMessage()
                            + ". The profiles saved before are unchanged.", e);
        }
    }

    private static void check(List<ConnectionProfile> profiles) {
        Set<String> names = new HashSet<>();
        for (ConnectionProfile p : profiles) {
            if (p == null || p.name() == null || p.name().isBlank() || p.dialect() == null) {
                throw new IllegalArgumentException("a profile has no name or no dialect");
            }
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("two profiles are named '" + p.name() + "'");
            }
        }
    }

    private Path keepBackup() {
        Path backup = file.resolveSibling(FILE_NAME + ".unreadable-" + LocalDateTime.now().format(BACKUP_STAMP));
        try {
            return Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            return null;
        }
    }

    /** The file's shape: a format number, so a later version can read (or refuse) an older file. */
    record Stored(int format, List<ConnectionProfile> profiles) {
    }
}
