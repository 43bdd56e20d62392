package dev.conn.incident.ui;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The incident list, kept in memory: every incident's header events, read once at start, and the
 * header folded from them. A new header event (this console's, the CLI's, another console's)
 * refolds only its own incident's header, from the few header events kept here: the database is
 * never read again for it. Open incidents come first, then by declaration, newest first. Touch
 * only on the FX thread; {@link #snapshot} runs anywhere.
 */
final class IncidentList {
    /** Open first, then newest declaration first: the order {@code IncidentService.incidents()} lists. */
    static final Comparator<IncidentState> ORDER = Comparator.comparing((IncidentState s) -> !s.isOpen())
            .thenComparing(IncidentState::declaredAt, Comparator.reverseOrder());

    private final ObservableList<IncidentState> items = FXCollections.observableArrayList();
    private final Map<IncidentId, List<Event>> headers = new LinkedHashMap<>();
    private final Set<UUID> seen = new HashSet<>();

    /**
     * The header events of every incident, grouped, with the folded list: built off the FX thread.
     *
     * @param headers header events by incident, in storage order
     * @param states the folded, ordered list
     */
    record Snapshot(Map<IncidentId, List<Event>> headers, List<IncidentState> states) {}

    /**
     * Groups and folds the header events of every incident. Pure; run it off the FX thread.
     *
     * @param headerEvents header events of every incident, in storage order
     * @return the snapshot; incidents never declared are left out
     */
    static Snapshot snapshot(List<Event> headerEvents) {
        Map<IncidentId, List<Event>> byIncident = new LinkedHashMap<>();
        for (Event e : headerEvents) {
            byIncident.computeIfAbsent(e.incidentId(), k -> new ArrayList<>()).add(e);
        }
        List<IncidentState> states = new ArrayList<>();
        byIncident.values().forEach(events -> fold(events).ifPresent(states::add));
        states.sort(ORDER);
        return new Snapshot(byIncident, states);
    }

    /** @return the incidents in list order */
    ObservableList<IncidentState> items() {
        return items;
    }

    /**
     * Replaces the list with a snapshot.
     *
     * @param snapshot what {@link #snapshot} built
     */
    void load(Snapshot snapshot) {
        headers.clear();
        seen.clear();
        snapshot.headers().forEach((id, events) -> {
            headers.put(id, new ArrayList<>(events));
            events.forEach(e -> seen.add(e.id()));
        });
        items.setAll(snapshot.states());
    }

    /**
     * Applies new events: header events not seen before join their incident's header, which is
     * refolded; other events are ignored. An incident whose place in the order changes moves.
     *
     * @param incoming events in storage order, of any incidents
     * @return the incidents whose header changed
     */
    Set<IncidentId> apply(List<Event> incoming) {
        Set<IncidentId> touched = new LinkedHashSet<>();
        for (Event e : incoming) {
            if (IncidentState.HEADER_TYPES.contains(e.type()) && seen.add(e.id())) {
                headers.computeIfAbsent(e.incidentId(), k -> new ArrayList<>()).add(e);
                touched.add(e.incidentId());
            }
        }
        for (IncidentId id : touched) {
            fold(headers.get(id)).ifPresent(this::put);
        }
        return touched;
    }

    /** Puts a refolded header in place: replaced where it stands, or moved where the order says. */
    private void put(IncidentState st) {
        int at = indexOf(st.id());
        if (at >= 0 && items.get(at).equals(st)) {
            return;
        }
        if (at >= 0 && fits(at, st)) {
            items.set(at, st);
            return;
        }
        List<IncidentState> next = new ArrayList<>(items);
        if (at >= 0) {
            next.remove(at);
        }
        int insert = 0;
        while (insert < next.size() && ORDER.compare(next.get(insert), st) <= 0) {
            insert++;
        }
        next.add(insert, st);
        items.setAll(next);
    }

    private boolean fits(int at, IncidentState st) {
        return (at == 0 || ORDER.compare(items.get(at - 1), st) <= 0)
                && (at == items.size() - 1 || ORDER.compare(st, items.get(at + 1)) <= 0);
    }

    private int indexOf(IncidentId id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the folded header, or empty while the incident's declaration has not arrived */
    private static Optional<IncidentState> fold(List<Event> events) {
        return events.stream().anyMatch(e -> e.type() == EventType.INCIDENT_DECLARED)
                ? Optional.of(IncidentState.fold(events))
                : Optional.empty();
    }
}
