package dev.conn.integrations;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The bodies Conn posts to PagerDuty's Events API v2 ({@code POST /v2/enqueue},
 * https://developer.pagerduty.com/docs/events-api-v2/trigger-events/): a {@code trigger} with
 * {@code routing_key}, {@code event_action}, {@code dedup_key}, {@code payload} ({@code summary},
 * {@code source}, {@code severity}, {@code timestamp}, {@code class}, {@code custom_details}),
 * {@code client}, and {@code links}; a {@code resolve} with the same {@code dedup_key}. Pure: the
 * routing key is passed in already resolved, and the body is never logged.
 */
public final class PagerDutyEvents {
    /** The {@code client} field: the tool that sends. */
    public static final String CLIENT = "Conn";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PagerDutyEvents() {}

    /**
     * @param page the page
     * @param routingKey the service's integration key, resolved
     * @param source the {@code payload.source} from settings
     * @return the {@code trigger} event
     */
    public static ObjectNode trigger(PageRequest page, String routingKey, String source) {
        Objects.requireNonNull(page, "page");
        ObjectNode e = NODES.objectNode();
        e.put("routing_key", Objects.requireNonNull(routingKey, "routingKey"));
        e.put("event_action", "trigger");
        e.put("dedup_key", page.dedupKey());
        ObjectNode p = e.putObject("payload");
        p.put("summary", page.summary());
        p.put("source", Objects.requireNonNull(source, "source"));
        p.put("severity", SeverityMapping.pagerDuty(page.severity()));
        p.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(page.at()));
        p.put("class", "incident");
        ObjectNode details = p.putObject("custom_details");
        details.put("incident_id", page.incidentId().value().toString());
        details.put("incident", page.incidentTitle());
        details.put("severity", page.severity().name());
        details.put("paged", page.targetName());
        details.put("paged_by", page.pagedBy());
        page.message().ifPresent(m -> details.put("message", m));
        e.put("client", CLIENT);
        page.link().ifPresent(l -> {
            e.putArray("links").addObject().put("href", l).put("text", "Join the incident");
        });
        return e;
    }

    /**
     * @param dedupKey the page's {@code dedup_key}
     * @param routingKey the same integration key the trigger used (PagerDuty drops a resolve sent
     *     through another key)
     * @return the {@code resolve} event
     */
    public static ObjectNode resolve(String dedupKey, String routingKey) {
        ObjectNode e = NODES.objectNode();
        e.put("routing_key", Objects.requireNonNull(routingKey, "routingKey"));
        e.put("event_action", "resolve");
        e.put("dedup_key", Objects.requireNonNull(dedupKey, "dedupKey"));
        return e;
    }
}
