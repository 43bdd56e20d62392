package dev.conn.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The incident domain API shared by the GUI and the CLI: declares incidents, records entries on
 * their timelines and answers what their state is. It validates what a user asks for (no entries
 * in the future, no status change to the status it already has) and appends events durably
 * through the {@link EventStore}.
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
     * Records one entry on an incident's timeline.
     *
     * @param incidentId the incident
     * @param type what kind of entry
     * @param payload its fields (see {@link EventType})
     * @param occurredAt when it happened, if back-dated; otherwise now
     * @param author the person at the keyboard
     * @return the stored event
     * @throws IllegalArgumentException if the entry is in the future, has no text where text is
     *     required, the author is blank, or a text or time is beyond {@link EventLimits} (the
     *     message, the same for the CLI and the window, says by how much)
     * @throws IllegalStateException if it contradicts the incident's state (unknown incident,
     *     status already set, already resolved, a correction of something that cannot be corrected)
     * @throws StoreException if the database cannot be written
     */
    public Event record(
            IncidentId incidentId, EventType type, Payload payload, Optional<Instant> occurredAt, String author) {
        return record(Event.newId(), incidentId, type, payload, occurredAt, author);
    }

    /**
     * Records one entry with an id the caller minted, so a retry after a failure that happened
     * after the commit (a failed disk sync, a lost reply) cannot store the entry twice: if the id is
     * already stored, that counts as success and the stored event (with its original times) is
     * returned.
     *
     * @param eventId the entry's id, minted once per thing the user typed ({@link Event#newId()})
     * @param incidentId the incident
     * @param type what kind of entry
     * @param payload its fields (see {@link EventType})
     * @param occurredAt when it happened, if back-dated; otherwise now
     * @param author the person at the keyboard
     * @return the stored event
     * @throws IllegalArgumentException as {@link #record(IncidentId, EventType, Payload, Optional, String)}
     * @throws IllegalStateException as {@link #record(IncidentId, EventType, Payload, Optional, String)}
     * @throws StoreException if the database cannot be written
     */
    public Event record(
            java.util.UUID eventId,
            IncidentId incidentId,
            EventType type,
            Payload payload,
            Optional<Instant> occurredAt,
            String author) {
        Optional<List<Event>> decided = decide(eventId, incidentId, type, payload, occurredAt, author);
        if (decided.isPresent()) {
            List<Event> written = decided.get();
            if (written.isEmpty()) {
                // an earlier try of this same entry reached the disk: show what is stored
                return store.readIncident(incidentId).stream()
                        .filter(stored -> stored.id().equals(eventId))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("the entry was not stored"));
            }
            return written.get(0);
        }
        Instant now = clock.instant();
        Instant at = occurredAt.orElse(now);
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new IllegalArgumentException("That time is in the future; entries can only be back-dated");
        }
        return store(eventId, incidentId, type, payload, at, author, Optional.empty());
    }

    /**
     * Routes the entry types that have a decider through the one writer (bridge while the other
     * features move to typed commands).
     */
    private Optional<List<Event>> decide(
            java.util.UUID eventId,
            IncidentId incidentId,
            EventType type,
            Payload payload,
            Optional<Instant> at,
            String author) {
        Optional<String> text = payload.text("text");
        return switch (type) {
            case NOTE, DECISION, ACTION_TAKEN -> Optional.of(log.execute(
                    incidentId,
                    entries,
                    new EntryCommand.Add(
                            eventId,
                            type == EventType.NOTE
                                    ? EntryCommand.Kind.NOTE
                                    : type == EventType.DECISION
                                            ? EntryCommand.Kind.DECISION
                                            : EntryCommand.Kind.ACTION,
                            text.orElse(""),
                            at),
                    author));
            case SEVERITY_CHANGED -> Optional.of(log.execute(
                    incidentId,
                    header,
                    new HeaderCommand.ChangeSeverity(Severity.parse(payload.textOrEmpty("severity")), text, at),
                    author));
            case STATUS_CHANGED -> Optional.of(log.execute(
                    incidentId,
                    header,
                    new HeaderCommand.ChangeStatus(Status.parse(payload.textOrEmpty("status")), text, at),
                    author));
            case MITIGATED -> Optional.of(
                    log.execute(incidentId, header, new HeaderCommand.MarkMitigated(text, at), author));
            case RESOLVED -> Optional.of(log.execute(incidentId, header, new HeaderCommand.Resolve(text, at), author));
            case EVENT_CORRECTED -> Optional.of(log.execute(
                    incidentId,
                    entries,
                    new EntryCommand.Correct(
                            java.util.UUID.fromString(payload.textOrEmpty("correctedEventId")), text.orElse("")),
                    author));
            case EVENT_RETRACTED -> Optional.of(log.execute(
                    incidentId,
                    entries,
                    new EntryCommand.Retract(
                            java.util.UUID.fromString(payload.textOrEmpty("retractedEventId")), payload.text("reason")),
                    author));
            default -> Optional.empty();
        };
    }

    /**
     * Records one entry as {@link #record(IncidentId, EventType, Payload, Optional, String)}, unless
     * the log changed since the caller read it: for entries decided on a read of the log (a
     * hand-off offer, a role assignment), so a decision made on a stale read by one console is
     * refused when another console or the CLI changed the same things meanwhile.
     *
     * @param incidentId the incident
     * @param type what kind of entry
     * @param payload its fields
     * @param occurredAt when it happened, if back-dated; otherwise now
     * @param author the person at the keyboard
     * @param guard what the caller read: its log position, the types whose arrival makes the read
     *     stale, and the ids it stored itself since
     * @return the stored event
     * @throws ConcurrentChangeException if the read went stale; nothing is stored
     * @throws IllegalArgumentException as {@link #record(IncidentId, EventType, Payload, Optional, String)}
     * @throws IllegalStateException as {@link #record(IncidentId, EventType, Payload, Optional, String)}
     * @throws StoreException if the database cannot be written
     */
    public Event recordUnlessChanged(
            IncidentId incidentId,
            EventType type,
            Payload payload,
            Optional<Instant> occurredAt,
            String author,
            ReadGuard guard) {
        java.util.Objects.requireNonNull(guard, "guard");
        Instant now = clock.instant();
        Instant at = occurredAt.orElse(now);
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new IllegalArgumentException("That time is in the future; entries can only be back-dated");
        }
        return store(Event.newId(), incidentId, type, payload, at, author, Optional.of(guard));
    }

    /**
     * What a caller read of the log, for {@link #recordUnlessChanged}.
     *
     * @param position the {@link #logPosition()} taken before the read
     * @param watched event types whose arrival after the read makes it stale
     * @param ignored ids of events the caller stored itself since the read
     */
    public record ReadGuard(long position, java.util.Set<EventType> watched, java.util.Set<java.util.UUID> ignored) {
        /** Copies the sets. */
        public ReadGuard {
            watched = java.util.Set.copyOf(watched);
            ignored = java.util.Set.copyOf(ignored);
        }
    }

    private Event store(
            java.util.UUID eventId,
            IncidentId incidentId,
            EventType type,
            Payload payload,
            Instant at,
            String author,
            Optional<ReadGuard> guard) {
        if (type == EventType.INCIDENT_DECLARED) {
            throw new IllegalArgumentException("Use declare() to open an incident");
        }
        if (type.isFreeText() && payload.textOrEmpty("text").isBlank()) {
            throw new IllegalArgumentException(
                    "Type some text for the " + type.label().toLowerCase(Locale.ROOT));
        }
        EventLimits.check(type, payload, at);
        Instant now = clock.instant();
        IncidentState state = state(incidentId);
        checkAgainstState(state, type, payload);
        Event e = new Event(eventId, incidentId, at, now, requireAuthor(author), type, payload);
        boolean appended = guard.isPresent()
                ? store.appendUnlessChanged(
                        e,
                        guard.get().position(),
                        guard.get().watched(),
                        guard.get().ignored())
                : store.append(e);
        if (!appended) {
            // an earlier try of this same entry reached the disk: show what is stored, not this retry
            return store.readIncident(incidentId).stream()
                    .filter(stored -> stored.id().equals(eventId))
                    .findFirst()
                    .orElse(e);
        }
        return e;
    }

    private void checkAgainstState(IncidentState state, EventType type, Payload payload) {
        switch (type) {
            case STATUS_CHANGED -> {
                Status next = Status.parse(payload.textOrEmpty("status"));
                if (next == state.status()) {
                    throw new IllegalStateException("The status is already " + next.label());
                }
            }
            case SEVERITY_CHANGED -> {
                Severity next = Severity.parse(payload.textOrEmpty("severity"));
                if (next == state.severity()) {
                    throw new IllegalStateException("The severity is already " + next);
                }
            }
            case MITIGATED -> state.mitigatedAt().ifPresent(t -> {
                throw new IllegalStateException("Already marked mitigated at " + t);
            });
            case RESOLVED -> {
                if (!state.isOpen()) {
                    throw new IllegalStateException("The incident is already resolved");
                }
            }
            case EVENT_CORRECTED -> {
                UUID target = UUID.fromString(payload.textOrEmpty("correctedEventId"));
                Event original = store.readIncident(state.id()).stream()
                        .filter(ev -> ev.id().equals(target))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("No entry " + target + " in this incident"));
                if (!original.type().isFreeText()) {
                    throw new IllegalStateException("Only notes, decisions and actions can be corrected");
                }
                if (payload.textOrEmpty("text").isBlank()) {
                    throw new IllegalArgumentException("A correction needs the new text");
                }
            }
            default -> {
                // nothing to check
            }
        }
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
        Map<IncidentId, List<Event>> byIncident = new LinkedHashMap<>();
        for (Event e : store.readByType(IncidentState.HEADER_TYPES)) {
            byIncident.computeIfAbsent(e.incidentId(), k -> new ArrayList<>()).add(e);
        }
        List<IncidentState> states = new ArrayList<>();
        for (List<Event> events : byIncident.values()) {
            if (events.stream().anyMatch(e -> e.type() == EventType.INCIDENT_DECLARED)) {
                states.add(IncidentState.fold(events));
            }
        }
        states.sort(Comparator.comparing((IncidentState s) -> !s.isOpen())
                .thenComparing(IncidentState::declaredAt, Comparator.reverseOrder()));
        return states;
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
        Optional<IncidentId> chosen = store.activeIncident();
        if (chosen.isPresent() && all.stream().anyMatch(s -> s.id().equals(chosen.get()))) {
            return chosen;
        }
        return all.stream().findFirst().map(IncidentState::id);
    }

    /**
     * The incident the CLI writes to when not told which: the active one if it is still open,
     * else the most recently declared open one. A resolved incident is never chosen silently.
     *
     * @return the incident, or empty if no incident is open
     * @throws StoreException if the database cannot be read
     */
    public Optional<IncidentId> activeOpenIncident() {
        List<IncidentState> all = incidents();
        Optional<IncidentId> chosen = store.activeIncident();
        return all.stream()
                .filter(IncidentState::isOpen)
                .filter(st -> chosen.map(st.id()::equals).orElse(false))
                .findFirst()
                .or(() -> all.stream().filter(IncidentState::isOpen).findFirst())
                .map(IncidentState::id);
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
        String p = idOrPrefix.strip().toLowerCase(Locale.ROOT);
        if (p.length() < 4) {
            throw new IllegalArgumentException("Give at least 4 characters of the incident id");
        }
        List<IncidentId> matches = incidents().stream()
                .map(IncidentState::id)
                .filter(id -> id.toString().startsWith(p)
                        || (p.length() >= 8 && id.toString().endsWith(p)))
                .toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No incident matches '" + idOrPrefix + "'; `conn incidents` lists them");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException(
                    "'" + idOrPrefix + "' matches " + matches.size() + " incidents; give more of the id");
        }
        return matches.get(0);
    }

    private static String requireAuthor(String author) {
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("Say who you are: set your name (shown as author)");
        }
        EventLimits.checkAuthor(author.strip());
        return author.strip();
    }
}
