package dev.conn.incident;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The incident domain API shared by the GUI and the CLI: declares incidents, records entries on
 * their timelines and answers what their state is. Every write is a typed command decided by
 * {@link HeaderDecider} or {@link EntryDecider} and appended by the one writer, {@link IncidentLog}
 * (which refuses entries in the future, a status change to the status it already has, and so on);
 * reads go to the {@link EventStore}.
 *
 * <p>Every method blocks on the store: call from a background task, never from the FX thread.
 * Time comes from the injected {@link Clock}.
 */
public final class IncidentService {
    /**
     * Entries may be stamped this far ahead of the clock, to absorb small clock differences (import
     * applies the same tolerance to a bundle's declaration).
     */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(1);

    private final EventStore store;
    private final Clock clock;
    private final IncidentLog log;
    private final HeaderDecider header = new HeaderDecider();
    private final EntryDecider entries = new EntryDecider();

    /**
     * @param store the event log
     * @param clock the source of {@code recordedAt} and "now"
     */
    public IncidentService(EventStore store, Clock clock) {
        this(store, new IncidentLog(store, clock));
    }

    /**
     * @param store the event log, for reads
     * @param log the one writer, on the same store
     */
    public IncidentService(EventStore store, IncidentLog log) {
        this.store = store;
        this.clock = log.clock();
        this.log = log;
    }

    /** @return the one writer this service writes through */
    public IncidentLog log() {
        return log;
    }

    /** @return the clock this service stamps events with */
    public Clock clock() {
        return clock;
    }

    /**
     * Declares a new incident and makes it the active one.
     *
     * @param declaration what the declarer said
     * @param author the person at the keyboard
     * @return the {@code INCIDENT_DECLARED} event, stored
     * @throws CommandRefusedException if the title is blank or over 200 characters, the author is
     *     blank, or impact is said to start in the future
     * @throws StoreException if the database cannot be written
     */
    public Event declare(Declaration declaration, String author) {
        String commander = declaration.commander().isBlank() ? author : declaration.commander();
        HeaderCommand.Declare command = new HeaderCommand.Declare(
                declaration.title(),
                declaration.severity(),
                declaration.summary(),
                declaration.impactStartedAt(),
                commander == null ? "" : commander);
        Event e = log.execute(new IncidentId(Event.newId()), header, command, author)
                .get(0);
        try {
            store.setActiveIncident(e.incidentId());
        } catch (StoreException ex) {
            // the incident exists and is durable; failing to remember it as active must not make
            // the user declare it twice
            java.util.logging.Logger.getLogger(IncidentService.class.getName())
                    .warning("declared " + e.incidentId() + " but could not mark it active: " + ex.getMessage());
        }
        return e;
    }

    /**
     * Adds a note, decision or action through the one writer. The command's event id is minted once
     * per thing the user typed, so a retry after a failure that happened after the commit (a failed
     * disk sync, a lost reply) cannot store the entry twice: if the id is already stored, that
     * counts as success and the stored event (with its original times) is returned.
     *
     * @param incidentId the incident
     * @param command the entry
     * @param author the person at the keyboard
     * @return the stored event
     * @throws CommandRefusedException if the entry has no text, is dated in the future, is beyond
     *     {@link EventLimits}, the author is blank, or the incident was never declared
     * @throws StoreException if the database cannot be read or written
     */
    public Event add(IncidentId incidentId, EntryCommand.Add command, String author) {
        List<Event> written = log.execute(incidentId, entries, command, author);
        if (!written.isEmpty()) {
            return written.get(0);
        }
        // an earlier try of this same entry reached the disk: show what is stored
        return store
                .readIncident(
                        incidentId,
                        java.util.EnumSet.of(
                                command.kind() == EntryCommand.Kind.NOTE
                                        ? EventType.NOTE
                                        : command.kind() == EntryCommand.Kind.DECISION
                                                ? EventType.DECISION
                                                : EventType.ACTION_TAKEN))
                .stream()
                .filter(stored -> stored.id().equals(command.eventId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the entry was not stored"));
    }

    /**
     * Changes an incident's severity or status, or marks it mitigated or resolved, through the one
     * writer ({@link HeaderDecider}).
     *
     * @param incidentId the incident
     * @param command the change (not {@link HeaderCommand.Declare}: use {@link #declare})
     * @param author the person at the keyboard
     * @return the stored event
     * @throws IllegalArgumentException for a {@link HeaderCommand.Declare}
     * @throws CommandRefusedException if the change is refused: the value is already set, the
     *     incident is already mitigated or resolved, it is dated in the future, or the author is
     *     blank
     * @throws StoreException if the database cannot be read or written
     */
    public Event change(IncidentId incidentId, HeaderCommand command, String author) {
        if (command instanceof HeaderCommand.Declare) {
            throw new IllegalArgumentException("Use declare() to open an incident");
        }
        return log.execute(incidentId, header, command, author).get(0);
    }

    /**
     * Corrects a note, decision or action of an incident by its id; the original stays in the log.
     *
     * @param incidentId the incident
     * @param command the correction
     * @param author the person at the keyboard
     * @return the correction event
     * @throws CommandRefusedException if the new text is blank or the entry is not a note, decision
     *     or action of the incident
     * @throws StoreException if the database cannot be read or written
     */
    public Event correct(IncidentId incidentId, EntryCommand.Correct command, String author) {
        return log.execute(incidentId, entries, command, author).get(0);
    }

    /**
     * Stars a timeline entry as a key event of the postmortem, or takes the star away
     * ({@code ENTRY_STARRED}).
     *
     * @param incidentId the incident
     * @param command which entry, and star or unstar
     * @param author the person at the keyboard
     * @return the event appended
     * @throws CommandRefusedException if the incident was never declared
     * @throws StoreException if the database cannot be read or written
     */
    public Event star(IncidentId incidentId, EntryCommand.Star command, String author) {
        return log.execute(incidentId, entries, command, author).get(0);
    }

    /**
     * Subscribes to what this process appends through the store: after each commit, the newly
     * stored events, in order, on the appending thread (a background thread: hand the work on
     * quickly). Events other processes append are not announced here.
     *
     * @param subscriber receives the events of each append
     * @return runs to end the subscription
     */
    public Runnable subscribe(java.util.function.Consumer<List<Event>> subscriber) {
        return store.subscribe(subscriber)::cancel;
    }

    /**
     * The events every incident's header is folded from, of every incident, read once: what the
     * incident list keeps in memory and updates as new events arrive.
     *
     * @return the events of the types {@link IncidentState#HEADER_TYPES}, in storage order
     * @throws StoreException if the database cannot be read
     */
    public List<Event> headerEventsOfAllIncidents() {
        return store.readByType(IncidentState.HEADER_TYPES);
    }

    /**
     * Corrects the text of a note, decision or action by appending {@code EVENT_CORRECTED}; the
     * original event stays in the log.
     *
     * @param original the entry to correct
     * @param newText its new text
     * @param author the person at the keyboard
     * @return the correction event
     * @throws CommandRefusedException if the new text is blank or the entry is not a note, decision or
     *     action of the incident
     * @throws StoreException if the database cannot be written
     */
    public Event correct(Event original, String newText, String author) {
        return log.execute(original.incidentId(), entries, new EntryCommand.Correct(original.id(), newText), author)
                .get(0);
    }

    /**
     * Stores events made elsewhere (an imported bundle, another console's log) as they are, in one
     * transaction, all or none; ids already stored for the same incident are skipped, so importing
     * twice changes nothing.
     *
     * @param events complete events, each with its own id, incident, times and author
     * @return how many were new
     * @throws EventConflictException if an id is stored for another incident, or the events declare
     *     a stored incident again; then none are stored
     * @throws StoreException if the database cannot be written; then none are stored
     */
    public int importEvents(List<Event> events) {
        return log.store(events, Origin.IMPORTED).size();
    }

    /**
     * @param incidentId an incident
     * @return its header state
     * @throws IllegalStateException if no such incident was declared
     * @throws StoreException if the database cannot be read
     */
    public IncidentState state(IncidentId incidentId) {
        List<Event> header = store.readIncident(incidentId, IncidentState.HEADER_TYPES);
        if (header.isEmpty()) {
            throw new IllegalStateException("No incident " + incidentId.shortForm());
        }
        return IncidentState.fold(header);
    }

    /**
     * @param incidentId an incident
     * @return every event of it, in storage order
     * @throws StoreException if the database cannot be read
     */
    public List<Event> timeline(IncidentId incidentId) {
        return store.readIncident(incidentId);
    }

    /**
     * @param incidentId an incident
     * @param types the event types wanted
     * @return that incident's events of those types, in storage order (a fold that reads only
     *     some types need not load a 100,000-event timeline)
     * @throws StoreException if the database cannot be read
     */
    public List<Event> events(IncidentId incidentId, java.util.Set<EventType> types) {
        return store.readIncident(incidentId, types);
    }

    /**
     * @param incidentId an incident
     * @param limit the most events to return
     * @return its newest {@code limit} events, in storage order
     * @throws StoreException if the database cannot be read
     */
    public List<Event> timelineTail(IncidentId incidentId, int limit) {
        return store.readIncidentTail(incidentId, limit);
    }

    /**
     * @param incidentId an incident
     * @return every event of it that the header fold reads ({@link IncidentState#HEADER_TYPES})
     * @throws StoreException if the database cannot be read
     */
    public List<Event> headerEvents(IncidentId incidentId) {
        return store.readIncident(incidentId, IncidentState.HEADER_TYPES);
    }

    /**
     * @return the current end of the log, to catch up from after a long read
     * @throws StoreException if the database cannot be read
     */
    public long logPosition() {
        return store.lastSequence();
    }

    /**
     * Every event stored after a log position, of all incidents.
     *
     * @param position a {@link #logPosition()}
     * @return the events, in storage order
     * @throws StoreException if the database cannot be read
     */
    public List<Event> eventsAfter(long position) {
        List<Event> out = new ArrayList<>();
        long from = position;
        while (true) {
            EventStore.Batch b = store.readAfter(from, 10_000);
            out.addAll(b.events());
            if (b.events().size() < 10_000) {
                return out;
            }
            from = b.lastSequence();
        }
    }

    /**
     * Lists every incident: open ones first, then by declaration, newest first.
     *
     * @return the incidents' header states
     * @throws StoreException if the database cannot be read
     */
    public List<IncidentState> incidents() {
        return IncidentQueries.incidents(store.readByType(IncidentState.HEADER_TYPES));
    }

    /**
     * The incident a console or the CLI works on: the one chosen last, else the most recently
     * declared open one.
     *
     * @return the active incident, if any incident exists
     * @throws StoreException if the database cannot be read
     */
    public Optional<IncidentId> activeIncident() {
        return activeIncident(incidents());
    }

    /**
     * Like {@link #activeIncident()}, for a caller that has just listed the incidents.
     *
     * @param all the result of {@link #incidents()}
     * @return the active incident, if any incident exists
     * @throws StoreException if the database cannot be read
     */
    public Optional<IncidentId> activeIncident(List<IncidentState> all) {
        return IncidentQueries.active(all, store.activeIncident());
    }

    /**
     * The incident the CLI writes to when not told which: the active one if it is still open,
     * else the most recently declared open one. A resolved incident is never chosen silently.
     *
     * @return the incident, or empty if no incident is open
     * @throws StoreException if the database cannot be read
     */
    public Optional<IncidentId> activeOpenIncident() {
        return IncidentQueries.activeOpen(incidents(), store.activeIncident());
    }

    /**
     * Makes an incident the active one for every console and the CLI.
     *
     * @param incidentId the incident
     * @throws StoreException if the database cannot be written
     */
    public void activate(IncidentId incidentId) {
        store.setActiveIncident(incidentId);
    }

    /**
     * Finds an incident by its full id or a unique prefix of it (as the CLI prints them).
     *
     * @param idOrPrefix a UUID, at least 4 of its leading hex digits, or its short form (the
     *     last 8 hex digits, as {@code conn incidents} prints it)
     * @return the incident
     * @throws IllegalArgumentException if nothing matches or the prefix is ambiguous
     */
    public IncidentId resolveIncidentId(String idOrPrefix) {
        return IncidentQueries.resolve(incidents(), idOrPrefix);
    }
}
