package dev.conn.testing;

import dev.conn.incident.Append;
import dev.conn.incident.ConcurrentChangeException;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.LogPublisher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An {@link EventStore} in memory, for service and view-model tests: the same contract as the H2
 * store (ids stored once, atomic appends with the staleness guard, publication after each append),
 * no database. Counts reads and appends, so a test can check how often a command touches the log.
 */
public final class InMemoryEventStore implements EventStore {
    /** The log itself, shared by the stores of {@link #otherProcess()}; its monitor guards it. */
    private static final class Shared {
        final List<Event> log = new ArrayList<>();
        final Set<UUID> ids = new HashSet<>();
        IncidentId active;
    }

    private final Shared shared;
    private final List<Event> log;
    private final Set<UUID> ids;
    private final LogPublisher publisher = new LogPublisher();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** An empty log. */
    public InMemoryEventStore() {
        this(new Shared());
    }

    private InMemoryEventStore(Shared shared) {
        this.shared = shared;
        this.log = shared.log;
        this.ids = shared.ids;
    }

    /**
     * @return a store on the same log, as another process (the CLI, a second console) has it: its
     *     appends are published to its own subscribers only, never to this store's, and are not
     *     {@link #appendedHere} for this one; they reach this process only by reading the log
     */
    public InMemoryEventStore otherProcess() {
        return new InMemoryEventStore(shared);
    }

    /**
     * @param method "read" (any read of events) or "append"
     * @return how many times it was called since {@link #resetCounts()}
     */
    public int calls(String method) {
        return calls.getOrDefault(method, new AtomicInteger()).get();
    }

    /** Sets every call count back to zero. */
    public void resetCounts() {
        calls.clear();
    }

    private void count(String method) {
        calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public List<Event> append(Append append) {
        count("append");
        List<Event> stored = new ArrayList<>();
        synchronized (shared) {
            append.guard().ifPresent(g -> {
                Set<UUID> ignored = new HashSet<>(g.ignored());
                append.events().forEach(e -> ignored.add(e.id()));
                IncidentId incident = append.events().get(0).incidentId();
                for (int i = (int) g.position(); i < log.size(); i++) {
                    Event e = log.get(i);
                    if (e.incidentId().equals(incident)
                            && g.watched().contains(e.type())
                            && !ignored.contains(e.id())) {
                        throw new ConcurrentChangeException(e.type(), e.author());
                    }
                }
            });
            for (Event e : append.events()) {
                if (ids.add(e.id())) {
                    log.add(e);
                    stored.add(e);
                }
            }
        }
        publisher.publish(stored);
        return stored;
    }

    @Override
    public Slice read(IncidentId incidentId, Set<EventType> types) {
        synchronized (shared) {
            count("read");
            return new Slice(
                    log.stream()
                            .filter(e -> e.incidentId().equals(incidentId) && types.contains(e.type()))
                            .toList(),
                    log.size());
        }
    }

    @Override
    public Subscription subscribe(Consumer<List<Event>> subscriber) {
        return publisher.subscribe(subscriber);
    }

    @Override
    public boolean appendedHere(UUID id) {
        return publisher.published(id);
    }

    @Override
    public List<Event> readIncident(IncidentId incidentId) {
        synchronized (shared) {
            count("read");
            return log.stream().filter(e -> e.incidentId().equals(incidentId)).toList();
        }
    }

    @Override
    public Batch readAfter(long afterSequence, int limit) {
        synchronized (shared) {
            count("read");
            int from = (int) Math.min(afterSequence, log.size());
            int to = Math.min(log.size(), from + limit);
            return new Batch(List.copyOf(log.subList(from, to)), to);
        }
    }

    @Override
    public List<Event> readByType(Set<EventType> types) {
        synchronized (shared) {
            count("read");
            return log.stream().filter(e -> types.contains(e.type())).toList();
        }
    }

    @Override
    public List<Event> readIncidentTail(IncidentId incidentId, int limit) {
        synchronized (shared) {
            count("read");
            List<Event> all =
                    log.stream().filter(e -> e.incidentId().equals(incidentId)).toList();
            return all.subList(Math.max(0, all.size() - limit), all.size());
        }
    }

    @Override
    public List<Event> readIncident(IncidentId incidentId, Set<EventType> types) {
        synchronized (shared) {
            count("read");
            return log.stream()
                    .filter(e -> e.incidentId().equals(incidentId) && types.contains(e.type()))
                    .toList();
        }
    }

    @Override
    public long lastSequence() {
        synchronized (shared) {
            count("read");
            return log.size();
        }
    }

    @Override
    public Optional<IncidentId> activeIncident() {
        synchronized (shared) {
            return Optional.ofNullable(shared.active);
        }
    }

    @Override
    public void setActiveIncident(IncidentId incidentId) {
        synchronized (shared) {
            shared.active = incidentId;
        }
    }
}
