package dev.tablewright.app.connection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tablewright.app.storage.AtomicFiles;

import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembered passwords in one file, encrypted with AES-256-GCM under a key derived from a master
 * password with PBKDF2-HMAC-SHA256 (see docs/decisions/0013-connection-secrets.md). The key is
 * derived once per session and kept in memory; every write re-encrypts the whole map with a fresh
 * random nonce and replaces the file atomically.
 */
public final class EncryptedFileSecretStore implements SecretStore {
    public static final String FILE_NAME = "passwords.enc.json";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final int FORMAT = 1;
    private static final String KDF = "PBKDF2WithHmacSHA256";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int KEY_BITS = 256;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final int iterationsForNewFile;

    private SecretKey key;
    private byte[] salt;
    private int iterations;
    private Map<String, String> passwords;

    public EncryptedFileSecretStore(Path directory) {
        this(directory, DEFAULT_ITERATIONS);
    }

    /** {@code iterationsForNewFile} applies when the file is created; an existing file keeps the count it was written with. */
    public EncryptedFileSecretStore(Path directory, int iterationsForNewFile) {
        this.file = directory.resolve(FILE_NAME);
        this.iterationsForNewFile = iterationsForNewFile;
    }

    public Path file() {
        return file;
    }

    @Override
    public String description() {
        return "the encrypted file " + file;
    }

    @Override
    public synchronized boolean isLocked() {
        return key == null;
    }

    @Override
    public synchronized boolean isNew() {
        return !Files.exists(file);
    }

    @Override
    public synchronized void unlock(String masterPassword) {
        if (masterPassword == null || masterPassword.isEmpty()) {
            throw new ConnectionSetupException(ConnectionSetupException.Code.WRONG_MASTER_PASSWORD,
                    "The master password is empty. Enter the master password that protects " + file + ".");
        }
        if (!Files.exists(file)) {
            byte[] newSalt = new byte[SALT_BYTES];
            RANDOM.nextBytes(newSalt);
            SecretKey newKey = derive(masterPassword, newSalt, iterationsForNewFile);
            salt = newSalt;
            iterations = iterationsForNewFile;
            key = newKey;
            passwords = new LinkedHashMap<>();
            // Written at once, so the next session checks this master password rather than taking any.
            store();
            return;
        }
        Sealed sealed = readSealed();
        SecretKey candidate = derive(masterPassword, decode(sealed.salt()), sealed.iterations());
        Map<String, String> opened = open(sealed, candidate);
        salt = decode(sealed.salt());
        iterations = sealed.iterations();
        key = candidate;
        passwords = opened;
    }

    @Override
    public synchronized Optional<String> read(String profileName) {
        requireUnlocked();
        return Optional.ofNullable(passwords.get(profileName));
    }

    @Override
    public synchronized void write(String profileName, String password) {
        requireUnlocked();
        Map<String, String> before = new LinkedHashMap<>(passwords);
        passwords.put(profileName, password);
        storeOrRestore(before);
    }

    @Override
    public synchronized void delete(String profileName) {
        if (key == null || !passwords.containsKey(profileName)) {
            return;
        }
        Map<String, String> before = new LinkedHashMap<>(passwords);
        passwords.remove(profileName);
        storeOrRestore(before);
    }

    private void storeOrRestore(Map<String, String> before) {
        try {
            store();
        } catch (RuntimeException e) {
            passwords = before;
            throw e;
        }
    }

    private void requireUnlocked() {
        if (key == null) {
            throw new IllegalStateException("The encrypted passwords file is locked: unlock it with the master password first.");
        }
    }

    private void store() {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header(iterations, salt));
            byte[] data = cipher.doFinal(MAPPER.writeValueAsBytes(passwords));
            Sealed sealed = new Sealed(FORMAT, KDF, iterations, encode(salt), CIPHER, encode(nonce), encode(data));
            AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(sealed));
        } catch (IOException | GeneralSecurityException e) {
            throw new ConnectionSetupException(ConnectionSetupException.Code.SECRETS_UNWRITABLE,
                    "Could not save the remembered passwords to " + file + ": " + e.getMessage()
                            + ". The passwords saved before are unchanged.", e);
        }
    }

    private Sealed readSealed() {
        try {
            Sealed sealed = MAPPER.readValue(file.toFile(), Sealed.class);
            if (sealed.format() != FORMAT || !KDF.equals(sealed.kdf()) || !CIPHER.equals(sealed.cipher())
                    || sealed.iterations() < 1 || sealed.salt() == null || sealed.nonce() == null || sealed.data() == null) {
                throw new IOException("it is not a Tablewright passwords file of format " + FORMAT);
            }
            return sealed;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConnectionSetupException(ConnectionSetupException.Code.SECRETS_UNREADABLE,
                    "The remembered passwords in " + file + " cannot be read (" + e.getMessage()
                            + "). Move the file away to start afresh; the passwords in it will be asked for again.", e);
        }
    }

    private Map<String, String> open(Sealed sealed, SecretKey candidate) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, candidate, new GCMParameterSpec(TAG_BITS, decode(sealed.nonce())));
            cipher.updateAAD(header(sealed.iterations(), decode(sealed.salt())));
            byte[] plain = cipher.doFinal(decode(sealed.data()));
            return new LinkedHashMap<>(MAPPER.readValue(plain, new TypeReference<Map<String, String>>() { }));
        } catch (AEADBadTagException wrongKeyOrTampered) {
            throw new ConnectionSetupException(ConnectionSetupException.Code.WRONG_MASTER_PASSWORD,
                    "The master password is not the one that protects " + file + ". Try again; if it is lost, "
                            + "move the file away and the saved passwords will be asked for again.", wrongKeyOrTampered);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new ConnectionSetupException(ConnectionSetupException.Code.SECRETS_UNREADABLE,
                    "The remembered passwords in " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /** Bound into the authentication tag, so the parameters cannot be changed without the file failing to open. */
    private static byte[] header(int iterations, byte[] salt) {
        return ("tablewright-passwords|" + FORMAT + "|" + KDF + "|" + iterations + "|" + encode(salt) + "|" + CIPHER)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey derive(String masterPassword, byte[] salt, int iterations) {
        char[] chars = masterPassword.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_BITS);
        try {
            byte[] raw = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            return new SecretKeySpec(raw, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks " + KDF + ", which every Java 17 runtime has", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] decode(String text) {
        return Base64.getDecoder().decode(text);
    }

    /** The file: how the key is derived (never the key), and the encrypted map of profile name to password. */
    record Sealed(int format, String kdf, int iterations, String salt, String cipher, String nonce, String data) {
    }
}
