package dev.conn.impact.ui;

import dev.conn.impact.ChartData;
import dev.conn.impact.ImpactQuery;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Payload;
import dev.conn.incident.ui.IncidentViewModel;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;

/**
 * The impact panel's writes, each one event through {@link IncidentViewModel#record}: add, edit or
 * remove a query ({@code IMPACT_QUERY_SET}/{@code _REMOVED}), snapshot a chart ({@code
 * METRIC_SNAPSHOT}), note a moment ({@code NOTE}).
 */
public final class ImpactCommands {
    private final IncidentViewModel incident;
    private final Clock clock;
    private final StringProperty message;

    ImpactCommands(IncidentViewModel incident, Clock clock, StringProperty message) {
        this.incident = incident;
        this.clock = clock;
        this.message = message;
    }

    /**
     * Adds or edits an impact query: records {@code IMPACT_QUERY_SET} in the incident's log.
     *
     * @param q the query
     * @param onError told why on the FX thread if it could not be recorded
     */
    public void saveQuery(ImpactQuery q, Consumer<String> onError) {
        incident.record(EventType.IMPACT_QUERY_SET, q.toPayload(), Optional.empty(), e -> {}, onError);
    }

    /**
     * Removes an impact query from the panel: records {@code IMPACT_QUERY_REMOVED}.
     *
     * @param queryId the query
     * @param onError told why on the FX thread if it could not be recorded
     */
    public void removeQuery(String queryId, Consumer<String> onError) {
        incident.record(
                EventType.IMPACT_QUERY_REMOVED, Payload.of("queryId", queryId), Optional.empty(), e -> {}, onError);
    }

    /**
     * Records a {@code METRIC_SNAPSHOT} of a chart: the raw answer as returned (up to 4 MiB) and the PNG.
     *
     * @param d the chart's data
     * @param png the chart as PNG bytes
     * @param onSaved told on the FX thread once durable
     * @param onError told why on the FX thread
     */
    public void snapshot(ChartData d, byte[] png, Consumer<Event> onSaved, Consumer<String> onError) {
        if (d == null || !d.hasData()) {
            onError.accept("Nothing to snapshot yet: the chart has no data");
            return;
        }
        boolean rawFits = !d.rawJson().isEmpty() && d.rawJson().length() <= ImpactViewModel.MAX_SNAPSHOT_RAW_CHARS;
        boolean pngFits = png.length <= ImpactViewModel.MAX_SNAPSHOT_PNG_BYTES;
        Payload p = Payload.of(
                "queryId", d.query().queryId(),
                "name", d.query().name(),
                "sourceId", d.query().sourceId(),
                "query", d.query().query(),
                "unit", d.query().unit().isEmpty() ? null : d.query().unit(),
                "from", d.from().toString(),
                "to", d.to().toString(),
                "fetchedAt", d.fetchedAt().get().toString(),
                "offline", d.offline(),
                "raw", rawFits ? d.rawJson() : null,
                "rawOmitted", rawFits ? null : Boolean.TRUE,
                "png", pngFits ? Base64.getEncoder().encodeToString(png) : null,
                "pngOmitted", pngFits ? null : Boolean.TRUE);
        incident.record(EventType.METRIC_SNAPSHOT, p, Optional.empty(), onSaved, onError);
    }

    /**
     * Adds a timeline note at a chart time ("error ratio peaked at 14.2 %").
     *
     * @param at the instant clicked (UTC); a time in the future is recorded now
     * @param text the note
     * @param onError told why on the FX thread
     */
    public void addNote(Instant at, String text, Consumer<String> onError) {
        Instant now = clock.instant();
        incident.record(
                EventType.NOTE,
                Payload.of("text", text),
                Optional.of(at.isAfter(now) ? now : at),
                e -> message.set("Note added at " + e.occurredAt()),
                onError);
    }
}
