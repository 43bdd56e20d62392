package dev.conn.postmortem;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Milestone;
import dev.conn.incident.Payload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The postmortem's domain API: sets milestones, postmortem sections, action items and tags by
 * appending events through {@link IncidentService}, after checking them. Blocks on the store: call
 * from a background task.
 */
public final class PostmortemService {
    private final IncidentService incidents;

    /** @param incidents the incident log */
    public PostmortemService(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** @return the incident service underneath */
    public IncidentService incidents() {
        return incidents;
    }

    /**
     * @param id an incident
     * @return its milestones now
     * @throws IllegalStateException if no such incident
     */
    public Milestones milestones(IncidentId id) {
        List<Event> events = incidents.events(id, Milestones.TYPES);
        if (events.isEmpty()) {
            throw new IllegalStateException("No incident " + id.shortForm());
        }
        return Milestones.fold(events);
    }

    /**
     * Sets or edits one milestone with a reason ({@code MILESTONE_SET}).
     *
     * @param id the incident
     * @param milestone which milestone
     * @param at its instant (UTC)
     * @param reason why it is set or changed (required: an edit of the record must say why)
     * @param author the person at the keyboard
     * @return the stored event
     * @throws IllegalArgumentException if the reason is blank, the instant is in the future, or impact
     *     started would no longer be the earliest milestone (the message names both milestones)
     * @throws dev.conn.incident.StoreException if the database cannot be written
     */
    public Event setMilestone(IncidentId id, Milestone milestone, Instant at, String reason, String author) {
        Optional<String> problem = milestoneProblem(
                milestones(id), milestone, at, reason, incidents.clock().instant());
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return incidents.record(
                id,
                EventType.MILESTONE_SET,
                Payload.of("milestone", milestone, "at", at, "reason", reason.strip()),
                Optional.empty(),
                author);
    }

    /**
     * The one rule for setting a milestone, for the service and the postmortem tab alike.
     *
     * @param current the incident's milestones now
     * @param milestone which milestone
     * @param at its instant (UTC)
     * @param reason why it is set or changed
     * @param now the current instant (UTC), from the caller's clock
     * @return what is wrong, in words, or empty if the edit may be recorded
     */
    public static Optional<String> milestoneProblem(
            Milestones current, Milestone milestone, Instant at, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            return Optional.of("Say why the " + milestone.label().toLowerCase(java.util.Locale.ROOT)
                    + " time is set or changed (the reason is kept on the record)");
        }
        if (at.isAfter(now.plus(Duration.ofMinutes(1)))) {
            return Optional.of(milestone.label() + " cannot be in the future (" + at + ")");
        }
        return current.violation(milestone, at);
    }

    /**
     * Saves one postmortem section ({@code POSTMORTEM_FIELD_SET}).
     *
     * @param id the incident
     * @param field the section key (see {@link PostmortemField#isValidKey})
     * @param text the whole new text; empty clears the section
     * @param author the person at the keyboard
     * @return the stored event
     * @throws IllegalArgumentException if the key is unknown or the text is over
     *     {@link PostmortemField#MAX_TEXT} characters
     */
    public Event setField(IncidentId id, String field, String text, String author) {
        PostmortemField.check(field, text);
        return incidents.record(
                id, EventType.POSTMORTEM_FIELD_SET, Payload.of("field", field, "text", text), Optional.empty(), author);
    }

    /**
     * Adds an action item ({@code ACTION_ITEM_ADDED}).
     *
     * @param id the incident
     * @param item the item (its id minted by the caller, e.g. {@link ActionItem#newId()})
     * @param author the person at the keyboard
     * @return the stored event
     * @throws IllegalArgumentException if the text is blank
     */
    public Event addActionItem(IncidentId id, ActionItem item, String author) {
        if (item.text().isBlank()) {
            throw new IllegalArgumentException("Describe the action item, e.g. \"Alert on DNS cache memory\"");
        }
        return incidents.record(id, EventType.ACTION_ITEM_ADDED, item.toPayload(), Optional.empty(), author);
    }

    /**
     * Records a changed action item ({@code ACTION_ITEM_UPDATED} carrying every field).
     *
     * @param id the incident
     * @param item the item as it is now
     * @param author the person at the keyboard
     * @return the stored event
     */
    public Event updateActionItem(IncidentId id, ActionItem item, String author) {
        if (item.text().isBlank()) {
            throw new IllegalArgumentException("An action item needs its text");
        }
        return incidents.record(id, EventType.ACTION_ITEM_UPDATED, item.toPayload(), Optional.empty(), author);
    }

    /**
     * Tags the incident with the services it hit and its root-cause categories
     * ({@code INCIDENT_TAGGED}; replaces earlier tags).
     *
     * @param id the incident
     * @param services affected services, e.g. {@code dns}, {@code checkout-api}
     * @param categories root-cause categories, e.g. {@code capacity}, {@code config change}
     * @param author the person at the keyboard
     * @return the stored event
     */
    public Event tag(IncidentId id, List<String> services, List<String> categories, String author) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        com.fasterxml.jackson.databind.node.ArrayNode s = n.putArray("services");
        services.stream()
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .distinct()
                .forEach(s::add);
        com.fasterxml.jackson.databind.node.ArrayNode c = n.putArray("categories");
        categories.stream()
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .distinct()
                .forEach(c::add);
        return incidents.record(id, EventType.INCIDENT_TAGGED, Payload.ofNode(n), Optional.empty(), author);
    }
}
