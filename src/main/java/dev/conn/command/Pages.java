package dev.conn.command;

import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IntegrationEvent;
import dev.conn.incident.MalformedEventException;
import dev.conn.incident.Severity;
import dev.conn.incident.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pages of one incident (issue 16 §2), folded from its events: per PagerDuty target, whether a
 * request is on its way, whether the page was accepted, acknowledged (by whom, when) or resolved,
 * and the last refusal. Also the incident's title, severity and whether it is resolved, which a
 * page carries. Pure and not thread-safe.
 */
public final class Pages {
    /** The event types the fold reads. */
    public static final Set<EventType> TYPES = java.util.Collections.unmodifiableSet(EnumSet.of(
            EventType.INCIDENT_DECLARED,
            EventType.SEVERITY_CHANGED,
            EventType.STATUS_CHANGED,
            EventType.RESOLVED,
            EventType.PAGE_REQUESTED,
            EventType.PAGE_SENT,
            EventType.PAGE_ACKNOWLEDGED,
            EventType.PAGE_RESOLVED,
            EventType.MESSAGE_SENT,
            EventType.MESSAGE_FAILED));

    /**
     * One target's page as it stands.
     *
     * @param targetId the target
     * @param targetName its display name
     * @param dedupKey the alert's key
     * @param pending a trigger or resolve on its way (queued, not yet answered), if any
     * @param paged true once PagerDuty accepted a trigger since the last resolve
     * @param sentAt when the last trigger was accepted (UTC), if it was
     * @param acknowledgedBy who acknowledged it, if someone did (empty name: PagerDuty did not say)
     * @param acknowledgedAt when, if PagerDuty said
     * @param resolved true once a resolve was accepted after the last trigger
     * @param failure the last refusal, in PagerDuty's words, if the last request failed
     */
    public record Page(
            String targetId,
            String targetName,
            String dedupKey,
            Optional<String> pending,
            boolean paged,
            Optional<Instant> sentAt,
            Optional<String> acknowledgedBy,
            Optional<Instant> acknowledgedAt,
            boolean resolved,
            Optional<String> failure) {

        /** @return true while PagerDuty holds an open alert Conn sent and nobody acknowledged */
        public boolean awaitsAcknowledgement() {
            return paged && !resolved && acknowledgedBy.isEmpty();
        }

        /** @return true if a resolve makes sense: paged, not resolved, nothing on its way */
        public boolean resolvable() {
            return paged && !resolved && pending.isEmpty();
        }
    }

    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, String> targetOfRequest = new HashMap<>();
    private final Map<String, Integer> requests = new HashMap<>();
    private final Map<String, Boolean> resolveRequest = new HashMap<>();
    private IncidentId incident;
    private String title = "";
    private Severity severity = Severity.SEV4;
    private boolean incidentResolved;

    /**
     * @param events events of one incident, in storage order
     * @return their fold
     */
    public static Pages of(List<Event> events) {
        Pages p = new Pages();
        events.forEach(p::add);
        return p;
    }

    /**
     * Takes in one event.
     *
     * @param e the event (types it does not read are ignored)
     */
    public void add(Event e) {
        if (!TYPES.contains(e.type())) {
            return;
        }
        EventBody body;
        try {
            body = e.body();
        } catch (MalformedEventException unreadable) {
            return;
        }
        incident = e.incidentId();
        if (body instanceof HeaderEvent.IncidentDeclared d) {
            title = d.title();
            severity = d.severity();
        } else if (body instanceof HeaderEvent.SeverityChanged s) {
            severity = s.severity();
        } else if (body instanceof HeaderEvent.StatusChanged s) {
            incidentResolved = s.status() == Status.RESOLVED;
        } else if (body instanceof HeaderEvent.Resolved) {
            incidentResolved = true;
        } else if (body instanceof IntegrationEvent.PageRequested r) {
            requested(r);
        } else if (body instanceof IntegrationEvent.PageSent s) {
            update(
                    s.targetId(),
                    p -> new Page(
                            p.targetId(),
                            p.targetName(),
                            s.dedupKey(),
                            Optional.empty(),
                            true,
                            Optional.of(e.recordedAt()),
                            Optional.empty(),
                            Optional.empty(),
                            false,
                            Optional.empty()));
        } else if (body instanceof IntegrationEvent.PageAcknowledged a) {
            update(
                    a.targetId(),
                    p -> new Page(
                            p.targetId(),
                            p.targetName(),
                            p.dedupKey(),
                            p.pending(),
                            p.paged(),
                            p.sentAt(),
                            Optional.of(a.by().orElse("")),
                            a.at(),
                            p.resolved(),
                            p.failure()));
        } else if (body instanceof IntegrationEvent.PageResolved r) {
            update(
                    r.targetId(),
                    p -> new Page(
                            p.targetId(),
                            p.targetName(),
                            p.dedupKey(),
                            Optional.empty(),
                            p.paged(),
                            p.sentAt(),
                            p.acknowledgedBy(),
                            p.acknowledgedAt(),
                            true,
                            Optional.empty()));
        } else if (body instanceof CommsEvent.MessageSent s) {
            ended(s.messageId(), Optional.empty());
        } else if (body instanceof CommsEvent.MessageFailed f) {
            ended(f.messageId(), Optional.of(f.reason()));
        }
    }

    private void requested(IntegrationEvent.PageRequested r) {
        targetOfRequest.put(r.messageId(), r.targetId());
        resolveRequest.put(r.messageId(), r.resolves());
        requests.merge(r.targetId(), 1, Integer::sum);
        Page p = pages.get(r.targetId());
        pages.put(
                r.targetId(),
                p == null
                        ? new Page(
                                r.targetId(),
                                r.targetName(),
                                r.dedupKey(),
                                Optional.of(r.messageId()),
                                false,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                false,
                                Optional.empty())
                        : new Page(
                                p.targetId(),
                                p.targetName(),
                                r.dedupKey(),
                                Optional.of(r.messageId()),
                                p.paged(),
                                p.sentAt(),
                                p.acknowledgedBy(),
                                p.acknowledgedAt(),
                                p.resolved(),
                                Optional.empty()));
    }

    private void ended(String messageId, Optional<String> failure) {
        String target = targetOfRequest.get(messageId);
        if (target == null) {
            return; // a message, not a page
        }
        update(
                target,
                p -> p.pending().filter(messageId::equals).isEmpty()
                        ? p
                        : new Page(
                                p.targetId(),
                                p.targetName(),
                                p.dedupKey(),
                                Optional.empty(),
                                p.paged(),
                                p.sentAt(),
                                p.acknowledgedBy(),
                                p.acknowledgedAt(),
                                p.resolved(),
                                failure));
    }

    private void update(String target, java.util.function.UnaryOperator<Page> change) {
        Page p = pages.get(target);
        if (p != null) {
            pages.put(target, change.apply(p));
        }
    }

    /** @return every target paged in this incident, in the order first paged */
    public List<Page> all() {
        return new ArrayList<>(pages.values());
    }

    /**
     * @param targetId a target
     * @return its page, if it was paged
     */
    public Optional<Page> page(String targetId) {
        return Optional.ofNullable(pages.get(targetId));
    }

    /** @return the incident, once an event was folded */
    public Optional<IncidentId> incident() {
        return Optional.ofNullable(incident);
    }

    /** @return the incident's title */
    public String title() {
        return title;
    }

    /** @return the incident's severity now */
    public Severity severity() {
        return severity;
    }

    /** @return true once the incident is resolved */
    public boolean incidentResolved() {
        return incidentResolved;
    }

    /**
     * @param targetId a target
     * @return how many requests (triggers and resolves) were made for it
     */
    int requestsFor(String targetId) {
        return requests.getOrDefault(targetId, 0);
    }
}
