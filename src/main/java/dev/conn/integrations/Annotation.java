package dev.conn.integrations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Grafana annotation as Conn sends it (https://grafana.com/docs/grafana/latest/developers/http_api/annotations/):
 * a point ({@code time}) or a region ({@code time} to {@code timeEnd}), both epoch milliseconds;
 * tags; text; and, when the settings scope annotations to one dashboard, its {@code dashboardUID}.
 *
 * @param time when (UTC); sent as epoch milliseconds
 * @param timeEnd the end of a region (UTC), if it is one
 * @param tags the tags, always including {@code conn} and the event's {@link ExternalIds#eventTag}
 * @param text the text shown on hover
 * @param dashboardUid the dashboard it belongs to, if any
 */
public record Annotation(
        Instant time, Optional<Instant> timeEnd, List<String> tags, String text, Optional<String> dashboardUid) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * @throws IllegalArgumentException if the region ends before it starts
     * @throws NullPointerException if a required field is null
     */
    public Annotation {
        Objects.requireNonNull(time, "time");
        timeEnd = timeEnd == null ? Optional.empty() : timeEnd;
        if (timeEnd.isPresent() && timeEnd.get().isBefore(time)) {
            throw new IllegalArgumentException("an annotation's region cannot end before it starts");
        }
        tags = List.copyOf(tags);
        Objects.requireNonNull(text, "text");
        dashboardUid = dashboardUid == null ? Optional.empty() : dashboardUid;
    }

    /**
     * @return the body of {@code POST /api/annotations}: {@code dashboardUID} (if scoped), {@code
     *     time}, {@code timeEnd} (a region), {@code tags}, {@code text}
     */
    public ObjectNode createBody() {
        ObjectNode b = NODES.objectNode();
        dashboardUid.ifPresent(d -> b.put("dashboardUID", d));
        return fill(b);
    }

    /**
     * @return the body of {@code PUT /api/annotations/{id}}: {@code time}, {@code timeEnd}, {@code
     *     text}, {@code tags}. Grafana keeps the annotation's dashboard, and keeps its end when
     *     {@code timeEnd} is absent.
     */
    public ObjectNode updateBody() {
        return fill(NODES.objectNode());
    }

    /**
     * @param eventTag the tag to look for
     * @return true if this annotation carries it
     */
    public boolean hasTag(String eventTag) {
        return tags.contains(eventTag);
    }

    private ObjectNode fill(ObjectNode b) {
        b.put("time", time.toEpochMilli());
        timeEnd.ifPresent(t -> b.put("timeEnd", t.toEpochMilli()));
        ArrayNode t = b.putArray("tags");
        tags.forEach(t::add);
        b.put("text", text);
        return b;
    }
}
