package dev.conn.settings;

import com.microsoft.credentialstorage.StorageProvider;
import com.microsoft.credentialstorage.model.StoredToken;
import com.microsoft.credentialstorage.model.StoredTokenType;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The OS keychain through Microsoft's credential-secure-storage-for-java 1.0.0
 * (https://github.com/microsoft/credential-secure-storage-for-java): Windows Credential Manager,
 * macOS Keychain, and on Linux the Secret Service through libsecret (GNOME Keyring, KWallet).
 * Entries are stored under {@code conn:NAME}.
 *
 * <p>Only secure stores are accepted ({@code SecureOption.REQUIRED}): the library's plain-file and
 * in-memory fallbacks are refused. On Linux without libsecret or without a running Secret Service
 * (a server, a container, a bare window manager) there is no keychain: every read and write throws
 * {@link SecretResolver.SecretUnavailableException} saying so and telling the user to use an
 * environment variable ({@code env:NAME}) instead. Blocking (D-Bus, a keychain prompt): call off
 * the JavaFX thread. The keychain is opened on first use, not at start-up.
 */
public final class KeychainSecretStore implements SecretResolver.SecretStore {
    /** Prefix of Conn's entries in the keychain. */
    public static final String PREFIX = "conn:";

    private final Supplier<com.microsoft.credentialstorage.SecretStore<StoredToken>> open;
    private com.microsoft.credentialstorage.SecretStore<StoredToken> store;
    private boolean opened;

    /** A store on this machine's OS keychain. */
    public KeychainSecretStore() {
        this(() -> StorageProvider.getTokenStorage(true, StorageProvider.SecureOption.REQUIRED));
    }

    /** @param open opens the library's store; returns null if this machine has no secure one */
    KeychainSecretStore(Supplier<com.microsoft.credentialstorage.SecretStore<StoredToken>> open) {
        this.open = Objects.requireNonNull(open, "open");
    }

    private synchronized com.microsoft.credentialstorage.SecretStore<StoredToken> store(String name) {
        if (!opened) {
            opened = true;
            try {
                store = open.get();
            } catch (RuntimeException | LinkageError e) {
                store = null; // e.g. libsecret present but broken: treated as no keychain
            }
        }
        if (store == null) {
            throw new SecretResolver.SecretUnavailableException(SecretRef.keyring(name), unavailableMessage(name));
        }
        return store;
    }

    static String unavailableMessage(String name) {
        return "no OS keychain is available to Conn here (on Linux it needs libsecret and a running"
                + " Secret Service such as GNOME Keyring or KWallet); set an environment variable and"
                + " refer to it as env:" + name + " instead";
    }

    @Override
    public Optional<String> read(String name) {
        com.microsoft.credentialstorage.SecretStore<StoredToken> s = store(name);
        StoredToken token;
        try {
            token = s.get(PREFIX + name);
        } catch (RuntimeException | LinkageError e) {
            throw new SecretResolver.SecretUnavailableException(
                    SecretRef.keyring(name),
                    "the OS keychain could not be read (" + e.getClass().getSimpleName() + "); "
                            + unavailableMessage(name));
        }
        if (token == null) {
            return Optional.empty();
        }
        char[] value = token.getValue();
        try {
            return Optional.of(new String(value));
        } finally {
            Arrays.fill(value, '\0');
            token.clear();
        }
    }

    @Override
    public void write(String name, String secret) {
        com.microsoft.credentialstorage.SecretStore<StoredToken> s = store(name);
        StoredToken token = new StoredToken(secret.toCharArray(), StoredTokenType.PERSONAL);
        boolean added;
        try {
            added = s.add(PREFIX + name, token);
        } catch (RuntimeException | LinkageError e) {
            added = false;
        } finally {
            token.clear();
        }
        if (!added) {
            throw new SecretResolver.SecretUnavailableException(
                    SecretRef.keyring(name),
                    "the OS keychain refused to store " + PREFIX + name + "; " + unavailableMessage(name));
        }
    }

    @Override
    public String describe() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win")) {
            return "Windows Credential Manager";
        }
        if (os.contains("mac")) {
            return "macOS Keychain";
        }
        return "Secret Service through libsecret";
    }
}
