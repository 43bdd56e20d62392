package dev.conn.incident.ui;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.platform.trace.StartupTrace;
import java.util.List;
import java.util.Optional;

/**
 * The reads behind opening the console and an incident, run off the FX thread. Each read takes the
 * log position first, so what is stored while it reads is caught up afterwards.
 */
final class IncidentReads {
    /** Rows shown first when opening a long incident; the rest follows in the background. */
    static final int FIRST_SCREEN = 2_000;

    private final IncidentService service;

    /** @param service the incident domain API */
    IncidentReads(IncidentService service) {
        this.service = service;
    }

    /**
     * What the console shows at start: the incident list and the active incident's first screen.
     *
     * @param list the incident list, folded
     * @param incident the active incident, if any
     * @param position the end of the log before the list was read
     */
    record Start(IncidentList.Snapshot list, Optional<Opened> incident, long position) {}

    /**
     * An incident read and folded off the FX thread.
     *
     * @param state the header, folded over every header event
     * @param log the events to show: all of them, or the newest {@link #FIRST_SCREEN}
     * @param header every header event
     * @param complete true if {@code log} is the whole log
     * @param position the end of the log before it was read (-1: nothing to catch up)
     */
    record Opened(IncidentState state, List<Event> log, List<Event> header, boolean complete, long position) {
        /**
         * @param declared the {@code INCIDENT_DECLARED} event of a new incident
         * @return the incident as it is on its first event
         */
        static Opened declared(Event declared) {
            return new Opened(IncidentState.fold(List.of(declared)), List.of(declared), List.of(declared), true, -1);
        }
    }

    /** @return the incident list and the active incident's first screen */
    Start start() {
        StartupTrace.mark("reads: incident list");
        long position = service.logPosition();
        IncidentList.Snapshot list = IncidentList.snapshot(service.headerEventsOfAllIncidents());
        Optional<IncidentId> active = service.activeIncident(list.states());
        StartupTrace.mark("reads: list read, active incident chosen");
        Start start = new Start(list, active.map(this::firstScreen), position);
        StartupTrace.mark("reads: first screen read");
        return start;
    }

    /**
     * @param id an incident
     * @return its header and newest entries: enough to work with at once, even for a long incident
     */
    Opened firstScreen(IncidentId id) {
        long position = service.logPosition();
        List<Event> header = service.headerEvents(id);
        StartupTrace.mark("reads: header events read");
        List<Event> tail = service.timelineTail(id, FIRST_SCREEN);
        StartupTrace.mark("reads: newest rows read");
        return new Opened(IncidentState.fold(header), tail, header, tail.size() < FIRST_SCREEN, position);
    }

    /**
     * @param id an incident
     * @return its whole log
     */
    Opened all(IncidentId id) {
        long position = service.logPosition();
        List<Event> log = service.timeline(id);
        List<Event> header = log.stream()
                .filter(e -> IncidentState.HEADER_TYPES.contains(e.type()))
                .toList();
        return new Opened(IncidentState.fold(header), log, header, true, position);
    }

    /**
     * Makes an incident the active one and reads its first screen.
     *
     * @param id the incident
     * @return its first screen
     */
    Opened activate(IncidentId id) {
        service.activate(id);
        return firstScreen(id);
    }

    /**
     * @param position a log position
     * @return every event stored after it, of all incidents
     */
    List<Event> after(long position) {
        return service.eventsAfter(position);
    }
}
