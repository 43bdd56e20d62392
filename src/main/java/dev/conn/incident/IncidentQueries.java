package dev.conn.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The incident list and the choice of the active incident, over header events already read: the
 * pure part of {@link IncidentService}'s reads.
 */
final class IncidentQueries {
    private IncidentQueries() {}

    /**
     * @param headerEvents events of the types {@link IncidentState#HEADER_TYPES}, of any incidents
     * @return the declared incidents' header states: open ones first, then newest declaration first
     */
    static List<IncidentState> incidents(List<Event> headerEvents) {
        Map<IncidentId, List<Event>> byIncident = new LinkedHashMap<>();
        for (Event e : headerEvents) {
            byIncident.computeIfAbsent(e.incidentId(), k -> new ArrayList<>()).add(e);
        }
        List<IncidentState> states = new ArrayList<>();
        for (List<Event> events : byIncident.values()) {
            if (events.stream().anyMatch(e -> e.type() == EventType.INCIDENT_DECLARED)) {
                states.add(IncidentState.fold(events));
            }
        }
        states.sort(Comparator.comparing((IncidentState s) -> !s.isOpen())
                .thenComparing(IncidentState::declaredAt, Comparator.reverseOrder()));
        return states;
    }

    /** The chosen incident if it exists, else the first listed. */
    static Optional<IncidentId> active(List<IncidentState> all, Optional<IncidentId> chosen) {
        if (chosen.isPresent() && all.stream().anyMatch(s -> s.id().equals(chosen.get()))) {
            return chosen;
        }
        return all.stream().findFirst().map(IncidentState::id);
    }

    /** The chosen incident if it is open, else the first open one listed. */
    static Optional<IncidentId> activeOpen(List<IncidentState> all, Optional<IncidentId> chosen) {
        return all.stream()
                .filter(IncidentState::isOpen)
                .filter(st -> chosen.map(st.id()::equals).orElse(false))
                .findFirst()
                .or(() -> all.stream().filter(IncidentState::isOpen).findFirst())
                .map(IncidentState::id);
    }

    /**
     * @throws IllegalArgumentException if the prefix is under 4 characters, nothing matches, or
     *     more than one incident matches
     */
    static IncidentId resolve(List<IncidentState> all, String idOrPrefix) {
        String p = idOrPrefix.strip().toLowerCase(Locale.ROOT);
        if (p.length() < 4) {
            throw new IllegalArgumentException("Give at least 4 characters of the incident id");
        }
        List<IncidentId> matches = all.stream()
                .map(IncidentState::id)
                .filter(id -> id.toString().startsWith(p)
                        || (p.length() >= 8 && id.toString().endsWith(p)))
                .toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No incident matches '" + idOrPrefix + "'; `conn incidents` lists them");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException(
                    "'" + idOrPrefix + "' matches " + matches.size() + " incidents; give more of the id");
        }
        return matches.get(0);
    }
}
