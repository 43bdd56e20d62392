package dev.conn.command;

import dev.conn.fatigue.AlertFatigue;
import dev.conn.fatigue.FatigueAlertDecider;
import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.CommandEvent;
import dev.conn.incident.Decider;
import dev.conn.incident.Decision;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentLog;
import dev.conn.incident.IncidentService;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Sends the people commands of the window and the CLI through the one writer ({@link
 * IncidentLog#execute}): each command reads the incident's people events once, is decided by its
 * feature's pure decider ({@link RosterDecider}, {@link HandoffDecider}, {@link TaskDecider}, or
 * {@link FatigueAlertDecider} for fatigue alerts) and appends what was decided in one atomic,
 * guarded write; a change another console made in between is decided again on a fresh read. The
 * {@link Result} is the fold the decision was made on with the new events added, so nothing is
 * read again to answer the caller.
 *
 * <p>Every method blocks on the event store: call off the FX thread. Refusals are {@link
 * dev.conn.incident.CommandRefusedException} in the user's words; nothing is stored then.
 * {@code StoreException} if the database cannot be read or written.
 */
public final class PeopleService {
    private final IncidentService incidents;
    private final RosterDecider roster;
    private final HandoffDecider handoffs;
    private final TaskDecider tasks;
    private final FatigueAlertDecider fatigue;

    /**
     * @param incidents the incident log (its {@link IncidentService#log()} writes, its clock is now)
     * @param roster decides roster commands
     * @param handoffs decides hand-off commands
     * @param tasks decides task commands
     * @param fatigue decides which fatigue alerts to record
     */
    public PeopleService(
            IncidentService incidents,
            RosterDecider roster,
            HandoffDecider handoffs,
            TaskDecider tasks,
            FatigueAlertDecider fatigue) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.roster = Objects.requireNonNull(roster, "roster");
        this.handoffs = Objects.requireNonNull(handoffs, "handoffs");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.fatigue = Objects.requireNonNull(fatigue, "fatigue");
    }

    /**
     * The service with the app's deciders.
     *
     * @param incidents the incident log
     * @param ackTimeout the policy hand-off ACK timeout; positive
     * @param random draws read-back codes ({@code SecureRandom} in the app, seeded in tests)
     * @param deadlines where hand-off briefs get the coming communication deadlines
     * @param monitor the fatigue thresholds and arming rules
     * @return the service
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public static PeopleService create(
            IncidentService incidents,
            Duration ackTimeout,
            RandomGenerator random,
            CommunicationDeadlines deadlines,
            FatigueMonitor monitor) {
        return new PeopleService(
                incidents,
                new RosterDecider(ackTimeout),
                new HandoffDecider(ackTimeout, random, deadlines),
                new TaskDecider(ackTimeout),
                new FatigueAlertDecider(monitor));
    }

    /**
     * Decides a command and appends what was decided: one read, one write.
     *
     * @param incident the incident
     * @param command the command
     * @param author the person at the keyboard
     * @return the events appended (expiries noticed first, then the command's) and the people after
     * @throws dev.conn.incident.CommandRefusedException in the user's words; nothing is stored
     */
    public Result execute(IncidentId incident, PeopleCommand command, String author) {
        if (command instanceof RosterCommand c) {
            return run(incident, roster, c, author);
        }
        if (command instanceof HandoffCommand c) {
            return run(incident, handoffs, c, author);
        }
        return run(incident, tasks, (TaskCommand) command, author);
    }

    /**
     * Composes the brief an offer would carry, checked as the offer would be, recording nothing:
     * one read.
     *
     * @param incident the incident
     * @param offer the offer the holder is about to make
     * @return the brief and its fresh read-back code
     * @throws dev.conn.incident.CommandRefusedException as the offer would be refused
     */
    public BriefPreview preview(IncidentId incident, HandoffCommand.Offer offer) {
        PeopleFold state = handoffs.initial();
        state.addAll(incidents.events(incident, handoffs.reads()));
        return handoffs.preview(offer, state, clock());
    }

    /**
     * Records the fatigue alerts a console has shown that are still due and not yet recorded by
     * anyone: one read, at most one write.
     *
     * @param incident the incident
     * @param command the crossings shown
     * @param author the person at the keyboard
     * @return the {@code FATIGUE_ALERTED} events appended (none if all were recorded already)
     */
    public List<Event> alertFatigue(IncidentId incident, AlertFatigue command, String author) {
        return log().execute(incident, fatigue, command, author);
    }

    /** @return the clock every decision reads */
    public Clock clock() {
        return log().clock();
    }

    private IncidentLog log() {
        return incidents.log();
    }

    private <C extends PeopleCommand> Result run(
            IncidentId incident, PeopleDecider<C> decider, C command, String author) {
        Recording<C> recording = new Recording<>(decider);
        List<Event> appended = log().execute(incident, recording, command, author);
        PeopleFold after = recording.state;
        if (after == null) { // not decided (cannot happen: execute decides before it appends)
            after = decider.initial();
        }
        after.addAll(appended);
        return new Result(appended, after);
    }

    /** Passes everything to a decider, keeping the state of its last decision. */
    private static final class Recording<C> implements Decider<C, PeopleFold> {
        private final Decider<C, PeopleFold> decider;
        private PeopleFold state;

        Recording(Decider<C, PeopleFold> decider) {
            this.decider = decider;
        }

        @Override
        public Set<EventType> reads() {
            return decider.reads();
        }

        @Override
        public PeopleFold initial() {
            return decider.initial();
        }

        @Override
        public PeopleFold evolve(PeopleFold s, Event event) {
            return decider.evolve(s, event);
        }

        @Override
        public Decision decide(C command, PeopleFold s, Clock clock) {
            state = s;
            return decider.decide(command, s, clock);
        }
    }

    /**
     * What a command did.
     *
     * @param appended the events appended, in order (empty if there was nothing to do)
     * @param after the people as they are after those events (the fold the decision was made on)
     */
    public record Result(List<Event> appended, PeopleFold after) {
        /** Copies the list. */
        public Result {
            appended = List.copyOf(appended);
            Objects.requireNonNull(after, "after");
        }

        /** @return the roster after the command */
        public Roster roster() {
            return after.roster();
        }

        /** @return the hand-offs after the command */
        public Handoffs handoffs() {
            return after.handoffs();
        }

        /** @return the tasks after the command */
        public List<CheckBackTask> tasks() {
            return after.tasks();
        }

        /**
         * @param responderId a responder
         * @return that responder now
         * @throws java.util.NoSuchElementException if unknown
         */
        public Responder responder(String responderId) {
            return roster().responder(responderId).orElseThrow();
        }

        /** @return the responder the command named or added (the last responder event appended) */
        public Responder responder() {
            String id = appended.stream()
                    .map(Event::body)
                    .map(b -> b instanceof CommandEvent.ResponderJoined j
                            ? j.responderId()
                            : b instanceof CommandEvent.Presence p ? p.id() : null)
                    .filter(Objects::nonNull)
                    .reduce((a, b) -> b)
                    .orElseThrow();
            return responder(id);
        }

        /** @return the offer made, with its brief and code, if the command was an offer */
        public Optional<HandoffOffer> offer() {
            return last(CommandEvent.HandoffOffered.class)
                    .map(o -> new HandoffOffer(
                            handoffs().find(o.offerId()).orElseThrow(),
                            new HandoffBrief(Arrays.asList(o.brief().orElse("").split("\n")))));
        }

        /** @return the hand-off acknowledged and its announcement, if the command acknowledged one */
        public Optional<Acknowledgement> acknowledgement() {
            return last(CommandEvent.HandoffAcknowledged.class).map(a -> {
                Handoff h = handoffs().find(a.offerId()).orElseThrow();
                return new Acknowledgement(h, HandoffAnnouncement.afterAcknowledgement(h));
            });
        }

        /** @return the hand-off the command closed (acknowledged, declined or withdrawn), if any */
        public Optional<Handoff> closed() {
            return appended.stream()
                    .map(Event::body)
                    .filter(b ->
                            b instanceof CommandEvent.HandoffOutcome && !(b instanceof CommandEvent.HandoffExpired))
                    .map(b -> ((CommandEvent.HandoffOutcome) b).offerId())
                    .reduce((a, b) -> b)
                    .flatMap(id -> handoffs().find(id));
        }

        /** @return the offers whose expiry this command recorded, in order */
        public List<Handoff> expired() {
            return appended.stream()
                    .map(Event::body)
                    .filter(b -> b instanceof CommandEvent.HandoffExpired)
                    .map(b -> handoffs()
                            .find(((CommandEvent.HandoffExpired) b).offerId())
                            .orElseThrow())
                    .toList();
        }

        /** @return the task the command assigned or changed, if any */
        public Optional<CheckBackTask> task() {
            Optional<String> id = appended.stream()
                    .map(Event::body)
                    .map(b -> b instanceof CommandEvent.TaskAssigned t
                            ? t.taskId()
                            : b instanceof CommandEvent.TaskOutcome t ? t.taskId() : null)
                    .filter(Objects::nonNull)
                    .reduce((a, b) -> b);
            return id.flatMap(
                    t -> tasks().stream().filter(x -> x.taskId().equals(t)).findFirst());
        }

        /** @return the designated next IC after the command, if any */
        public Optional<Roster.NextIc> nextCommander() {
            return roster().nextCommander();
        }

        /** @return the holders of every role after the command */
        public List<RoleHolder> holders() {
            return roster().holders();
        }

        private <T> Optional<T> last(Class<T> type) {
            return appended.stream()
                    .map(Event::body)
                    .filter(type::isInstance)
                    .map(type::cast)
                    .reduce((a, b) -> b);
        }
    }
}
