package dev.conn.warroom;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * This console's side of sharing: its local journal (the H2 event log), which stays the source of
 * every state it shows and acknowledges every append before anything is shared. Implementations
 * block on the local database; call them off the FX thread.
 */
public interface Journal {

    /** @return the war room this journal shares with, once it has connected to one */
    Optional<UUID> warRoomId();

    /**
     * Binds the journal to a war room (the first successful connection).
     *
     * @param id the war room's id
     */
    void bindWarRoom(UUID id);

    /** @return this console's id (one per data directory, minted on first use) */
    UUID consoleId();

    /** @return the server position up to which every event of the war room is in this journal (0 at first) */
    long cursor();

    /**
     * @param limit the most to return
     * @return events not yet shared, oldest first (storage order)
     */
    List<Event> unshared(int limit);

    /** @return how many events are not yet shared */
    int unsharedCount();

    /**
     * Hands the outbox rows of queued messages over to the war room: rows still waiting here are
     * marked as handed over (so this console's own dispatcher never sends them), atomically per
     * row. Rows handed over before and not yet confirmed shared are returned again.
     *
     * @param queued {@code MESSAGE_QUEUED} events about to be shared
     * @return the rows to share with them
     */
    List<SharedMessage> handOver(List<Event> queued);

    /**
     * Records where this console's events now stand in the war room's order.
     *
     * @param positions as the server gave them
     */
    void markShared(List<Position> positions);

    /**
     * Stores what another console shared (through the one writer, as {@code REPLICATED}), with each
     * event's position and the new cursor in the same transaction; events already here (this
     * console's own) only get their position.
     *
     * @param events a run of the war room's log, in server order, without gaps
     * @return the events newly stored, and the incidents whose log order changed for events this
     *     journal already held (a decision that needs one winner may have a new winner there)
     */
    Stored storeReplicated(List<ServerEvent> events);

    /**
     * The journal's record of the war room disagrees with the server (a failover lost the newest
     * transactions, a restore from an older backup): every event whose position is above {@code
     * position} becomes unshared again (to be shared anew), and the cursor goes back to it.
     *
     * @param position the newest position on which both agree
     * @return how many events became unshared
     */
    int rewindTo(long position);

    /**
     * @param serverSeq a position
     * @return the id of the event this journal holds at that position
     */
    Optional<UUID> eventAt(long serverSeq);

    /**
     * @param atMost a position
     * @return the highest position at or below it that this journal holds, or 0 if none
     */
    long highestPositionAtMost(long atMost);

    /**
     * What {@link #storeReplicated} did.
     *
     * @param stored events newly stored, in server order
     * @param reordered incidents where an event arrived before events already held in the log's
     *     order, in a way that can change who wins a decision needing one winner
     */
    record Stored(List<Event> stored, Set<IncidentId> reordered) {
        /** Copies the collections. */
        public Stored {
            stored = List.copyOf(stored);
            reordered = Set.copyOf(reordered);
        }
    }
}
