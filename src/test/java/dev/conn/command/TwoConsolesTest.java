package dev.conn.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conn.incident.ConcurrentChangeException;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Payload;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.settings.Policy;
import dev.conn.testing.ForwardingEventStore;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles (or a console and the CLI) on one database: a decision made on a read of the log
 * that another writer made stale is refused, so a role never ends up with two pending offers or
 * two holders. The other writer slips in exactly between the read and the append.
 */
class TwoConsolesTest {
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private Database db;
    private IncidentService other;
    private IncidentId incident;
    private Runnable meanwhile = () -> {};
    private CommandService console;
    private String bob;
    private String carol;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        EventStore shared = EventStore.jdbc(db.dataSource());
        other = new IncidentService(shared, clock);
        EventStore racing = new ForwardingEventStore(shared) {
            @Override
            protected void beforeCall(String method) {
                if (method.equals("appendUnlessChanged")) {
                    Runnable r = meanwhile;
                    meanwhile = () -> {};
                    r.run();
                }
            }
        };
        console =
                new CommandService(new IncidentService(racing, clock), new Policy.Handoff(5), new SplittableRandom(7));
        incident = other.declare(
                        new Declaration("Checkout errors", Severity.SEV1, "", Optional.empty(), "Alice"), "Alice")
                .incidentId();
        console.addResponder(incident, "Alice", Optional.empty(), Optional.empty(), "Alice");
        bob = console.addResponder(incident, "Bob", Optional.empty(), Optional.empty(), "Alice")
                .id();
        carol = console.addResponder(incident, "Carol", Optional.empty(), Optional.empty(), "Alice")
                .id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anOfferMadeOnAStaleReadIsRefusedAndOnlyTheOtherConsolesOfferStands() {
        CommandService secondConsole = new CommandService(other, new Policy.Handoff(5), new SplittableRandom(8));
        meanwhile = () -> secondConsole.offerHandoff(incident, Role.INCIDENT_COMMANDER, carol, "Dana");

        assertThatThrownBy(() -> console.offerHandoff(incident, Role.INCIDENT_COMMANDER, bob, "Alice"))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageStartingWith("Dana recorded a hand-off entry a moment ago");

        assertThat(console.handoffs(incident).pendingFor(Role.INCIDENT_COMMANDER, T0))
                .singleElement()
                .satisfies(h -> assertThat(h.to()).isEqualTo("Carol"));
        // read again, the conflict is plain: the offer is refused for what it is
        assertThatThrownBy(() -> console.offerHandoff(incident, Role.INCIDENT_COMMANDER, bob, "Alice"))
                .hasMessageContaining("already pending");
    }

    @Test
    void aNoteTypedMeanwhileDoesNotMakeTheReadStale() {
        meanwhile = () -> other.record(
                incident, EventType.NOTE, Payload.of("text", "DB failover started"), Optional.empty(), "Dana");

        HandoffOffer offer = console.offerHandoff(incident, Role.INCIDENT_COMMANDER, bob, "Alice");

        assertThat(offer.handoff().to()).isEqualTo("Bob");
        assertThat(other.timeline(incident).stream().map(Event::type))
                .contains(EventType.NOTE, EventType.HANDOFF_OFFERED);
    }
}
