package dev.conn.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.conn.settings.SecretRef;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PagerDuty, for "Page..." in the People panel, under {@code integrations.pagerDuty}. Each target is
 * a person or team reachable through a PagerDuty service's Events API v2 integration key (the
 * {@code routing_key}, https://developer.pagerduty.com/docs/events-api-v2/trigger-events/); an
 * optional REST API key lets Conn read whether a page was acknowledged
 * (https://developer.pagerduty.com/api-reference/9d0b4b12e36f9-list-incidents). Keys are {@link
 * SecretRef}s only.
 *
 * @param eventsUrl the Events API v2 endpoint; null means {@value #DEFAULT_EVENTS_URL} (EU
 *     accounts: {@code https://events.eu.pagerduty.com/v2/enqueue})
 * @param apiBase the REST API root; null means {@value #DEFAULT_API}
 * @param restApiKey reference to a REST API key, or null: then acknowledgements are not polled
 * @param source the {@code payload.source} of every page; null means {@value #DEFAULT_SOURCE}
 * @param targets who can be paged, ids unique
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PagerDutySettings(
        String eventsUrl, String apiBase, SecretRef restApiKey, String source, List<Target> targets) {

    /** PagerDuty's Events API v2 endpoint. */
    public static final String DEFAULT_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

    /** PagerDuty's REST API. */
    public static final String DEFAULT_API = "https://api.pagerduty.com";

    /** The {@code payload.source} used when none is set. */
    public static final String DEFAULT_SOURCE = "Conn incident console";

    /**
     * A person or team Conn can page.
     *
     * @param id a stable id, part of the page's {@code dedup_key} ({@link ExternalIds#TARGET_ID})
     * @param name what the People panel shows, e.g. "Payments on-call"
     * @param integrationKey reference to the service's Events API v2 integration key
     */
    public record Target(String id, String name, SecretRef integrationKey) {
        /** @throws IllegalArgumentException naming the field that is wrong */
        public Target {
            if (id == null || !ExternalIds.TARGET_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("integrations.pagerDuty.targets: an id is 1-64 letters, digits,"
                        + " '-', '_' or '.'; got " + (id == null ? "nothing" : "'" + id + "'"));
            }
            name = name == null || name.isBlank() ? id : name.strip();
            integrationKey =
                    Fields.secret("integrations.pagerDuty.targets['" + id + "'].integrationKey", integrationKey);
        }
    }

    /**
     * Checks the fields and fills defaults.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public PagerDutySettings {
        eventsUrl = Fields.url("integrations.pagerDuty.eventsUrl", eventsUrl, DEFAULT_EVENTS_URL);
        apiBase = Fields.url("integrations.pagerDuty.apiBase", apiBase, DEFAULT_API);
        source = source == null || source.isBlank() ? DEFAULT_SOURCE : source.strip();
        targets = targets == null ? List.of() : List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(
                    "integrations.pagerDuty.targets is empty; add a person or team with its service's integration"
                            + " key");
        }
        Set<String> ids = new HashSet<>();
        for (Target t : targets) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException(
                        "integrations.pagerDuty.targets: the id '" + t.id() + "' is used twice");
            }
        }
    }

    /** @return the REST API key, if acknowledgements are to be polled */
    public Optional<SecretRef> restKey() {
        return Optional.ofNullable(restApiKey);
    }

    /** @return the target with this id, if configured */
    public Optional<Target> target(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
