package dev.conn.impact;

import dev.conn.incident.Decider;
import dev.conn.incident.Decision;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.ImpactEvent;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides {@link ImpactCommand}s, purely: a query is set on a declared incident (setting it again
 * unchanged appends nothing); only a query on the panel can be removed; a snapshot needs a chart
 * with data, and keeps the raw answer up to {@link #MAX_RAW_CHARS} characters and the PNG up to
 * {@link #MAX_PNG_BYTES} bytes, saying in the event what it left out ({@code rawOmitted}, {@code
 * pngOmitted}) rather than failing.
 */
public final class ImpactDecider implements Decider<ImpactCommand, ImpactDecider.Panel> {
    /** Largest raw answer kept in a snapshot: 4 Mi characters (else {@code rawOmitted}). */
    public static final int MAX_RAW_CHARS = ImpactService.SNAPSHOT_RAW_CHARS;

    /** Largest PNG kept in a snapshot: 1.5 MiB before base64, 2 MiB encoded (else {@code pngOmitted}). */
    public static final int MAX_PNG_BYTES = 1536 * 1024;

    private static final Set<EventType> READS =
            EnumSet.of(EventType.INCIDENT_DECLARED, EventType.IMPACT_QUERY_SET, EventType.IMPACT_QUERY_REMOVED);

    /**
     * What impact decisions need.
     *
     * @param declared true once the incident is declared
     * @param queries the panel's queries by id, in first-added order
     */
    public record Panel(boolean declared, Map<String, ImpactQuery> queries) {
        /** Copies the map, keeping its order. */
        public Panel {
            queries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(queries));
        }
    }

    @Override
    public Set<EventType> reads() {
        return READS;
    }

    @Override
    public Panel initial() {
        return new Panel(false, Map.of());
    }

    @Override
    public Panel evolve(Panel state, Event event) {
        if (event.type() == EventType.INCIDENT_DECLARED) {
            return new Panel(true, state.queries());
        }
        Map<String, ImpactQuery> next = new LinkedHashMap<>(state.queries());
        return ImpactQuery.apply(next, event) ? new Panel(state.declared(), next) : state;
    }

    @Override
    public Decision decide(ImpactCommand command, Panel state, Clock clock) {
        if (!state.declared()) {
            return Decision.refuse("No such incident; declare it first");
        }
        if (command instanceof ImpactCommand.SetQuery set) {
            ImpactQuery q = set.query();
            return q.equals(state.queries().get(q.queryId())) ? Decision.accept() : Decision.accept(q.toEvent());
        }
        if (command instanceof ImpactCommand.RemoveQuery remove) {
            ImpactQuery q = state.queries().get(remove.queryId());
            if (q == null) {
                return Decision.refuse("That impact query is no longer on the panel; nothing to remove");
            }
            return Decision.accept(new ImpactEvent.ImpactQueryRemoved(q.queryId()));
        }
        return snapshot((ImpactCommand.TakeSnapshot) command);
    }

    private static Decision snapshot(ImpactCommand.TakeSnapshot s) {
        ChartData d = s.data();
        if (d == null || !d.hasData() || d.fetchedAt().isEmpty()) {
            return Decision.refuse("Nothing to snapshot yet: the chart has no data");
        }
        boolean rawFits = !d.rawJson().isEmpty() && d.rawJson().length() <= MAX_RAW_CHARS;
        boolean pngFits = s.png().length <= MAX_PNG_BYTES;
        ImpactQuery q = d.query();
        return Decision.accept(new ImpactEvent.MetricSnapshot(
                Optional.of(q.queryId()),
                q.name(),
                Optional.of(q.sourceId()),
                Optional.of(q.query()),
                q.unit().isEmpty() ? Optional.empty() : Optional.of(q.unit()),
                Optional.of(d.from()),
                Optional.of(d.to()),
                d.fetchedAt(),
                Optional.of(d.offline()),
                rawFits ? Optional.of(d.rawJson()) : Optional.empty(),
                rawFits ? Optional.empty() : Optional.of(Boolean.TRUE),
                pngFits ? Optional.of(Base64.getEncoder().encodeToString(s.png())) : Optional.empty(),
                pngFits ? Optional.empty() : Optional.of(Boolean.TRUE)));
    }
}
