package dev.conn.postmortem.ui;

import dev.conn.incident.Declaration;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.postmortem.PostmortemService;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One console's postmortem view models over an in-memory store: an incident "DNS cache leak"
 * declared by alice (impact 15 minutes before) is open. Another writer (the CLI, a second console)
 * writes through {@link #elsewhere} on the same store.
 */
final class Console {
    static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final InMemoryEventStore store = new InMemoryEventStore();
    final IncidentService service = new IncidentService(store, clock);
    final PostmortemService elsewhere = new PostmortemService(new IncidentService(store, clock));
    final List<String> errors = new ArrayList<>();
    final IncidentViewModel incident;
    final PostmortemSender sender;
    final IncidentId id;

    /**
     * @param tasks runs the background work (direct, or manual to hold it in flight)
     */
    Console(TaskRunner tasks) {
        incident = new IncidentViewModel(service, tasks, clock, Map.of());
        incident.authorProperty().set("alice");
        incident.lastErrorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                errors.add(now);
            }
        });
        sender = new PostmortemSender(incident, new PostmortemService(service), tasks);
        incident.declare(
                new Declaration("DNS cache leak", Severity.SEV1, "", Optional.of(T0.minusSeconds(900)), "alice"),
                "alice",
                errors::add);
        if (tasks instanceof dev.conn.testing.ManualTaskRunner manual) {
            manual.runAll();
        }
        id = incident.current().orElseThrow().id();
    }

    /** @param d how far the clock moves before the 1-second tick */
    void tick(Duration d) {
        clock.advance(d);
        incident.tick();
    }
}
