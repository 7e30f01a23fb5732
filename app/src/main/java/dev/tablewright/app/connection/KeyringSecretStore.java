package dev.tablewright.app.connection;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Remembered passwords in the operating system's keyring (macOS Keychain, Windows Credential
 * Manager, the Secret Service on Linux desktops) through java-keyring, one entry per profile under
 * the service {@value #SERVICE}.
 */
public final class KeyringSecretStore implements SecretStore {
    public static final String SERVICE = "Tablewright";

    private final Keyring keyring;

    private KeyringSecretStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * The keyring, if this machine really has one that works: a backend is found, and a probe entry
     * can be written, read back and deleted within {@code timeout}. A headless Linux machine without
     * a Secret Service daemon has a backend class but no service behind it; asking it may hang on
     * D-Bus, hence the time limit.
     */
    public static Detection detect(Duration timeout) {
        CompletableFuture<Detection> probe = CompletableFuture.supplyAsync(KeyringSecretStore::probe, runnable -> {
            Thread t = new Thread(runnable, "tablewright-keyring-probe");
            t.setDaemon(true);
            t.start();
        });
        try {
            return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Detection.unavailable("the keyring did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Detection.unavailable(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Detection.unavailable("interrupted while asking the keyring");
        }
    }

    private static Detection probe() {
        Keyring keyring;
        try {
            keyring = Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return Detection.unavailable("no keyring backend on this system (" + e.getMessage() + ")");
        }
        String account = "probe-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        try {
            keyring.setPassword(SERVICE, account, secret);
            String back = keyring.getPassword(SERVICE, account);
            keyring.deletePassword(SERVICE, account);
            if (!secret.equals(back)) {
                return Detection.unavailable("the keyring gave back a different value than it was given");
            }
            return new Detection(Optional.of(new KeyringSecretStore(keyring)), keyring.getKeyringStorageType().toString());
        } catch (PasswordAccessException | RuntimeException | LinkageError e) {
            return Detection.unavailable("the keyring " + keyring.getKeyringStorageType() + " refused a test entry ("
                    + e.getMessage() + ")");
        }
    }

    @Override
    public String description() {
        return "the OS keyring (" + keyring.getKeyringStorageType() + ")";
    }

    @Override
    public boolean isLocked() {
        return false;
    }

    @Override
    public boolean isNew() {
        return false;
    }

    @Override
    public void unlock(String masterPassword) {
        // The OS unlocks its keyring with the user's login; there is nothing to check here.
    }

    @Override
    public Optional<String> read(String profileName) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, profileName));
        } catch (PasswordAccessException notThere) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String profileName, String password) {
        try {
            keyring.setPassword(SERVICE, profileName, password);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new ConnectionSetupException(ConnectionSetupException.Code.KEYRING_FAILED,
                    "The OS keyring did not store the password of '" + profileName + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String profileName) {
        try {
            keyring.deletePassword(SERVICE, profileName);
        } catch (PasswordAccessException notThere) {
            // Nothing was kept for it: already as wanted.
        }
    }

    /**
     * What {@link #detect} found: the store when the keyring works, and in words either which
     * keyring it is or why there is none.
     */
    public record Detection(Optional<KeyringSecretStore> store, String explanation) {
        static Detection unavailable(String why) {
            return new Detection(Optional.empty(), why);
        }
    }
}
