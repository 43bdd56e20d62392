package dev.conn.command;

import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.AckMethod;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.settings.PolicyFile;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An incident "Checkout errors" declared by Alice, with Alice (on the roster as the declaring
 * commander), Bob and Carol on the roster, and
 * the people commands sent through {@link PeopleService} to an in-memory store; for the decider
 * tests.
 */
final class People {
    static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    final MutableClock clock = new MutableClock(T0);
    final InMemoryEventStore store = new InMemoryEventStore();
    final IncidentService incidents = new IncidentService(store, clock);
    final PeopleService people = PeopleService.create(
            incidents,
            TIMEOUT,
            new SplittableRandom(7),
            CommunicationDeadlines.NONE,
            new FatigueMonitor(PolicyFile.defaults().fatigue(), ZoneOffset.UTC));
    final IncidentId incident;
    final String alice;
    final String bob;
    final String carol;

    People() {
        incident = incidents
                .declare(new Declaration("Checkout errors", Severity.SEV1, "", Optional.empty(), "Alice"), "Alice")
                .incidentId();
        // the declaring commander is on the roster from the declaration (issue 14 item 5)
        alice = roster().responders().get(0).id();
        bob = join("Bob");
        carol = join("Carol");
    }

    String join(String name) {
        return run(new RosterCommand.AddResponder(name, Optional.empty(), Optional.empty()), "Alice")
                .responder()
                .id();
    }

    PeopleService.Result run(PeopleCommand command, String author) {
        return people.execute(incident, command, author);
    }

    void minutes(int n) {
        clock.advance(Duration.ofMinutes(n));
    }

    HandoffOffer offer(Role role, String to, String author) {
        return run(HandoffCommand.Offer.of(role, to), author).offer().orElseThrow();
    }

    HandoffOffer offerCommandToBob() {
        return offer(Role.INCIDENT_COMMANDER, bob, "Alice");
    }

    PeopleService.Result acknowledge(HandoffOffer offer, AckMethod method, String code, String author) {
        return run(
                new HandoffCommand.Acknowledge(offer.handoff().offerId(), method, Optional.ofNullable(code)), author);
    }

    /** @return the people as the log holds them now (a read of the test's own) */
    PeopleFold read() {
        PeopleFold f = new PeopleFold(TIMEOUT);
        f.addAll(incidents.events(incident, PeopleFold.TYPES));
        return f;
    }

    Roster roster() {
        return read().roster();
    }

    Handoffs handoffs() {
        return read().handoffs();
    }

    String commanderName() {
        return roster().commander().orElseThrow().person();
    }

    List<EventType> typesRecorded() {
        return incidents.timeline(incident).stream().map(Event::type).toList();
    }

    Event lastRecorded() {
        List<Event> all = incidents.timeline(incident);
        return all.get(all.size() - 1);
    }
}
