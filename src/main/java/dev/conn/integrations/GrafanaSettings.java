package dev.conn.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.conn.incident.EventType;
import dev.conn.settings.SecretRef;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grafana, which gets timeline events as annotations, under {@code integrations.grafana}. Requests
 * carry {@code Authorization: Bearer <service account token>} with the {@code annotations:create},
 * {@code annotations:write} and {@code annotations:delete} permissions
 * (https://grafana.com/docs/grafana/latest/developers/http_api/annotations/); the token is a {@link
 * SecretRef} only.
 *
 * @param baseUrl Grafana's root URL, e.g. {@code https://grafana.example.com}
 * @param token reference to a service account token
 * @param dashboardUid the dashboard the annotations belong to; null for organisation annotations,
 *     which any dashboard shows through the built-in "Annotations and Alerts" query filtered by tag
 * @param eventTypes which timeline events go out; null means {@link #DEFAULT_EVENT_TYPES}; only
 *     {@link #ANNOTATABLE} types are allowed
 * @param tags tags added to every annotation besides Conn's own
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GrafanaSettings(
        String baseUrl, SecretRef token, String dashboardUid, List<EventType> eventTypes, List<String> tags) {

    /** The event types that can become annotations. */
    public static final Set<EventType> ANNOTATABLE = Set.copyOf(EnumSet.of(
            EventType.INCIDENT_DECLARED,
            EventType.SEVERITY_CHANGED,
            EventType.STATUS_CHANGED,
            EventType.NOTE,
            EventType.DECISION,
            EventType.ACTION_TAKEN,
            EventType.MITIGATED,
            EventType.RESOLVED));

    /**
     * What goes out unless the settings say otherwise (issue 16): declared, severity and status
     * changes, actions, mitigated and resolved.
     */
    public static final List<EventType> DEFAULT_EVENT_TYPES = List.of(
            EventType.INCIDENT_DECLARED,
            EventType.SEVERITY_CHANGED,
            EventType.STATUS_CHANGED,
            EventType.ACTION_TAKEN,
            EventType.MITIGATED,
            EventType.RESOLVED);

    /**
     * Checks the fields and fills defaults.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public GrafanaSettings {
        baseUrl = Fields.url("integrations.grafana.baseUrl", baseUrl, null);
        token = Fields.secret("integrations.grafana.token", token);
        dashboardUid = dashboardUid == null || dashboardUid.isBlank() ? null : dashboardUid.strip();
        eventTypes = eventTypes == null ? DEFAULT_EVENT_TYPES : List.copyOf(new LinkedHashSet<>(eventTypes));
        for (EventType t : eventTypes) {
            if (!ANNOTATABLE.contains(t)) {
                throw new IllegalArgumentException("integrations.grafana.eventTypes: " + t
                        + " cannot become an annotation; choose from "
                        + ANNOTATABLE.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
            }
        }
        tags = Fields.strings(tags);
    }

    /** @return the dashboard the annotations belong to, if any */
    public Optional<String> dashboard() {
        return Optional.ofNullable(dashboardUid);
    }

    /**
     * @param type an event type
     * @return true if events of this type become annotations
     */
    public boolean annotates(EventType type) {
        return eventTypes.contains(type);
    }
}
