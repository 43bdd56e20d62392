package dev.conn.command.ui;

import dev.conn.command.BriefPreview;
import dev.conn.command.HandoffCommand;
import dev.conn.command.PeopleCommand;
import dev.conn.command.PeopleService;
import dev.conn.fatigue.AlertFatigue;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends the people view models' typed commands to {@link PeopleService} on the {@link TaskRunner}
 * (never on the FX thread), on behalf of the person at the keyboard, for the open incident. What a
 * command appended is handed to {@link IncidentViewModel#accept} at once, so every view shows it
 * without reading the log again; then the caller's callback runs. FX thread only.
 */
final class CommandSender {
    /** What to tell the user when no incident is open. */
    static final String NO_INCIDENT = "Declare or open an incident first (Ctrl+N)";

    private final IncidentViewModel incident;
    private final PeopleService people;
    private final TaskRunner tasks;

    /**
     * @param incident the open incident, the author, and where events and errors go
     * @param people the people commands (blocking)
     * @param tasks runs them off the FX thread
     */
    CommandSender(IncidentViewModel incident, PeopleService people, TaskRunner tasks) {
        this.incident = incident;
        this.people = people;
        this.tasks = tasks;
    }

    /**
     * @param command the command
     * @param onDone given the result on the FX thread, after its events joined the incident
     * @param onError told why on the FX thread if refused or not saved
     */
    void send(PeopleCommand command, Consumer<PeopleService.Result> onDone, Consumer<String> onError) {
        run((id, who) -> people.execute(id, command, who), PeopleService.Result::appended, onDone, onError);
    }

    /**
     * @param command the fatigue alerts shown
     * @param onDone run on the FX thread once recorded
     * @param onError told why on the FX thread
     */
    void alertFatigue(AlertFatigue command, Runnable onDone, Consumer<String> onError) {
        run((id, who) -> people.alertFatigue(id, command, who), events -> events, events -> onDone.run(), onError);
    }

    /**
     * @param offer the offer the holder is about to make
     * @param onPreview given the brief and its code on the FX thread
     * @param onError told why on the FX thread if the offer would be refused
     */
    void preview(HandoffCommand.Offer offer, Consumer<BriefPreview> onPreview, Consumer<String> onError) {
        run((id, who) -> people.preview(id, offer), p -> List.of(), onPreview, onError);
    }

    /** @param message shown in the status bar, the one error channel */
    void reportError(String message) {
        incident.reportError(message);
    }

    /** A call against the open incident by the person at the keyboard. */
    @FunctionalInterface
    private interface Call<T> {
        T apply(IncidentId incident, String author) throws Exception;
    }

    private <T> void run(
            Call<T> call,
            Function<T, List<dev.conn.incident.Event>> events,
            Consumer<? super T> onDone,
            Consumer<String> onError) {
        IncidentState st = incident.current().orElse(null);
        if (st == null) {
            onError.accept(NO_INCIDENT);
            return;
        }
        IncidentId id = st.id();
        String who = incident.authorProperty().get();
        Callable<T> work = () -> call.apply(id, who);
        tasks.run(
                work,
                result -> {
                    incident.accept(events.apply(result));
                    onDone.accept(result);
                },
                e -> onError.accept(message(e)));
    }

    /** @return the message of an error as the user should read it */
    static String message(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
