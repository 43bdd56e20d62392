package dev.conn.comms;

import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentLog;
import java.util.List;
import java.util.Objects;

/**
 * Sends the comms commands of the window through the one writer ({@link IncidentLog#execute}):
 * queueing a message and ticking, skipping or snoozing a checklist item are decided by the pure
 * {@link CommsDecider} on one read of the log and appended in one guarded write; a queued message's
 * outbox rows are written in that same transaction by the outbox's projection of its {@code
 * MESSAGE_QUEUED} (the event store must be built with it). The user's decisions on a message whose
 * delivery is unknown ({@link SettleUnknown}) are compare-and-sets on its outbox row, the "mark
 * sent" one recorded with its {@code MESSAGE_SENT} in one transaction. After each change of the
 * outbox the {@link OutboxWatch} recounts it, so the window learns without counting on a timer.
 *
 * <p>Every method blocks on the database: call off the FX thread. Refusals are {@link
 * CommandRefusedException} in the user's words; nothing is stored then. {@code StoreException} if
 * the database cannot be read or written; nothing is stored then either.
 */
public final class CommsService {
    /** What a decision on a row another window settled first is told. */
    static final String NO_LONGER_WAITING = "That message is no longer waiting for a decision";

    private final IncidentLog log;
    private final Outbox outbox;
    private final OutboxWatch watch;
    private final CommsDecider decider = new CommsDecider();
    private final DeliveryRecorder recorder;

    /**
     * @param log the one writer (its clock is "now")
     * @param outbox the outbox, for the user's decisions on unknown deliveries
     * @param watch told after each change of the outbox
     */
    public CommsService(IncidentLog log, Outbox outbox, OutboxWatch watch) {
        this.log = Objects.requireNonNull(log, "log");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.recorder = new DeliveryRecorder(log);
    }

    /**
     * Decides a command and appends what was decided: one read, one write.
     *
     * @param incident the incident
     * @param command the command
     * @param author the person at the keyboard
     * @return the events appended (empty if there was nothing to do: a retried queue, an item
     *     already settled)
     * @throws CommandRefusedException in the user's words; nothing is stored
     */
    public List<Event> execute(IncidentId incident, CommsCommand command, String author) {
        List<Event> appended = log.execute(incident, decider, command, author);
        if (command instanceof CommsCommand.QueueMessage && !appended.isEmpty()) {
            recountQuietly(); // the rows just committed with the event; a failed count must not say "not queued"
        }
        return appended;
    }

    /**
     * Settles a message whose delivery is unknown, as the user decided.
     *
     * @param decision resend it, or mark it sent
     * @param author the person at the keyboard
     * @return the events appended (the {@code MESSAGE_SENT} of a mark; none for a resend)
     * @throws CommandRefusedException if the row is no longer waiting for a decision (another window
     *     decided first); nothing is stored
     */
    public List<Event> settle(SettleUnknown decision, String author) {
        try {
            if (decision instanceof SettleUnknown.MarkSent m) {
                return recorder.record(
                                m.incident(),
                                new DeliveryCommand.ConfirmSent(m.messageId(), m.channel()),
                                outbox.confirmSent(m.seq(), log.clock().instant()),
                                author)
                        .orElseThrow(() -> new CommandRefusedException(NO_LONGER_WAITING));
            }
            if (!outbox.resend(decision.seq(), log.clock().instant())) {
                throw new CommandRefusedException(NO_LONGER_WAITING);
            }
            return List.of();
        } finally {
            recountQuietly(); // also after a refusal: the list the user chose from was out of date
        }
    }

    private void recountQuietly() {
        try {
            watch.recount();
        } catch (RuntimeException e) {
            // the decision's own outcome (or failure) is what the caller must hear
        }
    }

    /** @return the outbox's watch, where changes are announced */
    public OutboxWatch watch() {
        return watch;
    }
}
