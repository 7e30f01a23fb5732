package dev.tablewright.app.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncryptedFileSecretStoreTest {
    /** Fewer rounds than the real store's, so the suite stays quick; one test below uses the real count. */
    private static final int TEST_ITERATIONS = 10_000;
    private static final String PASSWORD = "s3cr3t-Pässword!";

    @TempDir
    Path dir;

    @Test
    void aPasswordWrittenInOneSessionIsReadInTheNextWithTheSameMasterPassword() {
        EncryptedFileSecretStore first = new EncryptedFileSecretStore(dir, TEST_ITERATIONS);
        assertTrue(first.isNew());
        first.unlock("master one");
        first.write("Warehouse", PASSWORD);

        EncryptedFileSecretStore next = new EncryptedFileSecretStore(dir, TEST_ITERATIONS);
        assertTrue(next.isLocked());
        assertFalse(next.isNew());
        next.unlock("master one");

        assertEquals(Optional.of(PASSWORD), next.read("Warehouse"));
        assertEquals(Optional.empty(), next.read("Shop"));
    }

    @Test
    void theWrongMasterPasswordIsRefusedWithAClearError() {
        EncryptedFileSecretStore first = new EncryptedFileSecretStore(dir, TEST_ITERATIONS);
        first.unlock("master one");
        first.write("Warehouse", PASSWORD);

        EncryptedFileSecretStore next = new EncryptedFileSecretStore(dir, TEST_ITERATIONS);
        ConnectionSetupException e = assertThrows(ConnectionSetupException.class, () -> next.unlock("master two"));

        assertEquals(ConnectionSetupException.Code.WRONG_MASTER_PASSWORD, e.code());
        assertTrue(e.getMessage().contains("not the one that protects"), e.getMessage());
        assertTrue(next.isLocked());
    }

    @Test
    void theFileHoldsNoPasswordInPlainText() throws IOException {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(dir, TEST_ITERATIONS);
        store.unlock("master one");
        store.write("Warehouse", PASSWORD);

        byte[] file = Files.readAllBytes(store.file());
        for (String secret : new String[] {PASSWORD, "master one"}) {
            assertFalse(contains(file, secret.getBytes(StandardCharsets.UTF_8)), secret + " appears as UTF-8");
            assertFalse(contains(file, secret.getBytes(StandardCharsets.UTF_16LE)), secret + " appears as UTF-16");
        }
        assertFalse(new String(file, StandardCharsets.UTF_8).contains("Warehouse"), "even profile names are encrypted");
    }

    @Test
    void eachSaveUsesAFreshNonce() throws IOException {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(dir, TEST_ITERATIONS);
        store.unlock("master one");
        store.write("Warehouse", PASSWORD);
        String before = Files.readString(store.file());

        store.write("Warehouse", PASSWORD);

        assertFalse(before.equals(Files.readString(store.file())), "the same content is encrypted differently each time");
    }

    @Test
    void aChangedByteMakesTheFileRefuseToOpenRatherThanGiveAWrongPassword() throws IOException {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(dir, TEST_ITERATIONS);
        store.unlock("master one");
        store.write("Warehouse", PASSWORD);
        String json = Files.readString(store.file());
        Files.writeString(store.file(), json.replace("\"iterations\" : " + TEST_ITERATIONS, "\"iterations\" : " + (TEST_ITERATIONS + 1)));

        EncryptedFileSecretStore next = new EncryptedFileSecretStore(dir, TEST_ITERATIONS);
        ConnectionSetupException e = assertThrows(ConnectionSetupException.class, () -> next.unlock("master one"));
        assertEquals(ConnectionSetupException.Code.WRONG_MASTER_PASSWORD, e.code());
    }

    @Test
    void aDeletedPasswordIsGoneInTheNextSession() {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(dir, TEST_ITERATIONS);
        store.unlock("master one");
        store.write("Warehouse", PASSWORD);
        store.write("Shop", "other");

        store.delete("Warehouse");

        EncryptedFileSecretStore next = new EncryptedFileSecretStore(dir, TEST_ITERATIONS);
        next.unlock("master one");
        assertEquals(Optional.empty(), next.read("Warehouse"));
        assertEquals(Optional.of("other"), next.read("Shop"));
    }

    @Test
    void aNewFileUsesTheFullIterationCountByDefault() throws IOException {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(dir);
        store.unlock("master one");

        assertTrue(Files.readString(store.file()).contains("\"iterations\" : " + EncryptedFileSecretStore.DEFAULT_ITERATIONS));
        assertEquals(600_000, EncryptedFileSecretStore.DEFAULT_ITERATIONS);
    }

    @Test
    void aDamagedFileSaysItCannotBeRead() throws IOException {
        Files.writeString(dir.resolve(EncryptedFileSecretStore.FILE_NAME), "not json at all");

        ConnectionSetupException e = assertThrows(ConnectionSetupException.class,
                () -> new EncryptedFileSecretStore(dir, TEST_ITERATIONS).unlock("master one"));

        assertEquals(ConnectionSetupException.Code.SECRETS_UNREADABLE, e.code());
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
