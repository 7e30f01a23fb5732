package dev.tablewright.app.connection;

import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where passwords are during a session and between sessions. Every password given is kept in
 * memory until the app exits, so it is asked for at most once per session; a profile marked
 * "remember" also keeps it in the {@link SecretStore}. Profiles never hold passwords, and nothing
 * here writes one in plain text.
 */
public final class PasswordVault {
    private final Map<String, String> session = new ConcurrentHashMap<>();
    private final SecretStore remembered;
    private final String rememberedExplanation;

    public PasswordVault(SecretStore remembered, String rememberedExplanation) {
        this.remembered = remembered;
        this.rememberedExplanation = rememberedExplanation;
    }

    /**
     * The OS keyring when one answers within a few seconds, else the encrypted file in
     * {@code configDirectory}. Blocks while it asks the keyring: call it off the FX thread.
     */
    public static PasswordVault detect(Path configDirectory) {
        KeyringSecretStore.Detection keyring = KeyringSecretStore.detect(Duration.ofSeconds(5));
        if (keyring.store().isPresent()) {
            return new PasswordVault(keyring.store().get(), "Remembered passwords go to " + keyring.store().get().description() + ".");
        }
        EncryptedFileSecretStore file = new EncryptedFileSecretStore(configDirectory);
        return new PasswordVault(file, "No OS keyring is available (" + keyring.explanation()
                + "), so remembered passwords go to " + file.description() + ", protected by a master password.");
    }

    /** Where remembered passwords go and why, for the connection form's hint. */
    public String explanation() {
        return rememberedExplanation;
    }

    public SecretStore remembered() {
        return remembered;
    }

    /** Whether reading or keeping this profile's password needs the master password first. */
    public boolean needsUnlock(ConnectionProfile profile) {
        return profile.rememberPassword() && remembered.isLocked();
    }

    /** The password known for this profile: given earlier this session, or remembered. */
    public Optional<String> known(ConnectionProfile profile) {
        String given = session.get(profile.name());
        if (given != null) {
            return Optional.of(given);
        }
        if (profile.rememberPassword() && !remembered.isLocked()) {
            Optional<String> stored = remembered.read(profile.name());
            stored.ifPresent(p -> session.put(profile.name(), p));
            return stored;
        }
        return Optional.empty();
    }

    /**
     * Keeps the password for this session, and also in the secret store when the profile says
     * "remember" and the store is unlocked (removing it from there when the profile does not).
     */
    public void keep(ConnectionProfile profile, String password) {
        session.put(profile.name(), password);
        if (remembered.isLocked()) {
            return;
        }
        if (profile.rememberPassword()) {
            remembered.write(profile.name(), password);
        } else {
            remembered.delete(profile.name());
        }
    }

    /** Applies a change of the "remember" choice to a password already known this session. */
    public void rememberChoiceChanged(ConnectionProfile profile) {
        String given = session.get(profile.name());
        if (remembered.isLocked()) {
            return;
        }
        if (profile.rememberPassword() && given != null) {
            remembered.write(profile.name(), given);
        } else if (!profile.rememberPassword()) {
            remembered.delete(profile.name());
        }
    }

    /** Forgets the profile's password everywhere it is kept. */
    public void forget(String profileName) {
        session.remove(profileName);
        if (!remembered.isLocked()) {
            remembered.delete(profileName);
        }
    }

    /** A profile was renamed: its password follows it. */
    public void rename(ConnectionProfile renamed, String oldName) {
        String given = session.remove(oldName);
        Optional<String> stored = Optional.empty();
        if (!remembered.isLocked()) {
            stored = remembered.read(oldName);
            remembered.delete(oldName);
        }
        String password = given != null ? given : stored.orElse(null);
        if (password != null) {
            keep(renamed, password);
        }
    }
}
