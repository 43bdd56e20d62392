package dev.conn.postmortem.ui;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.postmortem.PostmortemCommand;
import dev.conn.postmortem.PostmortemService;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends the postmortem tab's typed commands to {@link PostmortemService} on the {@link TaskRunner}
 * (never on the FX thread), on behalf of the person at the keyboard. What a command appended is
 * handed to {@link IncidentViewModel#accept} at once, so every view shows it without reading the
 * log again; then the caller's callback runs. FX thread only.
 */
final class PostmortemSender {
    /** What to tell the user when no incident is open. */
    static final String NO_INCIDENT = "Declare or open an incident first (Ctrl+N)";

    private final IncidentViewModel incident;
    private final PostmortemService service;
    private final TaskRunner tasks;

    /**
     * @param incident the open incident, the author, and where events go
     * @param service the postmortem commands (blocking)
     * @param tasks runs them off the FX thread
     */
    PostmortemSender(IncidentViewModel incident, PostmortemService service, TaskRunner tasks) {
        this.incident = incident;
        this.service = service;
        this.tasks = tasks;
    }

    /**
     * Sends a command about the open incident.
     *
     * @param command the command
     * @param onDone given the events appended, on the FX thread, after they joined the incident
     * @param onError told why on the FX thread if refused or not saved (also when no incident is open)
     */
    void send(PostmortemCommand command, Consumer<List<Event>> onDone, Consumer<String> onError) {
        IncidentState st = incident.current().orElse(null);
        if (st == null) {
            onError.accept(NO_INCIDENT);
            return;
        }
        sendTo(st.id(), command, onDone, onError);
    }

    /**
     * Sends a command about a given incident (one the console may be leaving).
     *
     * @param id the incident
     * @param command the command
     * @param onDone given the events appended, on the FX thread
     * @param onError told why on the FX thread
     */
    /**
     * Asks tickets for action items of the open incident, off the FX thread.
     *
     * @param command which items, and the tracker's channel
     * @param onDone told the events appended, on the FX thread
     * @param onError told the refusal or failure in words, on the FX thread
     */
    void createTickets(
            dev.conn.postmortem.TicketDecider.CreateTickets command,
            Consumer<List<Event>> onDone,
            Consumer<String> onError) {
        IncidentState st = incident.current().orElse(null);
        if (st == null) {
            onError.accept(NO_INCIDENT);
            return;
        }
        String who = incident.authorProperty().get();
        tasks.run(
                () -> service.createTickets(st.id(), command, who),
                appended -> {
                    incident.accept(appended);
                    onDone.accept(appended);
                },
                e -> onError.accept(message(e)));
    }

    void sendTo(IncidentId id, PostmortemCommand command, Consumer<List<Event>> onDone, Consumer<String> onError) {
        String who = incident.authorProperty().get();
        tasks.run(
                () -> service.execute(id, command, who),
                appended -> {
                    incident.accept(appended);
                    onDone.accept(appended);
                },
                e -> onError.accept(message(e)));
    }

    /**
     * @param e what a background call threw
     * @return its message as the user should read it
     */
    static String message(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
