package dev.conn.warroom.ui;

import dev.conn.command.Handoff;
import dev.conn.command.Handoffs;
import dev.conn.command.PeopleFold;
import dev.conn.incident.CommandFold;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Retractions;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.WarRoomSettings;
import dev.conn.timeline.ui.TimelineViewModel;
import dev.conn.warroom.EventShare;
import dev.conn.warroom.Journal;
import dev.conn.warroom.LostDecisions;
import dev.conn.warroom.PersonSeen;
import dev.conn.warroom.Remarks;
import dev.conn.warroom.WarRoomConnector;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the open incident's screen true to the war room: what another console shared shows at once;
 * where the log's order changed under a decision this console had folded, the incident is read and
 * folded again; the timeline's remarks ("not yet shared", "superseded by …", the database role
 * beside the claimed author); an alert when a decision of this console lost to another's; and a
 * hand-off offered to this console's person appears here, with its brief, to acknowledge with the
 * read-back code. Reads run off the FX thread, one at a time; the rest on it.
 */
public final class WarRoomWatch {
    /** A hand-off waiting for this console's person. */
    public record ForMe(IncidentId incident, Handoff handoff) {}

    private final IncidentViewModel incident;
    private final IncidentService incidents;
    private final TimelineViewModel timeline;
    private final WarRoomConnector connector;
    private final TaskRunner tasks;
    private final AlertCentre alerts;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration ackTimeout;
    private final Supplier<Optional<WarRoomSettings>> me;
    private final Supplier<List<PersonSeen>> people;
    private final Consumer<ForMe> offerToMe;
    private final Set<String> told = new HashSet<>();
    private boolean reading;
    private boolean again;

    /**
     * @param incident the open incident
     * @param incidents reads the incident's events in the log's order
     * @param timeline shows the remarks
     * @param connector where the journal says what is shared
     * @param tasks runs the reads off the FX thread
     * @param alerts where lost decisions and hand-offs to this console are listed
     * @param clock "now", for which hand-offs are pending
     * @param zone the zone of the clock on screen
     * @param ackTimeout the policy hand-off ACK timeout
     * @param me this console's war room settings (its person), if any
     * @param people the war room's people, as last seen
     * @param offerToMe shows a hand-off offered to this console's person (FX thread; once per offer)
     */
    public WarRoomWatch(
            IncidentViewModel incident,
            IncidentService incidents,
            TimelineViewModel timeline,
            WarRoomConnector connector,
            TaskRunner tasks,
            AlertCentre alerts,
            Clock clock,
            ZoneId zone,
            Duration ackTimeout,
            Supplier<Optional<WarRoomSettings>> me,
            Supplier<List<PersonSeen>> people,
            Consumer<ForMe> offerToMe) {
        this.incident = incident;
        this.incidents = incidents;
        this.timeline = timeline;
        this.connector = connector;
        this.tasks = tasks;
        this.alerts = alerts;
        this.clock = clock;
        this.zone = zone;
        this.ackTimeout = ackTimeout;
        this.me = me;
        this.people = people;
        this.offerToMe = offerToMe;
        incident.currentProperty().subscribe((was, now) -> {
            if (now != null && (was == null || !was.id().equals(now.id()))) {
                refresh();
            }
        });
    }

    /**
     * What a pull stored (FX thread): shown at once, the open incident refolded if its order
     * changed, then the remarks and alerts brought up to date.
     *
     * @param stored the pull's result
     */
    public void pulled(Journal.Stored stored) {
        if (!stored.stored().isEmpty()) {
            incident.accept(stored.stored());
        }
        IncidentState open = incident.current().orElse(null);
        if (open != null && stored.reordered().contains(open.id())) {
            incident.reload();
        }
        refresh();
    }

    /** Reads the open incident's war room state again (at most one read at a time). */
    public void refresh() {
        if (me.get().isEmpty()) {
            timeline.useRemarks(Remarks.NONE);
            return;
        }
        if (reading) {
            again = true;
            return;
        }
        Optional<IncidentState> open = incident.current();
        if (open.isEmpty()) {
            return;
        }
        IncidentId id = open.get().id();
        List<PersonSeen> seen = List.copyOf(people.get());
        WarRoomSettings mine = me.get().get();
        reading = true;
        tasks.run(() -> read(id, seen, mine), this::show, e -> done());
    }

    /** What one read found. */
    private record Found(
            IncidentId incident, Remarks remarks, List<CommandFold.Supersession> lost, List<Handoff> forMe) {}

    private Found read(IncidentId id, List<PersonSeen> seen, WarRoomSettings mine) {
        List<EventShare> shares = connector.shares(id);
        List<Event> people = incidents.events(id, PeopleFold.TYPES);
        List<Event> decisions = Retractions.withoutRetracted(people).stream()
                .filter(e -> CommandFold.TYPES.contains(e.type()))
                .toList();
        List<CommandFold.Supersession> all = CommandFold.of(decisions).supersessions();
        Set<String> names =
                Set.of(key(mine.personName()), key(incident.authorProperty().get()));
        List<CommandFold.Supersession> lost = LostDecisions.of(decisions, e -> names.contains(key(e.author())));
        List<Handoff> forMe = Handoffs.fold(people, ackTimeout).pending(clock.instant()).stream()
                .filter(h -> h.toId().equals(mine.personId()) || names.contains(key(h.to())))
                .toList();
        return new Found(id, Remarks.of(shares, all, seen), lost, forMe);
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    private void show(Found f) {
        done();
        if (incident.current().map(s -> s.id().equals(f.incident())).orElse(false)) {
            timeline.useRemarks(f.remarks());
        }
        for (CommandFold.Supersession s : f.lost()) {
            if (told.add("lost:" + s.loser().id())) {
                alerts.post(
                        "war-room-lost-" + s.loser().id(),
                        AlertCentre.Level.WARNING,
                        "Your decision did not count",
                        LostDecisions.tell(s, zone));
            }
        }
        for (Handoff h : f.forMe()) {
            if (told.add("offer:" + h.offerId())) {
                alerts.post(
                        "war-room-handoff-" + h.offerId(),
                        AlertCentre.Level.WARNING,
                        "Hand-off offered to you",
                        h.from() + " offers you the " + h.role().label() + " role. Read the brief and acknowledge"
                                + " with its read-back code (People > Acknowledge hand-off…).");
                offerToMe.accept(new ForMe(f.incident(), h));
            }
        }
    }

    private void done() {
        reading = false;
        if (again) {
            again = false;
            refresh();
        }
    }
}
