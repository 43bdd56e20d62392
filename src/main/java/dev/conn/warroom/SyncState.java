package dev.conn.warroom;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * Where this console's sharing stands, as the status bar and the War room dialog show it.
 *
 * @param mode solo, connecting, online, offline or refused
 * @param since when the console went offline or was refused (UTC), if it is
 * @param toShare how many of this console's events are not yet shared
 * @param problem why the console is offline or refused, in words
 * @param role the database role connected as, once online
 */
public record SyncState(
        Mode mode, Optional<Instant> since, int toShare, Optional<String> problem, Optional<String> role) {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Where sharing stands. */
    public enum Mode {
        /** No war room configured, or disconnected: this console works alone, as ever. */
        SOLO,
        /** Connecting for the first time since start or Connect. */
        CONNECTING,
        /** Connected: sharing within a second. */
        ONLINE,
        /** The server cannot be reached: working alone, sharing when it is back. */
        OFFLINE,
        /** The server refused this console (credentials, TLS, grants): nothing is shared. */
        REFUSED
    }

    /** A console with no war room. */
    public static final SyncState SOLO =
            new SyncState(Mode.SOLO, Optional.empty(), 0, Optional.empty(), Optional.empty());

    /** @throws NullPointerException if a field is null */
    public SyncState {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(role, "role");
    }

    /**
     * The status bar's words: nothing when solo; "War room: online"; "War room: offline since
     * 14:02 — 37 events to share"; "War room: refused — …".
     *
     * @param zone the time zone the clock on screen uses
     * @return the text, empty when solo
     */
    public String statusText(ZoneId zone) {
        String share = toShare == 0 ? "" : " — " + toShare + (toShare == 1 ? " event" : " events") + " to share";
        return switch (mode) {
            case SOLO -> "";
            case CONNECTING -> "War room: connecting…" + share;
            case ONLINE -> "War room: online" + share;
            case OFFLINE -> "War room: offline"
                    + since.map(t -> " since " + HH_MM.format(t.atZone(zone))).orElse("")
                    + share;
            case REFUSED -> "War room: not connected" + share;
        };
    }
}
