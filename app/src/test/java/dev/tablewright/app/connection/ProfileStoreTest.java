package dev.tablewright.app.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileStoreTest {
    @TempDir
    Path dir;

    private static final ConnectionProfile SHOP = ConnectionProfile.sqlite("Shop", "/data/shop.db");
    private static final ConnectionProfile WAREHOUSE = new ConnectionProfile("Warehouse", DialectKind.POSTGRES, "stock",
            "db.example.com", 5433, "clerk", true, "Jane", true);

    @Test
    void nothingSavedYetMeansNoProfiles() {
        assertEquals(List.of(), new ProfileStore(dir.resolve("not-yet-created")).load());
    }

    @Test
    void savedProfilesComeBackWithEveryOption() {
        new ProfileStore(dir).save(List.of(SHOP, WAREHOUSE));

        assertEquals(List.of(SHOP, WAREHOUSE), new ProfileStore(dir).load());
    }

    @Test
    void theFileNamesDialectsAsCreateDoesAndHoldsNoPasswordField() throws IOException {
        new ProfileStore(dir).save(List.of(WAREHOUSE));

        String json = Files.readString(dir.resolve(ProfileStore.FILE_NAME));
        assertTrue(json.contains("\"dialect\" : \"postgres\""), json);
        assertFalse(json.toLowerCase().contains("\"password\""), json);
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaryFilesBehind() throws IOException {
        ProfileStore store = new ProfileStore(dir);
        store.save(List.of(SHOP, WAREHOUSE));

        store.save(List.of(WAREHOUSE));

        assertEquals(List.of(WAREHOUSE), store.load());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(ProfileStore.FILE_NAME), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aSaveThatCannotBeWrittenLeavesTheSavedProfilesAsTheyWere() throws IOException {
        ProfileStore store = new ProfileStore(dir);
        store.save(List.of(SHOP));
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve(ProfileStore.FILE_NAME).resolve("a directory where the file should go"));

        ConnectionSetupException e = assertThrows(ConnectionSetupException.class,
                () -> new ProfileStore(blocked).save(List.of(WAREHOUSE)));

        assertEquals(ConnectionSetupException.Code.PROFILES_UNWRITABLE, e.code());
        assertEquals(List.of(SHOP), store.load());
    }

    @Test
    void aDamagedFileGivesAClearErrorAndIsKeptAsABackup() throws IOException {
        Path file = dir.resolve(ProfileStore.FILE_NAME);
        String damaged = "{\"format\":1,\"profiles\":[{\"name\":\"Shop\",\"dialect\":\"sqlite\",\"datab";
        Files.writeString(file, damaged);

        ConnectionSetupException e = assertThrows(ConnectionSetupException.class, () -> new ProfileStore(dir).load());

        assertEquals(ConnectionSetupException.Code.PROFILES_UNREADABLE, e.code());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        Path backup;
        try (Stream<Path> files = Files.list(dir)) {
            backup = files.filter(p -> p.getFileName().toString().startsWith(ProfileStore.FILE_NAME + ".unreadable-"))
                    .findFirst().orElseThrow();
        }
        assertTrue(e.getMessage().contains(backup.toString()), "the message says where the copy is: " + e.getMessage());
        assertEquals(damaged, Files.readString(backup, StandardCharsets.UTF_8));
    }

    @Test
    void aFileWithAnUnknownDialectIsRefusedNotHalfRead() throws IOException {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME),
                "{\"format\":1,\"profiles\":[{\"name\":\"Old\",\"dialect\":\"oracle\",\"database\":\"x\"}]}");

        ConnectionSetupException e = assertThrows(ConnectionSetupException.class, () -> new ProfileStore(dir).load());

        assertEquals(ConnectionSetupException.Code.PROFILES_UNREADABLE, e.code());
        assertTrue(e.getMessage().contains("oracle"), e.getMessage());
    }

    @Test
    void twoProfilesWithOneNameAreNeverSaved() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProfileStore(dir).save(List.of(SHOP, ConnectionProfile.sqlite("Shop", "/other.db"))));
        assertFalse(Files.exists(dir.resolve(ProfileStore.FILE_NAME)));
    }
}
