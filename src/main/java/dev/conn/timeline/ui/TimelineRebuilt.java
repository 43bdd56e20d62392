package dev.conn.timeline.ui;

import dev.conn.incident.Event;
import dev.conn.timeline.Stars;
import dev.conn.timeline.TimelineEntry;
import dev.conn.timeline.TimelineProjection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The timeline rows of a whole log, in timeline order, with their projection, row index and stars:
 * computed off the FX thread when an incident is opened, then swapped in by {@link TimelineViewModel}.
 *
 * @param projection the projection with every event applied (corrections and retractions folded)
 * @param rows one row per shown entry, oldest first
 * @param index each row's position in {@code rows}, by event id
 * @param stars the entries starred in the log
 */
record TimelineRebuilt(TimelineProjection projection, List<TimelineEntry> rows, Map<UUID, Integer> index, Stars stars) {

    /**
     * @param log the incident's events, in log order
     * @param order the timeline order the rows are sorted in
     * @return the rows and their projection
     */
    static TimelineRebuilt of(List<Event> log, Comparator<TimelineEntry> order) {
        TimelineProjection p = new TimelineProjection(true);
        log.forEach(p::apply);
        List<TimelineEntry> rows = new ArrayList<>(log.size());
        for (Event e : log) {
            p.row(e.id()).ifPresent(r -> {
                if (r.event() == e) {
                    rows.add(r);
                }
            });
        }
        // timeline order: the sorted view over it then sorts (or reverses) already-ordered runs
        rows.sort(order);
        Map<UUID, Integer> index = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.get(i).event().id(), i);
        }
        return new TimelineRebuilt(p, rows, index, Stars.of(log));
    }
}
