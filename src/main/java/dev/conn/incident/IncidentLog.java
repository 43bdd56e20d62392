package dev.conn.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one writer of the event log. Every change (a user's command in the window or the CLI, the
 * outbox dispatcher's outcome, a timer's expiry, an import) goes through here:
 *
 * <ol>
 *   <li>read the incident's events of the types the decider reads, once, with the log position;
 *   <li>fold them with the decider and let it decide the command against the state and the clock;
 *   <li>stamp the resulting drafts (id, incident, author, occurred and recorded times) and append
 *       them in one transaction, guarded against changes to those types since the read;
 *   <li>the store publishes what it appended to in-process subscribers.
 * </ol>
 *
 * Every event keeps {@link EventLimits} (text lengths, author, times), so an exported incident
 * always imports again. If another console or the CLI changed what was read in between, the decision is made again on a
 * fresh read (at most {@link #ATTEMPTS} times); a refusal is thrown as {@link
 * CommandRefusedException} in the decider's words. Blocking: call off the JavaFX thread.
 */
public final class IncidentLog {
    /** Entries may be stamped this far ahead of the clock, to absorb small clock differences. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(1);

    /** How many times a decision is made when the log keeps changing under it. */
    static final int ATTEMPTS = 3;

    private final EventStore store;
    private final Clock clock;

    /**
     * @param store the event log
     * @param clock "now" for decisions and the recorded time of every event
     */
    public IncidentLog(EventStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the clock every event is stamped with */
    public Clock clock() {
        return clock;
    }

    /**
     * Decides a command and appends what the decider decided.
     *
     * @param incident the incident (a fresh id to declare a new one)
     * @param decider the feature's decider
     * @param command the command
     * @param author the person at the keyboard, or the system actor (e.g. "Conn outbox")
     * @param <C> the command type
     * @param <S> the decider's state
     * @return the events appended, in order (empty if the decider had nothing to do, or if every
     *     draft carried an id that was already stored: a retry of a write that succeeded)
     * @throws CommandRefusedException in the decider's words, or if the author is blank or an entry
     *     is dated in the future; nothing is stored
     * @throws ConcurrentChangeException if the log kept changing under the decision; nothing stored
     * @throws StoreException if the database cannot be read or written; nothing is stored
     */
    public <C, S> List<Event> execute(IncidentId incident, Decider<C, S> decider, C command, String author) {
        return execute(incident, decider, command, author, Optional.empty());
    }

    /**
     * Like {@link #execute(IncidentId, Decider, Object, String)}, with SQL that must commit in the
     * same transaction as the decided events (the outbox's compare-and-set of a row's delivery
     * state under the lease's fencing token): if it throws, nothing is stored.
     *
     * @param incident the incident
     * @param decider the feature's decider
     * @param command the command
     * @param author who
     * @param step run in the append's transaction after the events are inserted; or, if it {@link
     *     JdbcTransactionStep#commitsFirst() commits first} (a war room's outbox), committed with the
     *     stamped events before the append takes its lock, then the events are appended without a
     *     guard (they are final once committed there)
     * @param <C> the command type
     * @param <S> the decider's state
     * @return the events appended, in order (empty if a copy of a committed-first event was stored
     *     already, e.g. by a war room's pull)
     * @throws CommandRefusedException in the decider's words; nothing is stored
     * @throws ConcurrentChangeException if the log kept changing under the decision
     * @throws StoreException if the database cannot be read or written, or the step fails
     */
    public <C, S> List<Event> execute(
            IncidentId incident, Decider<C, S> decider, C command, String author, Optional<JdbcTransactionStep> step) {
        Objects.requireNonNull(command, "command");
        String who = requireAuthor(author);
        ConcurrentChangeException last = null;
        Set<EventType> reads = decider.reads(command);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            EventStore.Slice slice = store.read(incident, reads);
            S state = decider.initial();
            for (Event e : slice.events()) {
                state = decider.evolve(state, e);
            }
            Decision decision = decider.decide(command, state, clock);
            if (decision instanceof Decision.Refuse r) {
                throw new CommandRefusedException(r.reason());
            }
            List<Event> events = stamp(incident, ((Decision.Accept) decision).drafts(), who);
            if (events.isEmpty()) {
                return List.of();
            }
            if (step.isPresent() && step.get().commitsFirst()) {
                // committed elsewhere first, off the append lock: these events are final, never re-decided
                step.get().commitFirst(events);
                return store.append(new Append(events, Optional.empty(), Origin.DECIDED, Optional.empty()));
            }
            try {
                return store.append(new Append(
                        events,
                        Optional.of(new Append.Guard(slice.position(), reads, Set.of())),
                        Origin.DECIDED,
                        step));
            } catch (ConcurrentChangeException e) {
                last = e; // decide again on what is there now
            }
        }
        throw last;
    }

    /**
     * Stores events made elsewhere (an imported bundle, already validated) as they are, in one
     * transaction: all or none. Ids already stored are skipped.
     *
     * @param events complete events, each with its own id, incident, times and author
     * @param origin {@link Origin#IMPORTED} or {@link Origin#REPLICATED}
     * @return the events newly stored
     * @throws IllegalArgumentException if the origin is {@link Origin#DECIDED}
     * @throws StoreException if the database cannot be written; then none are stored
     */
    public List<Event> store(List<Event> events, Origin origin) {
        return store(events, origin, Optional.empty());
    }

    /**
     * Like {@link #store(List, Origin)}, with SQL that commits in the same transaction as the
     * events: a war room's pull records each event's server position and advances its cursor
     * there, so a crash never leaves events stored without their place in the war room's order.
     * The step runs only if at least one event is newly stored.
     *
     * @param events complete events, each with its own id, incident, times and author
     * @param origin {@link Origin#IMPORTED} or {@link Origin#REPLICATED}
     * @param step run in the append's transaction after the events are inserted
     * @return the events newly stored
     * @throws IllegalArgumentException if the origin is {@link Origin#DECIDED}
     * @throws StoreException if the database cannot be written or the step fails; then none are stored
     */
    public List<Event> store(List<Event> events, Origin origin, Optional<JdbcTransactionStep> step) {
        if (origin == Origin.DECIDED) {
            throw new IllegalArgumentException("decided events go through execute()");
        }
        return store.append(new Append(events, Optional.empty(), origin, step));
    }

    private List<Event> stamp(IncidentId incident, List<Decision.Draft> drafts, String author) {
        Instant now = clock.instant();
        List<Event> events = new ArrayList<>(drafts.size());
        for (Decision.Draft d : drafts) {
            Instant at = d.occurredAt().orElse(now);
            if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
                throw new CommandRefusedException("That time is in the future; entries can only be back-dated");
            }
            Event e = Event.of(d.id().orElseGet(Event::newId), incident, at, now, author, d.body());
            try {
                EventLimits.check(e); // what Conn writes, Conn can read back (and import again)
            } catch (IllegalArgumentException tooBig) {
                throw new CommandRefusedException(tooBig.getMessage());
            }
            events.add(e);
        }
        return events;
    }

    private static String requireAuthor(String author) {
        if (author == null || author.isBlank()) {
            throw new CommandRefusedException("Say who you are: set your name (shown as author)");
        }
        return author.strip();
    }
}
