package dev.conn.settings;

import dev.conn.platform.secrets.KnownSecrets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a {@link SecretRef} into the secret, at the moment of use. The secret is never cached in
 * settings, written to disk by Conn, or put in a message; callers keep it only as long as a
 * request needs it.
 *
 * <p>Blocking (a keychain may prompt or call D-Bus): call off the JavaFX thread.
 */
public final class SecretResolver {
    private final Map<String, String> environment;
    private final SecretStore keyring;
    private final KnownSecrets known;

    /**
     * @param environment the process environment (tests pass their own map)
     * @param keyring the OS keychain adapter
     */
    public SecretResolver(Map<String, String> environment, SecretStore keyring) {
        this(environment, keyring, new KnownSecrets());
    }

    /**
     * @param environment the process environment (tests pass their own map)
     * @param keyring the OS keychain adapter
     * @param known where every resolved value is remembered, so stored and exported text can be
     *     scrubbed of it
     */
    public SecretResolver(Map<String, String> environment, SecretStore keyring, KnownSecrets known) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.known = Objects.requireNonNull(known, "known");
    }

    /** @return the values this resolver has handed out, for scrubbing text before it is stored */
    public KnownSecrets known() {
        return known;
    }

    /**
     * Resolves every secret reference in the settings (message channels and monitoring sources),
     * so that {@link #known()} holds their values before text is exported, even values this run has
     * not used yet. A reference that cannot be resolved is skipped: the patterns still apply.
     * Blocking (a keychain may be asked): call off the JavaFX thread.
     *
     * @param settings the settings whose references to resolve
     */
    public void rememberConfigured(Settings settings) {
        java.util.List<SecretRef> refs = new java.util.ArrayList<>();
        for (ChannelSettings c : settings.channelsOrEmpty()) {
            refs.add(c.url());
            refs.add(c.apiKey());
            refs.add(c.password());
        }
        if (settings.impact() != null) {
            for (MonitoringSource m : settings.impact().sources()) {
                refs.add(m.secret());
                refs.add(m.apiKey());
                refs.add(m.applicationKey());
            }
        }
        settings.warRoomSettings().flatMap(WarRoomSettings::passwordRef).ifPresent(refs::add);
        integrationRefs(settings.integrations(), refs);
        for (SecretRef ref : refs) {
            if (ref == null) {
                continue;
            }
            try {
                resolve(ref);
            } catch (SecretUnavailableException notSet) {
                // not readable in this process: skipped, the patterns still apply
            }
        }
    }

    /** A JSON string that is a secret reference, wherever it stands. */
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(
            "\"\\s*((?:env|keyring)\\s*:[^\"\\\\]+)\"", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A secret-named field holding a literal (refused by the settings, but still a secret). */
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile(
            "\"(?:url|apiKey|applicationKey|secret|password|token|apiToken|restApiKey|integrationKey)\"\\s*:\\s*"
                    + "\"([^\"\\\\]+)\"");

    /**
     * As {@link #rememberConfigured}, for a settings file that does not parse (a trailing comma, a
     * field of the wrong shape): every {@code env:}/{@code keyring:} reference written anywhere in
     * its text is resolved, and a literal value in a secret-named field ({@code "url"}, {@code
     * "apiToken"}, ...) is remembered as it is, so an export still scrubs what the file configures.
     * References that cannot be read are skipped.
     *
     * @param settingsText the settings file's text, as it is on disk
     */
    public void rememberReferencedIn(String settingsText) {
        java.util.regex.Matcher refs = REFERENCE.matcher(settingsText);
        while (refs.find()) {
            try {
                resolve(SecretRef.parse(refs.group(1)));
            } catch (RuntimeException unreadable) {
                // not readable in this process, or not a reference after all: the patterns still apply
            }
        }
        java.util.regex.Matcher literals = LITERAL.matcher(settingsText);
        while (literals.find()) {
            String value = literals.group(1).strip();
            if (!value.regionMatches(true, 0, "env:", 0, 4) && !value.regionMatches(true, 0, "keyring:", 0, 8)) {
                known.remember(value);
            }
        }
    }

    /** @return a resolver of this process's environment, with no keychain */
    public static SecretResolver environmentOnly() {
        return new SecretResolver(System.getenv(), SecretStore.unavailable());
    }

    /**
     * @param ref the reference
     * @return the secret
     * @throws SecretUnavailableException naming the reference (never the secret) if it cannot be read
     */
    public String resolve(SecretRef ref) {
        Objects.requireNonNull(ref, "ref");
        String value = lookUp(ref);
        known.remember(value);
        return value;
    }

    private String lookUp(SecretRef ref) {
        return switch (ref.kind()) {
            case ENV -> {
                String v = environment.get(ref.name());
                if (v == null || v.isBlank()) {
                    throw new SecretUnavailableException(
                            ref,
                            "the environment variable " + ref.name()
                                    + " is not set for Conn; set it before starting Conn, or use keyring:"
                                    + ref.name());
                }
                yield v;
            }
            case KEYRING -> keyring.read(ref.name())
                    .orElseThrow(() -> new SecretUnavailableException(
                            ref, "the OS keychain has no entry " + ref.name() + " (" + keyring.describe() + ")"));
        };
    }

    /** @return the keychain adapter (to store a secret typed in settings) */
    public SecretStore keyring() {
        return keyring;
    }

    /** An OS keychain: where a secret typed into settings is stored, under a name. */
    public interface SecretStore {
        /**
         * @param name the entry name
         * @return the secret, if present
         * @throws SecretUnavailableException if the keychain cannot be reached
         */
        Optional<String> read(String name);

        /**
         * Stores or replaces an entry.
         *
         * @param name the entry name
         * @param secret the secret
         * @throws SecretUnavailableException if the keychain cannot be reached
         */
        void write(String name, String secret);

        /** @return a short description for messages, e.g. "Secret Service (libsecret)" */
        String describe();

        /** @return a store that has no keychain: every read is empty, every write refused */
        static SecretStore unavailable() {
            return new SecretStore() {
                @Override
                public Optional<String> read(String name) {
                    return Optional.empty();
                }

                @Override
                public void write(String name, String secret) {
                    throw new SecretUnavailableException(
                            SecretRef.keyring(name), "no OS keychain is available here; use an environment variable");
                }

                @Override
                public String describe() {
                    return "no OS keychain available";
                }
            };
        }
    }

    /** A secret could not be read; the message names the reference and what to do, never the secret. */
    public static final class SecretUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SecretRef ref;

        /**
         * @param ref the reference that failed
         * @param message what is wrong and what to do
         */
        public SecretUnavailableException(SecretRef ref, String message) {
            super(message);
            this.ref = ref;
        }

        /** @return the reference that failed */
        public SecretRef ref() {
            return ref;
        }
    }

    /**
     * Collects every secret reference of the {@code integrations} section (issue 16): each text
     * value that reads as {@code env:NAME} or {@code keyring:NAME}, wherever it sits, so a field
     * added later is remembered too.
     */
    private static void integrationRefs(com.fasterxml.jackson.databind.JsonNode node, java.util.List<SecretRef> refs) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String t = node.asText();
            if (t.startsWith("env:") || t.startsWith("keyring:")) {
                try {
                    refs.add(SecretRef.parse(t));
                } catch (IllegalArgumentException notARef) {
                    // not a reference: nothing to remember
                }
            }
            return;
        }
        node.elements().forEachRemaining(child -> integrationRefs(child, refs));
    }
}
