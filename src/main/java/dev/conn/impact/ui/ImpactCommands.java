package dev.conn.impact.ui;

import dev.conn.impact.ChartData;
import dev.conn.impact.ImpactCommand;
import dev.conn.impact.ImpactLog;
import dev.conn.impact.ImpactQuery;
import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;

/**
 * The impact panel's writes as typed commands: add, edit or remove a query, snapshot a chart
 * ({@link ImpactCommand}), note a moment ({@link ImpactLog#note}). Each runs on the {@link
 * TaskRunner} (never on the FX thread) through the one writer, for the open incident, signed by the
 * person at the keyboard; what it appended joins the incident at once ({@link
 * IncidentViewModel#accept}), so the panel and the timeline show it without reading the log again.
 * FX thread only.
 */
public final class ImpactCommands {
    private static final String NO_INCIDENT = "Declare or open an incident first (Ctrl+N)";

    private final IncidentViewModel incident;
    private final ImpactLog log;
    private final TaskRunner tasks;
    private final StringProperty message;

    /**
     * @param incident the open incident, the author, and where appended events go
     * @param log the impact panel's writes (blocking)
     * @param tasks runs them off the FX thread
     * @param message the panel's notice line ("Note added to the timeline at 14:02:15 UTC")
     */
    ImpactCommands(IncidentViewModel incident, ImpactLog log, TaskRunner tasks, StringProperty message) {
        this.incident = incident;
        this.log = log;
        this.tasks = tasks;
        this.message = message;
    }

    /**
     * Adds or edits an impact query.
     *
     * @param q the query
     * @param onError told why on the FX thread if it was refused or could not be recorded
     */
    public void saveQuery(ImpactQuery q, Consumer<String> onError) {
        send(new ImpactCommand.SetQuery(q), events -> {}, onError);
    }

    /**
     * Removes an impact query from the panel.
     *
     * @param queryId the query
     * @param onError told why on the FX thread if it was refused or could not be recorded
     */
    public void removeQuery(String queryId, Consumer<String> onError) {
        send(new ImpactCommand.RemoveQuery(queryId), events -> {}, onError);
    }

    /**
     * Records a snapshot of a chart: the raw answer as returned (up to 4 Mi characters) and the PNG
     * (up to 1.5 MiB); what is larger is left out and the snapshot says so.
     *
     * @param d the chart's data
     * @param png the chart as PNG bytes
     * @param onSaved given the snapshot on the FX thread once durable
     * @param onError told why on the FX thread (e.g. the chart has no data yet)
     */
    public void snapshot(ChartData d, byte[] png, Consumer<Event> onSaved, Consumer<String> onError) {
        send(
                new ImpactCommand.TakeSnapshot(d, png),
                events -> events.stream().findFirst().ifPresent(onSaved),
                onError);
    }

    /**
     * Adds a timeline note at a chart time ("Error ratio at 14:02:15 UTC: 14.2 %").
     *
     * @param at the instant clicked (UTC); a time in the future is noted now
     * @param text the note
     * @param onError told why on the FX thread
     */
    public void addNote(Instant at, String text, Consumer<String> onError) {
        UUID id = UUID.randomUUID(); // minted once per click: a retry of the same write cannot store it twice
        run(
                (incidentId, who) -> log.note(incidentId, id, at, text, who),
                events -> events.stream()
                        .findFirst()
                        .ifPresent(e -> message.set("Note added to the timeline at "
                                + dev.conn.platform.text.TimeFormat.utcSeconds(e.occurredAt()))),
                onError);
    }

    private void send(ImpactCommand command, Consumer<List<Event>> onDone, Consumer<String> onError) {
        run((incidentId, who) -> log.execute(incidentId, command, who), onDone, onError);
    }

    /** A write against the open incident by the person at the keyboard. */
    @FunctionalInterface
    private interface Write {
        List<Event> apply(IncidentId incident, String author);
    }

    private void run(Write write, Consumer<List<Event>> onDone, Consumer<String> onError) {
        IncidentState st = incident.current().orElse(null);
        if (st == null) {
            onError.accept(NO_INCIDENT);
            return;
        }
        IncidentId id = st.id();
        String who = incident.authorProperty().get();
        Callable<List<Event>> work = () -> write.apply(id, who);
        tasks.run(
                work,
                events -> {
                    incident.accept(events);
                    onDone.accept(events);
                },
                e -> onError.accept(message(e)));
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
