package dev.conn.comms;

import dev.conn.incident.CommsEvent;
import dev.conn.incident.Decider;
import dev.conn.incident.Decision;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.IntegrationEvent;
import dev.conn.incident.PostmortemEvent;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what records a delivery outcome ({@link DeliveryCommand}): {@code MESSAGE_SENT}, {@code
 * MESSAGE_FAILED} or {@code MESSAGE_DELIVERY_UNKNOWN}; an integration's accepted request also
 * records its write-back ({@link WriteBack}: the ticket link on the action item, {@code PAGE_SENT},
 * {@code PAGE_RESOLVED}) in the same append. It reads nothing from the log: whether the
 * outcome still applies is the outbox row's compare-and-set under the dispatch lease's fencing
 * token, which runs in the same transaction as the append ({@link Outbox}) and rolls it back when
 * the row moved on. Pure.
 */
public final class DeliveryDecider implements Decider<DeliveryCommand, DeliveryDecider.Nothing> {
    /** No state: the decision needs none. */
    public enum Nothing {
        /** The only value. */
        NOTHING
    }

    @Override
    public Set<EventType> reads() {
        return Set.of();
    }

    @Override
    public Nothing initial() {
        return Nothing.NOTHING;
    }

    @Override
    public Nothing evolve(Nothing state, Event event) {
        return state;
    }

    @Override
    public Decision decide(DeliveryCommand command, Nothing state, Clock clock) {
        String id = command.messageId().toString();
        if (command instanceof DeliveryCommand.Sent s) {
            CommsEvent.MessageSent sent =
                    new CommsEvent.MessageSent(id, s.channel(), s.sentAt(), s.externalId(), Optional.empty());
            if (s.writeBack().isEmpty()) {
                return Decision.accept(sent);
            }
            return Decision.accept(sent, writeBack(id, s.writeBack().get()));
        }
        if (command instanceof DeliveryCommand.Failed f) {
            return Decision.accept(new CommsEvent.MessageFailed(id, f.channel(), reason(f.reason())));
        }
        if (command instanceof DeliveryCommand.DeliveryUnknown u) {
            return Decision.accept(
                    new CommsEvent.MessageDeliveryUnknown(id, u.channel(), Optional.of(reason(u.reason()))));
        }
        return Decision.accept(new CommsEvent.MessageSent(
                id, command.channel(), clock.instant(), Optional.empty(), Optional.of(true)));
    }

    /**
     * The event an integration's write-back records (issue 16): the ticket link set on its action
     * item, or the page sent or resolved.
     */
    private static EventBody writeBack(String messageId, WriteBack w) {
        if (w instanceof WriteBack.TicketLinked t) {
            return new PostmortemEvent.ActionItemUpdated(
                    t.actionItemId(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(t.link()),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }
        WriteBack.Paged p = (WriteBack.Paged) w;
        return p.resolved()
                ? new IntegrationEvent.PageResolved(messageId, p.dedupKey(), p.targetId())
                : new IntegrationEvent.PageSent(messageId, p.dedupKey(), p.targetId());
    }

    private static String reason(String r) {
        return r == null || r.isBlank() ? "no reason given" : r;
    }
}
