package dev.conn.command;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentLog;
import java.util.List;

/** Sends the People panel's pages through the one writer ({@link PageDecider}). Blocking. */
public final class PagingService {
    private final IncidentLog log;
    private final PageDecider decider = new PageDecider();

    /** @param log the one writer */
    public PagingService(IncidentLog log) {
        this.log = log;
    }

    /**
     * @param incident the incident
     * @param command the page, resolve or acknowledgement
     * @param author who asks ("Conn" for the poller's acknowledgements)
     * @return the events appended (with their outbox rows, for a page or a resolve)
     * @throws dev.conn.incident.CommandRefusedException with the reason in words if refused
     */
    public List<Event> execute(IncidentId incident, PageCommand command, String author) {
        return log.execute(incident, decider, command, author);
    }
}
