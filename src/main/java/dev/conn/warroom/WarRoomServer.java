package dev.conn.warroom;

/** Opens connections to one war room's server, with the credentials of this console's settings. */
@FunctionalInterface
public interface WarRoomServer {
    /**
     * Connects, checks the role's grants, creates or upgrades the schema where the role may, and
     * starts listening for what other consoles share. Blocks on the network (bounded by the
     * connection timeouts).
     *
     * @param onServerChange called (on a background thread) whenever another console shared
     *     something; may be called spuriously
     * @return the open link
     * @throws WarRoomUnreachableException if the server cannot be reached: offline
     * @throws WarRoomRefusedException if the server refused, in words saying why
     */
    WarRoomLink connect(Runnable onServerChange);
}
