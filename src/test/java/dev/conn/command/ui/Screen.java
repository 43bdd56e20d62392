package dev.conn.command.ui;

import dev.conn.command.CommunicationDeadlines;
import dev.conn.command.PeopleService;
import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.PolicyFile;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The people view models of one console over an in-memory store, with every background task run
 * on the test thread: an incident "Checkout errors" declared by Ana Ops is open.
 */
final class Screen {
    static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");
    static final Duration TIMEOUT = PolicyFile.defaults().handoff().ackTimeout();

    final MutableClock clock;
    final InMemoryEventStore store;
    final IncidentService service;
    final PeopleService people;
    final FatigueMonitor monitor = new FatigueMonitor(PolicyFile.defaults().fatigue(), ZoneOffset.UTC);
    final List<String> errors = new ArrayList<>();
    final IncidentViewModel incident;
    final CommandSender sender;

    /** A console with its own store and clock, the incident declared. */
    Screen() {
        this(new InMemoryEventStore(), new MutableClock(T0), new DirectTaskRunner());
        incident.declare(
                new Declaration("Checkout errors", Severity.SEV1, "", Optional.empty(), ""), "Ana Ops", errors::add);
    }

    /**
     * A console on a store, opening nothing yet.
     *
     * @param store the event store (shared with another console, for some tests)
     * @param clock the clock
     * @param tasks runs the background work (a manual runner to hold it in flight)
     */
    Screen(InMemoryEventStore store, MutableClock clock, TaskRunner tasks) {
        this.store = store;
        this.clock = clock;
        service = new IncidentService(store, clock);
        people = PeopleService.create(service, TIMEOUT, new SplittableRandom(7), CommunicationDeadlines.NONE, monitor);
        incident = new IncidentViewModel(service, tasks, clock, Map.of());
        incident.authorProperty().set("Ana Ops");
        incident.lastErrorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                errors.add(now);
            }
        });
        sender = new CommandSender(incident, people, tasks);
    }

    CommandBannersViewModel banners() {
        return new CommandBannersViewModel(incident, sender, TIMEOUT);
    }

    PeopleListViewModel list() {
        return new PeopleListViewModel(incident, sender, monitor, TIMEOUT);
    }

    FatigueAlertsViewModel fatigue() {
        return new FatigueAlertsViewModel(incident, sender, monitor, TIMEOUT);
    }

    void tick(Duration d) {
        clock.advance(d);
        incident.tick();
    }

    List<EventType> stored() {
        return service.timeline(incident.current().orElseThrow().id()).stream()
                .map(Event::type)
                .toList();
    }
}
