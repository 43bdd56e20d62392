package dev.conn.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.ConcurrentChangeException;
import dev.conn.incident.Declaration;
import dev.conn.incident.EntryCommand;
import dev.conn.incident.EntryDecider;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.settings.PolicyFile;
import dev.conn.testing.ForwardingEventStore;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles (or a console and the CLI) on one H2 database: a decision made on a read of the log
 * that another writer made stale is not stored; it is decided again on a fresh read, so a role
 * never ends up with two pending offers or two holders. The other writer slips in exactly between
 * the read and the append.
 */
class TwoConsolesTest {
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger reads = new AtomicInteger();
    private Database db;
    private IncidentService other;
    private IncidentId incident;
    private Runnable meanwhile = () -> {};
    private boolean keepRacing;
    private PeopleService console;
    private PeopleService secondConsole;
    private String bob;
    private String carol;

    private static PeopleService people(IncidentService incidents, long seed) {
        return PeopleService.create(
                incidents,
                Duration.ofMinutes(5),
                new SplittableRandom(seed),
                CommunicationDeadlines.NONE,
                new FatigueMonitor(PolicyFile.defaults().fatigue(), ZoneOffset.UTC));
    }

    @BeforeEach
    void open() {
        db = Database.open(dir);
        EventStore shared = EventStore.jdbc(db.dataSource());
        other = new IncidentService(shared, clock);
        EventStore racing = new ForwardingEventStore(shared) {
            @Override
            protected void beforeCall(String method) {
                if (method.equals("read")) {
                    reads.incrementAndGet();
                }
                if (method.equals("append")) {
                    Runnable r = meanwhile;
                    if (!keepRacing) {
                        meanwhile = () -> {};
                    }
                    r.run();
                }
            }
        };
        console = people(new IncidentService(racing, clock), 7);
        secondConsole = people(other, 8);
        incident = other.declare(
                        new Declaration("Checkout errors", Severity.SEV1, "", Optional.empty(), "Alice"), "Alice")
                .incidentId();
        bob = add("Bob"); // Alice, the declaring commander, is on the roster already
        carol = add("Carol");
        reads.set(0);
    }

    private String add(String name) {
        return console.execute(
                        incident, new RosterCommand.AddResponder(name, Optional.empty(), Optional.empty()), "Alice")
                .responder()
                .id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anOfferDecidedOnAStaleReadIsDecidedAgainAndRefusedSoOnlyTheOtherConsolesOfferStands() {
        meanwhile =
                () -> secondConsole.execute(incident, HandoffCommand.Offer.of(Role.INCIDENT_COMMANDER, carol), "Dana");

        assertThatThrownBy(
                        () -> console.execute(incident, HandoffCommand.Offer.of(Role.INCIDENT_COMMANDER, bob), "Alice"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining(
                        "A hand-off of the Incident Commander role from Alice to Carol is already pending");

        assertThat(reads.get()).as("decided again on a fresh read").isEqualTo(2);
        PeopleFold now = new PeopleFold(Duration.ofMinutes(5));
        now.addAll(other.events(incident, PeopleFold.TYPES));
        assertThat(now.handoffs().pendingFor(Role.INCIDENT_COMMANDER, T0))
                .singleElement()
                .satisfies(h -> assertThat(h.to()).isEqualTo("Carol"));
        assertThat(other.timeline(incident).stream().filter(e -> e.type() == EventType.HANDOFF_OFFERED))
                .hasSize(1);
    }

    @Test
    void aDecisionStillValidOnTheFreshReadIsStoredOnce() {
        meanwhile = () -> secondConsole.execute(incident, new RosterCommand.StartBreak(carol), "Dana");

        HandoffOffer offer = console.execute(incident, HandoffCommand.Offer.of(Role.INCIDENT_COMMANDER, bob), "Alice")
                .offer()
                .orElseThrow();

        assertThat(reads.get()).as("decided again on a fresh read").isEqualTo(2);
        assertThat(offer.handoff().to()).isEqualTo("Bob");
        assertThat(offer.brief().text()).contains("- On break: Carol"); // the brief of the fresh read
        assertThat(other.timeline(incident).stream().filter(e -> e.type() == EventType.HANDOFF_OFFERED))
                .hasSize(1);
    }

    @Test
    void whenTheLogKeepsChangingUnderEveryDecisionNothingIsStoredAndTheUserIsTold() {
        AtomicInteger n = new AtomicInteger();
        keepRacing = true;
        meanwhile = () -> secondConsole.execute(
                incident,
                new RosterCommand.AddResponder("Helper " + n.incrementAndGet(), Optional.empty(), Optional.empty()),
                "Dana");

        assertThatThrownBy(
                        () -> console.execute(incident, HandoffCommand.Offer.of(Role.INCIDENT_COMMANDER, bob), "Alice"))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageStartingWith("Dana recorded a");

        assertThat(other.timeline(incident).stream().filter(e -> e.type() == EventType.HANDOFF_OFFERED))
                .isEmpty();
    }

    @Test
    void aNoteTypedMeanwhileDoesNotMakeTheReadStale() {
        meanwhile = () -> other.log()
                .execute(
                        incident,
                        new EntryDecider(),
                        new EntryCommand.Add(
                                Event.newId(), EntryCommand.Kind.NOTE, "DB failover started", Optional.empty()),
                        "Dana");

        HandoffOffer offer = console.execute(incident, HandoffCommand.Offer.of(Role.INCIDENT_COMMANDER, bob), "Alice")
                .offer()
                .orElseThrow();

        assertThat(offer.handoff().to()).isEqualTo("Bob");
        assertThat(reads.get()).as("decided once").isEqualTo(1);
        assertThat(other.timeline(incident).stream().map(Event::type))
                .contains(EventType.NOTE, EventType.HANDOFF_OFFERED);
    }
}
