package dev.conn.testing;

import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link EventStore} that passes every call to another one, calling {@link #beforeCall(String)}
 * first; tests extend it to watch calls or inject failures.
 */
public class ForwardingEventStore implements EventStore {
    private final EventStore delegate;

    /** @param delegate the store that does the work */
    public ForwardingEventStore(EventStore delegate) {
        this.delegate = delegate;
    }

    /**
     * Called before each call is passed on.
     *
     * @param method the name of the {@link EventStore} method called
     */
    protected void beforeCall(String method) {}

    @Override
    public List<Event> append(dev.conn.incident.Append append) {
        beforeCall("append");
        return delegate.append(append);
    }

    @Override
    public Slice read(IncidentId incidentId, Set<EventType> types) {
        beforeCall("read");
        return delegate.read(incidentId, types);
    }

    @Override
    public Subscription subscribe(java.util.function.Consumer<List<Event>> subscriber) {
        return delegate.subscribe(subscriber);
    }

    @Override
    public boolean appendedHere(java.util.UUID id) {
        return delegate.appendedHere(id);
    }

    @Override
    public List<Event> readIncident(IncidentId incidentId) {
        beforeCall("readIncident");
        return delegate.readIncident(incidentId);
    }

    @Override
    public Batch readAfter(long afterSequence, int limit) {
        beforeCall("readAfter");
        return delegate.readAfter(afterSequence, limit);
    }

    @Override
    public List<Event> readByType(Set<EventType> types) {
        beforeCall("readByType");
        return delegate.readByType(types);
    }

    @Override
    public List<Event> readIncidentTail(IncidentId incidentId, int limit) {
        beforeCall("readIncidentTail");
        return delegate.readIncidentTail(incidentId, limit);
    }

    @Override
    public List<Event> readIncident(IncidentId incidentId, Set<EventType> types) {
        beforeCall("readIncident");
        return delegate.readIncident(incidentId, types);
    }

    @Override
    public long lastSequence() {
        beforeCall("lastSequence");
        return delegate.lastSequence();
    }

    @Override
    public Optional<IncidentId> activeIncident() {
        beforeCall("activeIncident");
        return delegate.activeIncident();
    }

    @Override
    public void setActiveIncident(IncidentId incidentId) {
        beforeCall("setActiveIncident");
        delegate.setActiveIncident(incidentId);
    }
}
