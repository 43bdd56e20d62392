package dev.conn.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The war room this console shares its incidents through (issue 13), in {@code settings.json} under
 * {@code warRoom}. Absent: the console works solo and nothing about war rooms shows.
 *
 * <p>Nothing here is a secret: the password is a {@link SecretRef} ({@code env:NAME} or {@code
 * keyring:NAME}), resolved only when connecting. No field of this record, nor any other setting, is
 * ever written to the war room's database.
 *
 * @param jdbcUrl the PostgreSQL JDBC URL, e.g. {@code
 *     jdbc:postgresql://db.example:5432/conn?sslmode=verify-full} (pgjdbc's URL format,
 *     https://jdbc.postgresql.org/documentation/use/); must not carry a password
 * @param user the database role to log in as
 * @param password reference to the role's password; null for none (e.g. a client certificate)
 * @param personId this console's person: a stable id, minted once (a UUID) and kept when the
 *     name changes; how the war room tells consoles apart
 * @param personName this console's person's display name, shown in the war room's roster
 * @param enabled false after Disconnect: the settings are kept, the console works solo; null means
 *     true
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WarRoomSettings(
        String jdbcUrl, String user, SecretRef password, String personId, String personName, Boolean enabled) {

    /** Strips the text fields; blank means absent. */
    public WarRoomSettings {
        jdbcUrl = blankToNull(jdbcUrl);
        user = blankToNull(user);
        personId = blankToNull(personId);
        personName = blankToNull(personName);
    }

    /**
     * @param jdbcUrl the JDBC URL
     * @param user the role
     * @param password the password reference, or null
     * @param personName the display name
     * @return settings with a freshly minted person id, enabled
     */
    public static WarRoomSettings create(String jdbcUrl, String user, SecretRef password, String personName) {
        return new WarRoomSettings(jdbcUrl, user, password, UUID.randomUUID().toString(), personName, null);
    }

    /** @return true unless the user disconnected this console from the war room */
    public boolean active() {
        return enabled == null || enabled;
    }

    /**
     * @param on connect (true) or work solo (false)
     * @return a copy with that choice
     */
    public WarRoomSettings withEnabled(boolean on) {
        return new WarRoomSettings(jdbcUrl, user, password, personId, personName, on ? null : Boolean.FALSE);
    }

    /** @return the password reference, if any */
    public Optional<SecretRef> passwordRef() {
        return Optional.ofNullable(password);
    }

    /**
     * Checks the fields a connection needs.
     *
     * @return the first problem, in words naming the field, or empty if the settings can be used
     */
    public Optional<String> problem() {
        if (jdbcUrl == null) {
            return Optional.of("warRoom.jdbcUrl: give the war room's address, e.g."
                    + " jdbc:postgresql://db.example:5432/conn?sslmode=verify-full");
        }
        if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql://")) {
            return Optional.of("warRoom.jdbcUrl: a war room is a PostgreSQL database; the address starts with"
                    + " jdbc:postgresql://");
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.contains("password=") || lower.matches("jdbc:postgresql://[^/?]*:[^/?]*@.*")) {
            return Optional.of("warRoom.jdbcUrl: the address must not hold a password; put it in"
                    + " warRoom.password as env:NAME or keyring:NAME");
        }
        if (user == null) {
            return Optional.of("warRoom.user: give the database role to connect as");
        }
        if (personId == null) {
            return Optional.of("warRoom.personId: missing; connect from Incident > War room… to mint one");
        }
        if (personName == null) {
            return Optional.of("warRoom.personName: give your name as the war room should show it");
        }
        if (personName.length() > 200) {
            return Optional.of("warRoom.personName: at most 200 characters");
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
