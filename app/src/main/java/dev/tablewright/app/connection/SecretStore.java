package dev.tablewright.app.connection;

import java.util.Optional;

/**
 * Where remembered passwords are kept between sessions, by profile name. Calls may block (a
 * keyring over D-Bus, a key derivation): run them off the FX thread.
 */
public interface SecretStore {

    /** Where the passwords go, in words for the user: "the OS keyring (…)" or "the encrypted file …". */
    String description();

    /** Whether a master password must be given ({@link #unlock}) before passwords can be read or written. */
    boolean isLocked();

    /** Whether unlocking would set a new master password rather than check one (nothing stored yet). */
    boolean isNew();

    /**
     * Opens the store with the master password (or sets it, when {@link #isNew()}).
     *
     * @throws ConnectionSetupException {@code WRONG_MASTER_PASSWORD} when it does not match
     */
    void unlock(String masterPassword);

    Optional<String> read(String profileName);

    void write(String profileName, String password);

    /** Forgets the password of that profile; nothing happens when none is kept. */
    void delete(String profileName);
}
