package dev.conn.warroom;

import dev.conn.incident.Event;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One open connection of this console to the war room's server, with the role, grants and schema
 * checked. Every method may throw {@link WarRoomUnreachableException} (the connection broke: the
 * console is offline) or {@link WarRoomRefusedException} (the server refused, in words). Not
 * thread-safe: one owner, the replicator's thread.
 */
public interface WarRoomLink extends AutoCloseable {

    /** @return the war room's id (minted when its schema was created) */
    UUID warRoomId();

    /** @return the database role this console is connected as */
    String role();

    /**
     * Shares events in one transaction: each is inserted unless its id is already there
     * (idempotent), in the given order; the server assigns each new one the next position and
     * records the role and the arrival time. Rows of queued messages join the war room's outbox in
     * the same transaction.
     *
     * @param events this console's events not yet shared, oldest first
     * @param messages outbox rows handed over with {@code MESSAGE_QUEUED} events among them
     * @return the position of every given event (new or already there)
     */
    List<Position> push(List<Event> events, List<SharedMessage> messages);

    /**
     * @param after a position (0 for the start)
     * @param limit the most to return
     * @return the events after that position, in server order, without gaps
     */
    List<ServerEvent> pull(long after, int limit);

    /**
     * @param serverSeq a position
     * @return the id of the event at that position, if the server has one
     */
    Optional<UUID> eventAt(long serverSeq);

    /**
     * Says this console's person is connected (presence), by the server's clock.
     *
     * @param person who sits at this console
     * @param consoleId this console's data directory's id
     */
    void heartbeat(Person person, UUID consoleId);

    /**
     * Says this console's person left (on Disconnect or close).
     *
     * @param person who
     */
    void signOff(Person person);

    /** @return everyone who has connected to the war room, with when the server last saw them */
    List<PersonSeen> people();

    /** Closes the connection; never throws. */
    @Override
    void close();
}
