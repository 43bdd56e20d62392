package dev.conn.impact;

import dev.conn.incident.Event;
import dev.conn.postmortem.Milestones;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The impact panel's fold of one incident's log, applied incrementally: the impact queries (latest
 * {@link dev.conn.incident.ImpactEvent.ImpactQuerySet} per id minus those removed, in first-added
 * order; {@link ImpactQuery#apply}) and the events markers
 * are drawn from. Appending events costs only those events; the log is read once, when the incident
 * is opened. Pure; not thread-safe (the view model owns it).
 */
public final class ImpactPanelState {
    private final Map<String, ImpactQuery> queries = new LinkedHashMap<>();
    private final List<Event> markerEvents = new ArrayList<>();

    /** What an {@link #apply} changed. */
    public record Change(boolean queries, boolean markers) {
        /** @return true if anything changed */
        public boolean any() {
            return queries || markers;
        }
    }

    /**
     * Starts again from an incident's whole log (another incident was opened).
     *
     * @param events the log
     */
    public void reset(Collection<Event> events) {
        queries.clear();
        markerEvents.clear();
        apply(events);
    }

    /**
     * Applies events appended to the log.
     *
     * @param added the new events, in log order
     * @return what changed
     */
    public Change apply(Collection<Event> added) {
        boolean q = false;
        boolean m = false;
        for (Event e : added) {
            q |= ImpactQuery.apply(queries, e);
            if (Milestones.TYPES.contains(e.type()) || ImpactWindow.MARKER_TYPES.contains(e.type())) {
                markerEvents.add(e);
                m = true;
            }
        }
        return new Change(q, m);
    }

    /** @return the current impact queries, in the order they were first added */
    public List<ImpactQuery> queries() {
        return List.copyOf(queries.values());
    }

    /**
     * @param window the charted window
     * @return the markers inside it (folded over the few marker events only)
     */
    public List<ImpactMarker> markers(ImpactWindow window) {
        return ImpactMarker.of(markerEvents, window);
    }
}
