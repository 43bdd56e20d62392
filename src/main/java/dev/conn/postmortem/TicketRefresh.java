package dev.conn.postmortem;

import dev.conn.incident.ActionItemStatus;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.TicketRef;
import dev.conn.integrations.TicketStatus;
import dev.conn.integrations.TicketTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Refresh ticket status" (issue 16 §1): reads the state of each action item's ticket from the
 * tracker (an idempotent read, not an outbox row), so the item's status can follow its ticket and
 * the weekly "open action items" summary tells the truth. Blocks on the network: call it off the FX
 * thread.
 */
public final class TicketRefresh {
    private TicketRefresh() {}

    /**
     * What one item's ticket said.
     *
     * @param itemId the action item
     * @param status the ticket's state, if it was read
     * @param problem why it was not read (the tracker's words, scrubbed of secrets by the client)
     */
    public record Result(UUID itemId, Optional<TicketStatus> status, Optional<String> problem) {
        /** @return a line for beside the item: the tracker's status name, or what went wrong */
        public String shown() {
            return status.map(TicketStatus::name).orElseGet(() -> "status not read: " + problem.orElse("unknown"));
        }
    }

    /**
     * @param items the action items; those without a ticket, or whose ticket is not a link of the
     *     tracker, are left out
     * @param tracker the tracker
     * @return one result per item with a ticket of that tracker, in the items' order
     */
    public static List<Result> read(List<ActionItem> items, TicketTracker tracker) {
        List<Result> out = new ArrayList<>();
        for (ActionItem a : items) {
            if (a.ticket().isEmpty()) {
                continue;
            }
            Optional<TicketRef> ref = TicketRef.parse(tracker.tracker(), a.ticket(), a.id());
            if (ref.isEmpty()) {
                continue;
            }
            Outcome<TicketStatus> o = tracker.status(ref.get());
            if (o instanceof Outcome.Sent<TicketStatus> s) {
                out.add(new Result(a.id(), Optional.of(s.value()), Optional.empty()));
            } else {
                out.add(new Result(a.id(), Optional.empty(), Optional.of(reason(o))));
            }
        }
        return out;
    }

    /**
     * @param item an action item
     * @param ticket its ticket's state
     * @return the status the item should take to match its ticket, if it differs; an item marked
     *     won't do keeps that mark
     */
    public static Optional<ActionItemStatus> follow(ActionItem item, TicketStatus ticket) {
        if (item.status() == ActionItemStatus.WONT_DO) {
            return Optional.empty();
        }
        ActionItemStatus wanted =
                switch (ticket.state()) {
                    case OPEN -> ActionItemStatus.OPEN;
                    case IN_PROGRESS -> ActionItemStatus.IN_PROGRESS;
                    case DONE -> ActionItemStatus.DONE;
                };
        return wanted == item.status() ? Optional.empty() : Optional.of(wanted);
    }

    private static String reason(Outcome<?> o) {
        if (o instanceof Outcome.Retry<?> r) {
            return r.reason();
        }
        if (o instanceof Outcome.NotSent<?> n) {
            return n.reason();
        }
        if (o instanceof Outcome.Unknown<?> u) {
            return u.reason();
        }
        return ((Outcome.Failed<?>) o).reason();
    }
}
