package dev.conn.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a secret (API key, bearer token, webhook URL, SMTP password) lives: never the secret
 * itself. Settings, exports and logs hold only this reference, written {@code env:NAME} (an
 * environment variable) or {@code keyring:NAME} (an entry in the OS keychain).
 *
 * <p>{@link #toString()} is the reference text, which is safe to show and log.
 *
 * @param kind where to look
 * @param name the variable or keychain entry name: letters, digits, {@code _ . -}, 1-128 chars
 */
public record SecretRef(Kind kind, String name) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

    /** Where a secret is kept. */
    public enum Kind {
        /** An environment variable of the Conn process. */
        ENV("env"),
        /** An entry in the OS keychain (Windows Credential Manager, macOS Keychain, Secret Service). */
        KEYRING("keyring");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** @return the prefix written before the colon */
        public String prefix() {
            return prefix;
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong if the name is not allowed
     */
    public SecretRef {
        Objects.requireNonNull(kind, "kind");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a secret name is 1-128 letters, digits, '_', '.' or '-'; got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
    }

    /**
     * Parses {@code env:NAME} or {@code keyring:NAME}.
     *
     * @param text the reference text
     * @return the reference
     * @throws IllegalArgumentException with a message saying what to write, if the text is not a
     *     reference (for example a pasted token: secrets are never stored in settings)
     */
    @JsonCreator
    public static SecretRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a secret reference is empty; write env:VARIABLE or keyring:ENTRY");
        }
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? "" : text.substring(0, colon).strip();
        for (Kind k : Kind.values()) {
            if (k.prefix.equalsIgnoreCase(prefix)) {
                return new SecretRef(k, text.substring(colon + 1).strip());
            }
        }
        throw new IllegalArgumentException(
                "a secret is given as a reference, env:VARIABLE or keyring:ENTRY, never as the secret itself");
    }

    /** @return a reference to the environment variable {@code name} */
    public static SecretRef env(String name) {
        return new SecretRef(Kind.ENV, name);
    }

    /** @return a reference to the keychain entry {@code name} */
    public static SecretRef keyring(String name) {
        return new SecretRef(Kind.KEYRING, name);
    }

    /** @return {@code env:NAME} or {@code keyring:NAME}: the reference, never the secret */
    @JsonValue
    @Override
    public String toString() {
        return kind.prefix + ":" + name;
    }
}
