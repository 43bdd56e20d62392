package dev.conn.warroom;

import dev.conn.comms.DispatchLease;
import dev.conn.incident.IncidentId;
import dev.conn.settings.WarRoomSettings;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the war room feature needs from storage, built by the composition root over the console's
 * journal (so the screen never touches JDBC). Every method but {@link #replicator} blocks on a
 * database: call them off the FX thread.
 */
public interface WarRoomConnector {

    /**
     * @param settings complete war room settings ({@link WarRoomSettings#problem()} empty)
     * @param timing intervals and batch sizes
     * @param listener told of state, pulls and presence
     * @return a replicator sharing this console's journal, not started
     * @throws IllegalArgumentException if the settings are incomplete
     */
    Replicator replicator(WarRoomSettings settings, Replicator.Timing timing, Replicator.Listener listener);

    /**
     * Connects once with the settings and checks the role, the grants and the schema, creating
     * nothing: what <em>Test connection</em> says.
     *
     * @param settings the settings to try
     * @return what was found, in words ("Connected to db:5432/conn as role ana over TLS; …")
     * @throws WarRoomUnreachableException if the server cannot be reached
     * @throws WarRoomRefusedException if it refused, in words
     */
    String test(WarRoomSettings settings);

    /**
     * @param settings complete war room settings
     * @param owner this console's process
     * @param ttl the lease time (server clock)
     * @param hasChannels true while this console has message channels (only then does it claim)
     * @return the war room's outbox and lease for this console, with the console's one writer that
     *     records the outcomes (queueing goes to its own outbox; see {@link WarRoomDispatch})
     */
    WarRoomDispatch dispatch(
            WarRoomSettings settings, DispatchLease.Owner owner, Duration ttl, BooleanSupplier hasChannels);

    /**
     * @param incident an incident
     * @return where each of its events stands in the war room
     * @throws dev.conn.incident.StoreException if the journal cannot be read
     */
    List<EventShare> shares(IncidentId incident);
}
