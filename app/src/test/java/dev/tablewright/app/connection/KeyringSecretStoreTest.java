package dev.tablewright.app.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever this machine has: with a working keyring, a password goes in and comes out; without
 * one (a headless Linux box), the vault falls back to the encrypted file and says why.
 */
class KeyringSecretStoreTest {
    @TempDir
    Path dir;

    @Test
    void detectionEitherFindsAWorkingKeyringOrSaysWhyNot() {
        KeyringSecretStore.Detection found = KeyringSecretStore.detect(Duration.ofSeconds(5));

        assertFalse(found.explanation().isBlank());
        found.store().ifPresent(keyring -> {
            String profile = "tablewright-test-" + System.nanoTime();
            keyring.write(profile, "pw");
            try {
                assertEquals(Optional.of("pw"), keyring.read(profile));
            } finally {
                keyring.delete(profile);
            }
            assertEquals(Optional.empty(), keyring.read(profile));
        });
    }

    @Test
    void withoutAKeyringTheVaultRemembersInTheEncryptedFile() {
        KeyringSecretStore.Detection found = KeyringSecretStore.detect(Duration.ofSeconds(5));
        PasswordVault vault = PasswordVault.detect(dir);

        if (found.store().isPresent()) {
            assertInstanceOf(KeyringSecretStore.class, vault.remembered());
        } else {
            assertInstanceOf(EncryptedFileSecretStore.class, vault.remembered());
            assertTrue(vault.explanation().startsWith("No OS keyring is available"), vault.explanation());
            assertTrue(vault.explanation().contains(dir.toString()), vault.explanation());
        }
    }
}
