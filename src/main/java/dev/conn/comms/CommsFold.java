package dev.conn.comms;

import dev.conn.incident.Audience;
import dev.conn.incident.CommandEvent;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.MalformedEventException;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.incident.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the communication plan of one incident needs from its log, folded one event at a time in
 * storage order: when it was declared and at which severity, when the current severity took
 * effect, when it was resolved and when command was last handed off, which checklist items were
 * ticked, skipped or snoozed, each audience's last message, and the deliveries refused for good. Adding an event costs the same
 * whatever the length of the log; events of other types, and events already added, change
 * nothing. {@link CommsSchedule#of} turns the fold into deadlines.
 *
 * <p>The Comms tab keeps one fold per open incident and adds the events that arrive; the hand-off
 * brief ({@link CommsDeadlines}) and {@link CommsPlan#evaluate} fold the events they are given. Not
 * thread-safe: one owner at a time.
 */
public final class CommsFold {
    /** The event types the plan reads: all the hand-off brief's deadlines need. */
    public static final Set<EventType> PLAN_TYPES = Collections.unmodifiableSet(EnumSet.of(
            EventType.INCIDENT_DECLARED,
            EventType.SEVERITY_CHANGED,
            EventType.STATUS_CHANGED,
            EventType.RESOLVED,
            EventType.HANDOFF_ACKNOWLEDGED,
            EventType.ROLE_ASSIGNED,
            EventType.CHECKLIST_ITEM_DONE,
            EventType.CHECKLIST_ITEM_SKIPPED,
            EventType.CHECKLIST_ITEM_SNOOZED,
            EventType.MESSAGE_QUEUED));

    /** The event types folded: the plan's, and the deliveries that failed for good. */
    public static final Set<EventType> TYPES;

    static {
        Set<EventType> all = EnumSet.copyOf(PLAN_TYPES);
        all.add(EventType.MESSAGE_FAILED);
        TYPES = Collections.unmodifiableSet(all);
    }

    private final Set<UUID> seen = new HashSet<>();
    private Instant declaredAt;
    private Instant severityAnchor;
    private Severity severity;
    private Instant resolvedAt;
    private Instant handoffAt;
    private final Set<String> settledByUser = new HashSet<>();
    private final Map<String, Instant> snoozedUntil = new HashMap<>();
    private final Map<Audience, Update> lastUpdate = new EnumMap<>(Audience.class);
    private final Map<Audience, String> lastSubject = new EnumMap<>(Audience.class);
    private final List<Mark> marks = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();

    /**
     * @param events events of one incident, in storage order
     * @return the fold of those events
     */
    public static CommsFold of(Collection<Event> events) {
        CommsFold f = new CommsFold();
        for (Event e : events) {
            f.apply(e);
        }
        return f;
    }

    /**
     * Adds the next event of the incident.
     *
     * @param e an event of this fold's incident, later in storage order than those added before
     * @return true if it changed the plan or the failures (false for other types, an event added before, or a
     *     payload that does not fit its type: the fold skips it rather than fail)
     */
    public boolean apply(Event e) {
        if (!TYPES.contains(e.type()) || !seen.add(e.id())) {
            return false;
        }
        EventBody body;
        try {
            body = e.body();
        } catch (MalformedEventException unreadable) {
            return false;
        }
        Instant at = e.occurredAt();
        if (body instanceof HeaderEvent.IncidentDeclared d) {
            declaredAt = at;
            severityAnchor = at;
            severity = d.severity();
        } else if (body instanceof HeaderEvent.SeverityChanged s) {
            if (s.severity() != severity) {
                severity = s.severity();
                severityAnchor = at; // a severity change re-plans what is still open
            }
        } else if (body instanceof HeaderEvent.Resolved) {
            resolvedAt = at;
        } else if (body instanceof HeaderEvent.StatusChanged s) {
            if (s.status() == Status.RESOLVED && resolvedAt == null) {
                resolvedAt = at;
            }
        } else if (body instanceof CommandEvent.HandoffAcknowledged a) {
            if (a.role() == Role.INCIDENT_COMMANDER) {
                handoffAt = at;
            }
            marks.add(new Mark.RoleTaken(a.role(), a.to(), at));
        } else if (body instanceof CommandEvent.RoleAssigned r) {
            marks.add(new Mark.RoleTaken(r.role(), r.person(), at));
        } else if (body instanceof CommsEvent.ChecklistItemDone d) {
            settledByUser.add(d.itemId());
            marks.add(new Mark.Done(d.itemId(), at));
        } else if (body instanceof CommsEvent.ChecklistItemSkipped s) {
            settledByUser.add(s.itemId());
            marks.add(new Mark.Skipped(s.itemId(), at, s.reason()));
        } else if (body instanceof CommsEvent.ChecklistItemSnoozed s) {
            snoozedUntil.put(s.itemId(), s.until());
        } else if (body instanceof CommsEvent.MessageQueued q) {
            marks.add(new Mark.Message(q.audience(), q.checklistItemId(), at, q.subject()));
            lastUpdate.put(q.audience(), new Update(at, q.nextUpdateAt()));
            lastSubject.put(q.audience(), q.subject());
        } else if (body instanceof CommsEvent.MessageFailed f) {
            failures.add(new Failure(e.id(), f.channel(), f.reason(), at));
        } else {
            return false;
        }
        return true;
    }

    /** @return the deliveries refused for good ({@code MESSAGE_FAILED}), in storage order */
    public List<Failure> failures() {
        return Collections.unmodifiableList(failures);
    }

    /** @return true once the declaration is folded */
    public boolean isDeclared() {
        return declaredAt != null;
    }

    Instant declaredAt() {
        return declaredAt;
    }

    Instant severityAnchor() {
        return severityAnchor;
    }

    Severity severity() {
        return severity;
    }

    Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }

    Optional<Instant> handoffAt() {
        return Optional.ofNullable(handoffAt);
    }

    /** @return ids of items the user ticked or skipped (they stay on the list at any severity) */
    Set<String> settledByUser() {
        return settledByUser;
    }

    Optional<Instant> snoozedUntil(String itemId) {
        return Optional.ofNullable(snoozedUntil.get(itemId));
    }

    /**
     * @param a an audience
     * @return the subject of the last message queued to it (a status page's public headline, to
     *     offer again for the next update), if any
     */
    public Optional<String> lastSubject(Audience a) {
        return Optional.ofNullable(lastSubject.get(a));
    }

    Optional<Update> lastUpdate(Audience a) {
        return Optional.ofNullable(lastUpdate.get(a));
    }

    /** @return ticks, skips and messages, in storage order: they settle items in this order */
    List<Mark> marks() {
        return marks;
    }

    /**
     * A delivery refused for good.
     *
     * @param eventId its {@code MESSAGE_FAILED} event
     * @param channel the channel id
     * @param reason what the receiver said, scrubbed of secrets
     * @param at when it was recorded (UTC)
     */
    public record Failure(UUID eventId, String channel, String reason, Instant at) {}

    /**
     * An audience's last message.
     *
     * @param at when it was queued (UTC)
     * @param promise the next update it promised, if any (UTC)
     */
    record Update(Instant at, Optional<Instant> promise) {}

    /** Something that may settle a checklist item. */
    sealed interface Mark {
        /** @return when it happened (UTC) */
        Instant at();

        /** The user ticked the item. */
        record Done(String itemId, Instant at) implements Mark {}

        /** The user skipped the item, saying why. */
        record Skipped(String itemId, Instant at, String reason) implements Mark {}

        /** A message to an audience, naming the item it answers or not. */
        record Message(Audience audience, Optional<String> itemId, Instant at, String subject) implements Mark {}

        /** Someone took a role: it ticks the items of that role (issue 14 item 12). */
        record RoleTaken(Role role, String person, Instant at) implements Mark {}
    }
}
