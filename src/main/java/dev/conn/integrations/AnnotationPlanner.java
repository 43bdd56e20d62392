package dev.conn.integrations;

import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.Milestone;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.Severity;
import dev.conn.incident.TimelineEvent;
import dev.conn.platform.secrets.Redaction;
import dev.conn.platform.text.ControlChars;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides which Grafana annotation changes each timeline event of one incident makes: a fold over
 * the incident's events in log order (pure, no I/O; not thread-safe).
 *
 * <ul>
 *   <li>An event of a type the settings name ({@link GrafanaSettings#eventTypes}) becomes a point
 *       annotation at its {@code occurredAt}, tagged {@code conn}, {@code incident:<id>}, {@code
 *       severity:<SEV>} (the severity at that moment), its {@link ExternalIds#eventTag} and the
 *       settings' tags.
 *   <li>The declaration becomes the impact window: a region from the impact start (the declared
 *       {@code impactStartedAt}, else the declaration) that is closed, by an update, at the first
 *       mitigation (or the resolution, if there was none); milestone edits of the impact start or
 *       the mitigation move it.
 *   <li>A correction of an annotated note, decision or action updates its annotation's text; a
 *       retraction of an annotated event deletes its annotation.
 * </ul>
 *
 * Texts lose control characters and credential-shaped values ({@link Redaction#credentials}) and
 * are cut at {@value #MAX_TEXT} characters.
 */
public final class AnnotationPlanner {
    /** Longest annotation text sent, in characters. */
    public static final int MAX_TEXT = 2000;

    private static final DateTimeFormatter HH_MM =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final GrafanaSettings settings;
    private final Map<UUID, Shown> shown = new HashMap<>();
    private String title = "";
    private Severity severity = Severity.SEV4;
    private UUID declaredId;
    private Instant declaredAt;
    private Instant impactStart;
    private Instant windowEnd;
    private UUID incidentId;

    /** An annotated event: its type, the words before its text, its annotation as last sent. */
    private record Shown(EventType type, String prefix, Annotation annotation) {}

    /** @param settings which event types go out, the dashboard and extra tags */
    public AnnotationPlanner(GrafanaSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Folds one event and returns the changes it makes.
     *
     * @param e the next event of the incident, in log order
     * @return the annotation changes to queue, in order; empty for most events
     */
    public List<AnnotationOp> next(Event e) {
        incidentId = e.incidentId().value();
        List<AnnotationOp> ops = new ArrayList<>();
        EventBody b = e.body();
        if (b instanceof HeaderEvent.IncidentDeclared d) {
            declare(e, d, ops);
        } else if (b instanceof HeaderEvent.SeverityChanged s) {
            severity = s.severity();
            point(e, "Severity " + s.severity(), s.text(), ops);
        } else if (b instanceof HeaderEvent.StatusChanged s) {
            point(e, "Status: " + s.status().label(), s.text(), ops);
        } else if (b instanceof HeaderEvent.Mitigated m) {
            point(e, "Mitigated", m.text(), ops);
            closeWindow(e.occurredAt(), ops);
        } else if (b instanceof HeaderEvent.Resolved r) {
            point(e, "Resolved", r.text(), ops);
            closeWindow(e.occurredAt(), ops);
        } else if (b instanceof TimelineEvent.Note n) {
            point(e, "Note", Optional.of(n.text()), ops);
        } else if (b instanceof TimelineEvent.Decision d) {
            point(e, "Decision", Optional.of(d.text()), ops);
        } else if (b instanceof TimelineEvent.ActionTaken a) {
            point(e, "Action", Optional.of(a.text()), ops);
        } else if (b instanceof TimelineEvent.EventCorrected c) {
            correct(c, ops);
        } else if (b instanceof TimelineEvent.EventRetracted r) {
            if (shown.remove(r.retractedEventId()) != null) {
                ops.add(new AnnotationOp.Delete(r.retractedEventId()));
            }
        } else if (b instanceof PostmortemEvent.MilestoneSet m) {
            moveWindow(m, ops);
        }
        return ops;
    }

    private void declare(Event e, HeaderEvent.IncidentDeclared d, List<AnnotationOp> ops) {
        title = d.title();
        severity = d.severity();
        declaredId = e.id();
        declaredAt = e.occurredAt();
        impactStart =
                d.impactStartedAt().filter(t -> t.isBefore(e.occurredAt())).orElse(e.occurredAt());
        if (settings.annotates(EventType.INCIDENT_DECLARED)) {
            Annotation a = annotation(e.id(), impactStart, Optional.empty(), windowText());
            shown.put(e.id(), new Shown(EventType.INCIDENT_DECLARED, "", a));
            ops.add(new AnnotationOp.Create(e.id(), a));
        }
    }

    private void point(Event e, String prefix, Optional<String> text, List<AnnotationOp> ops) {
        if (!settings.annotates(e.type())) {
            return;
        }
        Annotation a = annotation(e.id(), e.occurredAt(), Optional.empty(), join(prefix, text));
        shown.put(e.id(), new Shown(e.type(), prefix, a));
        ops.add(new AnnotationOp.Create(e.id(), a));
    }

    private void correct(TimelineEvent.EventCorrected c, List<AnnotationOp> ops) {
        Shown s = shown.get(c.correctedEventId());
        if (s == null || !s.type().isFreeText()) {
            return;
        }
        Annotation old = s.annotation();
        Annotation a = new Annotation(
                old.time(), old.timeEnd(), old.tags(), join(s.prefix(), Optional.of(c.text())), old.dashboardUid());
        shown.put(c.correctedEventId(), new Shown(s.type(), s.prefix(), a));
        ops.add(new AnnotationOp.Update(c.correctedEventId(), a));
    }

    /** The first mitigation (or a resolution without one) ends the impact window. */
    private void closeWindow(Instant at, List<AnnotationOp> ops) {
        if (windowEnd != null) {
            return;
        }
        windowEnd = at.isBefore(impactStartOr(at)) ? impactStartOr(at) : at;
        updateWindow(ops);
    }

    private void moveWindow(PostmortemEvent.MilestoneSet m, List<AnnotationOp> ops) {
        if (m.milestone() == Milestone.IMPACT_STARTED && declaredId != null) {
            impactStart = windowEnd != null && m.at().isAfter(windowEnd) ? windowEnd : m.at();
            updateWindow(ops);
        } else if (m.milestone() == Milestone.MITIGATED && declaredId != null) {
            windowEnd = m.at().isBefore(impactStart) ? impactStart : m.at();
            updateWindow(ops);
        }
    }

    private void updateWindow(List<AnnotationOp> ops) {
        Shown s = declaredId == null ? null : shown.get(declaredId);
        if (s == null) {
            return;
        }
        Annotation old = s.annotation();
        Annotation a = new Annotation(
                impactStart, Optional.ofNullable(windowEnd), old.tags(), windowText(), old.dashboardUid());
        shown.put(declaredId, new Shown(s.type(), s.prefix(), a));
        ops.add(new AnnotationOp.Update(declaredId, a));
    }

    private String windowText() {
        String t = "Incident: " + title + " (" + severity + "). Impact from " + HH_MM.format(impactStart)
                + (impactStart.equals(declaredAt) ? "" : ", declared " + HH_MM.format(declaredAt))
                + (windowEnd == null ? ", ongoing" : " until mitigated " + HH_MM.format(windowEnd));
        return clean(t);
    }

    private Instant impactStartOr(Instant fallback) {
        return impactStart == null ? fallback : impactStart;
    }

    private Annotation annotation(UUID eventId, Instant time, Optional<Instant> end, String text) {
        List<String> tags = new ArrayList<>();
        tags.add(TicketRequest.CONN_LABEL);
        tags.add("incident:" + incidentId);
        tags.add("severity:" + severity);
        tags.add(ExternalIds.eventTag(eventId));
        for (String t : settings.tags()) {
            if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        return new Annotation(time, end, tags, clean(text), settings.dashboard());
    }

    private static String join(String prefix, Optional<String> text) {
        return text.filter(t -> !t.isBlank())
                .map(t -> prefix + ": " + t.strip())
                .orElse(prefix);
    }

    private static String clean(String s) {
        String c = Redaction.credentials(ControlChars.visible(s)).strip();
        return c.length() > MAX_TEXT ? c.substring(0, MAX_TEXT - 3) + "..." : c;
    }
}
