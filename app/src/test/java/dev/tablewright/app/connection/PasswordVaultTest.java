package dev.tablewright.app.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordVaultTest {
    @TempDir
    Path dir;

    private static ConnectionProfile server(String name, boolean remember) {
        return new ConnectionProfile(name, DialectKind.POSTGRES, "shop", "localhost", null, "clerk", false, null, remember);
    }

    private PasswordVault vault() {
        return new PasswordVault(new EncryptedFileSecretStore(dir, 10_000), "test");
    }

    @Test
    void aPasswordNotRememberedIsKnownForTheSessionOnly() {
        PasswordVault vault = vault();
        vault.keep(server("Warehouse", false), "pw");

        assertEquals(Optional.of("pw"), vault.known(server("Warehouse", false)));
        assertEquals(Optional.empty(), vault().known(server("Warehouse", false)), "a new session asks again");
    }

    @Test
    void aRememberedPasswordIsKnownInTheNextSessionOnceUnlocked() {
        PasswordVault vault = vault();
        vault.remembered().unlock("master");
        vault.keep(server("Warehouse", true), "pw");

        PasswordVault next = vault();
        assertTrue(next.needsUnlock(server("Warehouse", true)));
        assertFalse(next.needsUnlock(server("Warehouse", false)));
        next.remembered().unlock("master");
        assertEquals(Optional.of("pw"), next.known(server("Warehouse", true)));
    }

    @Test
    void turningRememberOffRemovesTheStoredPassword() {
        PasswordVault vault = vault();
        vault.remembered().unlock("master");
        vault.keep(server("Warehouse", true), "pw");

        vault.rememberChoiceChanged(server("Warehouse", false));

        PasswordVault next = vault();
        next.remembered().unlock("master");
        assertEquals(Optional.empty(), next.known(server("Warehouse", true)));
    }

    @Test
    void aRenamedProfileKeepsItsPasswordUnderItsNewName() {
        PasswordVault vault = vault();
        vault.remembered().unlock("master");
        vault.keep(server("Warehouse", true), "pw");

        vault.rename(server("Stock", true), "Warehouse");

        PasswordVault next = vault();
        next.remembered().unlock("master");
        assertEquals(Optional.of("pw"), next.known(server("Stock", true)));
        assertEquals(Optional.empty(), next.known(server("Warehouse", true)));
    }
}
