package dev.conn.integrations;

import java.time.Duration;

/**
 * A ticket tracker Conn creates action-item tickets in (Jira, GitHub Issues, Linear). Each ticket
 * carries a stable external id derived from the item's id ({@link ExternalIds}), and a create that
 * may follow an earlier attempt looks that id up first, so one item gets one ticket however often
 * the outbox has to try.
 *
 * <p>Implementations block on the network: call them from the outbox's sender or a background
 * task, never from the JavaFX application thread. They never throw for an answer of the tracker
 * or a network failure; every outcome is an {@link Outcome}.
 */
public interface TicketTracker {

    /** @return which tracker this is */
    TicketRef.Tracker tracker();

    /**
     * @return a key for client-side pacing: requests with the same key are spaced by {@link
     *     #minInterval()} (the API token they spend)
     */
    String rateKey();

    /** @return the least time between two requests with the same {@link #rateKey()} */
    Duration minInterval();

    /**
     * Creates the ticket for an action item, once.
     *
     * @param request what to create
     * @param mayExist true if an earlier attempt may have reached the tracker (the outbox row's
     *     attempts are above zero): the item's external id is looked up first, and a ticket found is
     *     returned instead of creating another
     * @return {@link Outcome.Sent} with the ticket (created or found), or why not
     */
    Outcome<TicketRef> create(TicketRequest request, boolean mayExist);

    /**
     * Reads a ticket's current status (an idempotent read).
     *
     * @param ticket a ticket this tracker created
     * @return {@link Outcome.Sent} with its status, or why it could not be read
     */
    Outcome<TicketStatus> status(TicketRef ticket);
}
