package dev.conn.cli;

import dev.conn.incident.EventStore;
import dev.conn.incident.IncidentService;
import dev.conn.platform.db.Database;
import dev.conn.settings.ConfigException;
import dev.conn.settings.DataDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens a subcommand's {@link Session} on the data directory: refusing a directory without a Conn
 * database where a command needs one, warning about or refusing a bad {@code policy.json} as the
 * command needs, opening a read-only copy read-only, and taking this command's turn on the data
 * directory ({@link CliTurn}) so parallel commands never fight over the database.
 */
final class Sessions {
    private final Path directory;
    private final Clock clock;
    private final Supplier<PrintWriter> err;
    private final String warRoom;
    private final dev.conn.platform.secrets.KnownSecrets known;

    /**
     * @param directory the data directory (resolved, not created yet)
     * @param clock the clock events are stamped with
     * @param err where warnings go (standard error)
     * @param warRoom the {@code --war-room} option: null or "settings" (the war room in settings.json,
     *     if any), "off", or a {@code jdbc:postgresql://} address
     * @param known the process's known secret values (a war room password is scrubbed with them)
     */
    Sessions(
            Path directory,
            Clock clock,
            Supplier<PrintWriter> err,
            String warRoom,
            dev.conn.platform.secrets.KnownSecrets known) {
        this.directory = directory;
        this.clock = clock;
        this.err = err;
        this.warRoom = warRoom;
        this.known = known;
    }

    /** @return the data directory this invocation uses, created if needed */
    private Path dataDirectory() {
        return DataDirectory.prepare(directory);
    }

    /**
     * Opens the database and the incident service for a subcommand that reads or adds to
     * existing incidents. A directory without a Conn database is refused, not created: a mistyped
     * {@code --data-dir} must not quietly start an empty console. A bad {@code policy.json} is
     * reported with the window's message, as a warning: these commands do not use the policy, and
     * a deploy script's entry must not be lost to it.
     *
     * @throws IllegalStateException naming the directory if it holds no Conn database
     */
    Session open() {
        Path dir = directory;
        refuseIfNoDatabase(dir);
        warnIfPolicyBad(dir);
        return openOrCreateChecked();
    }

    /**
     * Opens the database for a subcommand that only reads ({@code export}, {@code incidents},
     * {@code stats}): like {@link #open()}, but a data directory this process cannot write (a
     * read-only mount, a copied backup), or on a full disk, is opened read-only instead of refused.
     */
    Session openForReading() {
        Path dir = directory;
        refuseIfNoDatabase(dir);
        warnIfPolicyBad(dir);
        if (!java.nio.file.Files.isWritable(dir)) {
            return readOnly(dir); // no turn: nothing can be written there
        }
        try {
            return openOrCreateChecked();
        } catch (RuntimeException e) {
            if (!dev.conn.platform.db.DatabaseErrors.diskFull(e) || !staleLockRemoved(dir)) {
                throw e;
            }
            // a full disk is when the record must be listed and exported to another disk: reading
            // needs no space, opening for writing does
            err.get()
                    .println("conn: warning: the disk holding " + dir + " is full; reading the record without"
                            + " writing. Free some space before recording anything.");
            return readOnly(dir);
        }
    }

    private Session readOnly(Path dir) {
        Database db = Database.openReadOnly(dir);
        return new Session(dir, db, new IncidentService(EventStore.jdbc(db.dataSource()), clock), () -> {});
    }

    /**
     * H2 creates its lock file before it writes the owner into it; on a full disk that write
     * fails and an empty lock file stays behind, which a read-only open takes for a holder. A lock
     * file with content is a live (or crashed) holder's and is left alone.
     *
     * @return true if there is no lock file now
     */
    private static boolean staleLockRemoved(Path dir) {
        Path lock = dir.resolve(Database.NAME + ".lock.db");
        try {
            if (java.nio.file.Files.exists(lock) && java.nio.file.Files.size(lock) == 0) {
                java.nio.file.Files.delete(lock);
            }
            return !java.nio.file.Files.exists(lock);
        } catch (java.io.IOException cannot) {
            return false;
        }
    }

    /**
     * Opens the database and the incident service, creating the data directory on first use. A
     * bad {@code policy.json} is refused with the window's message, as the window refuses to start.
     *
     * @throws ConfigException naming the policy file and the bad field
     */
    Session openOrCreate() {
        Path dir = directory;
        if (java.nio.file.Files.isDirectory(dir)) {
            new dev.conn.settings.PolicyFile(dir).read();
        }
        return openOrCreateChecked();
    }

    private Session openOrCreateChecked() {
        Path dir = dataDirectory();
        java.util.concurrent.atomic.AtomicBoolean said = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable waiting = () -> {
            if (!said.getAndSet(true)) {
                err.get()
                        .println("conn: waiting for another Conn process to release the database in " + dir + " (up to "
                                + Database.PATIENCE.toSeconds() + " s) …");
            }
        };
        warmUp(); // class loading happens before the turn, so the turn stays short
        CliTurn turn = CliTurn.take(dir, Database.PATIENCE, Database.TELL_AFTER, waiting);
        try {
            Database db = Database.open(dir, Database.PATIENCE, waiting);
            EventStore store = EventStore.jdbc(db.dataSource());
            IncidentService incidents = new IncidentService(store, clock);
            Runnable share = warRoomSharing(dir, db, store, incidents);
            share.run(); // what the other consoles shared, before this command reads
            return new Session(dir, db, incidents, turn, share::run);
        } catch (RuntimeException e) {
            turn.close();
            throw e;
        }
    }

    /**
     * Sharing through the war room for one session (issue 13): nothing unless {@code --war-room} or
     * the settings name one; otherwise one push and pull, with a warning (once per command) when the
     * war room cannot be reached or refuses: what this command wrote stays in the data directory and
     * is shared by the next Conn that connects.
     */
    private Runnable warRoomSharing(Path dir, Database db, EventStore store, IncidentService incidents) {
        if ("off".equalsIgnoreCase(warRoom == null ? "" : warRoom.strip())) {
            return () -> {};
        }
        Optional<dev.conn.settings.WarRoomSettings> configured;
        try {
            configured = new dev.conn.settings.SettingsFile(dir).read().warRoomSettings();
        } catch (ConfigException e) {
            configured = Optional.empty();
        }
        if (warRoom != null && !warRoom.isBlank() && !"settings".equalsIgnoreCase(warRoom.strip())) {
            String url = warRoom.strip();
            configured = Optional.of(configured
                    .map(w -> new dev.conn.settings.WarRoomSettings(
                            url, w.user(), w.password(), w.personId(), w.personName(), null))
                    .orElseGet(() -> new dev.conn.settings.WarRoomSettings(
                            url,
                            System.getProperty("user.name"),
                            null,
                            "cli-" + System.getProperty("user.name"),
                            System.getProperty("user.name"),
                            null)));
        } else {
            configured = configured.filter(dev.conn.settings.WarRoomSettings::active);
        }
        if (configured.isEmpty()) {
            return () -> {};
        }
        dev.conn.settings.WarRoomSettings w = configured.get();
        java.util.concurrent.atomic.AtomicBoolean warned = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            try {
                w.problem().ifPresent(p -> {
                    throw new dev.conn.warroom.WarRoomRefusedException(p, null);
                });
                dev.conn.warroom.store.WarRooms.shareOnce(
                        db.dataSource(),
                        store,
                        incidents.log(),
                        w,
                        new dev.conn.settings.SecretResolver(
                                System.getenv(), new dev.conn.settings.KeychainSecretStore(), known),
                        clock);
            } catch (RuntimeException e) {
                if (!warned.getAndSet(true)) {
                    err.get()
                            .println("conn: war room: "
                                    + dev.conn.platform.text.ControlChars.oneLine(String.valueOf(e.getMessage()))
                                    + " What this command records stays in " + dir
                                    + " and is shared by the next Conn that"
                                    + " connects.");
                }
            }
        };
    }

    /** Loads H2 and Jackson before waiting for a turn: other commands wait while this one holds it. */
    private static void warmUp() {
        Database.warmUp();
        try {
            dev.conn.platform.json.Json.newMapper()
                    .readTree("{\"text\":\"warm\",\"at\":\"2026-01-01T00:00:00Z\",\"n\":[1,2]}");
        } catch (java.io.IOException | RuntimeException e) {
            // only a head start
        }
    }

    private void refuseIfNoDatabase(Path dir) {
        if (!Database.existsIn(dir)) {
            throw new IllegalStateException("No Conn database in " + dir + " (no " + Database.NAME
                    + ".mv.db). Check --data-dir or " + DataDirectory.ENV
                    + "; `conn declare` or the window create one.");
        }
    }

    private void warnIfPolicyBad(Path dir) {
        try {
            new dev.conn.settings.PolicyFile(dir).read();
        } catch (ConfigException e) {
            err.get()
                    .println("conn: warning: " + e.getMessage()
                            + " (the window refuses to start until it is fixed; this command does not use it)");
        }
    }
}
