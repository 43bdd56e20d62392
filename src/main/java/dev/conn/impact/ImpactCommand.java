package dev.conn.impact;

import java.util.Objects;

/**
 * What the impact panel asks to write to the incident's log, in the panel's own terms; decided by
 * {@link ImpactDecider} and written by {@link ImpactLog}. A note at a chart time is the incident's
 * own entry command ({@link dev.conn.incident.EntryCommand.Add}), not one of these.
 */
public sealed interface ImpactCommand {

    /**
     * Adds a chart to the panel, or edits the chart with the same {@code queryId}.
     *
     * @param query the query as typed or picked from a preset
     */
    record SetQuery(ImpactQuery query) implements ImpactCommand {
        /** @throws NullPointerException if the query is null */
        public SetQuery {
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * Takes a chart off the panel.
     *
     * @param queryId the chart's query id
     */
    record RemoveQuery(String queryId) implements ImpactCommand {
        /** @throws NullPointerException if the id is null */
        public RemoveQuery {
            Objects.requireNonNull(queryId, "queryId");
        }
    }

    /**
     * Keeps a chart as the IC saw it: its data's provenance, the source's raw answer and the
     * chart's picture, in the incident's log (and so in its exports).
     *
     * @param data the chart's data as shown (its query, window, fetch time, offline flag and raw
     *     answer)
     * @param png the chart drawn as PNG bytes
     */
    record TakeSnapshot(ChartData data, byte[] png) implements ImpactCommand {
        /** @throws NullPointerException if the PNG is null */
        public TakeSnapshot {
            Objects.requireNonNull(png, "png");
        }
    }
}
