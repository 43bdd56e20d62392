package dev.conn.timeline;

import dev.conn.incident.CommandEvent;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.ImpactEvent;
import dev.conn.incident.MalformedEventException;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.Role;
import dev.conn.incident.TimelineEvent;
import dev.conn.platform.text.TimeFormat;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one-line text of an event as the timeline and the exports show it, read from its typed
 * body. Values the codec reads leniently (a severity stored as {@code sev1}, a status as {@code
 * ident}, a role, an acknowledgement method, a fatigue level, a milestone, an action item's status)
 * show as they were stored, as earlier versions showed them, so an old incident exports byte for
 * byte as it did. An event whose stored payload does not fit its type (only hand-written data ever
 * held one) is described from its stored fields by {@link StoredEntryText}. Pure.
 */
final class EntryText {
    private EntryText() {}

    /**
     * @param e an event
     * @return its description, e.g. "Status: identified. Bad deploy of payments-api"
     */
    static String of(Event e) {
        return of(e, id -> Optional.empty());
    }

    /**
     * @param e an event
     * @param tasks the assignment of a task by its id, from the same log, so a task's outcome
     *     says which task it is (issue 14 item 11); empty if unknown
     * @return its description
     */
    static String of(Event e, Function<String, Optional<CommandEvent.TaskAssigned>> tasks) {
        EventBody body;
        try {
            body = e.body();
        } catch (MalformedEventException unreadable) {
            return StoredEntryText.of(e);
        }
        if (body instanceof HeaderEvent h) {
            return header(h, e);
        }
        if (body instanceof TimelineEvent t) {
            return timeline(t, e);
        }
        if (body instanceof CommandEvent c) {
            return people(c, e, tasks);
        }
        if (body instanceof CommsEvent c) {
            return comms(c, e);
        }
        if (body instanceof ImpactEvent i) {
            return impact(i, e);
        }
        if (body instanceof dev.conn.incident.IntegrationEvent i) {
            return IntegrationText.of(i);
        }
        return postmortem((PostmortemEvent) body, e);
    }

    private static String header(HeaderEvent h, Event e) {
        if (h instanceof HeaderEvent.IncidentDeclared d) {
            return "Declared " + stored(e, "severity", d.severity().name()) + ": " + d.title()
                    + d.summary().map(s -> ". " + s).orElse("")
                    + ". Incident commander: " + d.commander().orElse(e.author());
        }
        if (h instanceof HeaderEvent.SeverityChanged s) {
            return "Severity changed to " + stored(e, "severity", s.severity().name()) + suffix(s.text());
        }
        if (h instanceof HeaderEvent.StatusChanged s) {
            return "Status: " + stored(e, "status", s.status().label()) + suffix(s.text());
        }
        if (h instanceof HeaderEvent.Mitigated m) {
            return "Impact mitigated" + suffix(m.text());
        }
        return "Incident resolved" + suffix(((HeaderEvent.Resolved) h).text());
    }

    private static String timeline(TimelineEvent t, Event e) {
        String text = t instanceof TimelineEvent.Entry entry
                ? entry.text()
                : t instanceof TimelineEvent.EventCorrected c ? c.text() : "";
        if (t instanceof TimelineEvent.EntryStarred s) {
            return (s.starred() ? "Starred" : "Unstarred") + " entry " + s.entryId();
        }
        return text.isBlank() ? e.type().label() : text;
    }

    private static String people(CommandEvent c, Event e, Function<String, Optional<CommandEvent.TaskAssigned>> tasks) {
        if (c instanceof CommandEvent.ResponderJoined j) {
            return j.name() + " joined the response"
                    + j.handle().map(h -> " (" + h + ")").orElse("");
        }
        if (c instanceof CommandEvent.ResponderLeft l) {
            return l.person().orElse("A responder") + " left the response";
        }
        if (c instanceof CommandEvent.BreakStarted b) {
            return b.person().orElse("A responder") + " started a break";
        }
        if (c instanceof CommandEvent.BreakEnded b) {
            return b.person().orElse("A responder") + " is back from a break";
        }
        if (c instanceof CommandEvent.RoleAssigned r) {
            return r.person() + " assigned as " + role(e, r.role());
        }
        if (c instanceof CommandEvent.NextIcDesignated n) {
            return n.person() + " designated next incident commander";
        }
        if (c instanceof CommandEvent.HandoffOffered o) {
            return o.from() + " offered " + role(e, o.role()) + " to " + o.to() + " (read-back code " + o.readBackCode()
                    + ")";
        }
        if (c instanceof CommandEvent.HandoffAcknowledged a) {
            return role(e, a.role()) + " handed to " + a.to()
                    + ackMethod(stored(e, "method", a.method().name()))
                    + suffix(StoredEntryText.stored(e, "text"));
        }
        if (c instanceof CommandEvent.HandoffDeclined d) {
            return "Hand-off declined" + d.reason().map(r -> ": " + r).orElse("");
        }
        if (c instanceof CommandEvent.HandoffWithdrawn w) {
            return "Hand-off offer withdrawn" + w.reason().map(r -> ": " + r).orElse("");
        }
        if (c instanceof CommandEvent.HandoffExpired) {
            return "Hand-off offer expired without acknowledgement; the holder keeps the role";
        }
        if (c instanceof CommandEvent.TaskAssigned t) {
            return "Task for " + t.person() + ": " + t.text() + " (check back by "
                    + TimeFormat.utcMinutes(t.checkBackAt()) + ")";
        }
        if (c instanceof CommandEvent.TaskAcknowledged a) {
            return tasks.apply(a.taskId())
                    .map(t -> "Task acknowledged by " + t.person() + ": " + t.text())
                    .orElse("Task acknowledged by its assignee");
        }
        if (c instanceof CommandEvent.TaskDone d) {
            return "Task done" + which(tasks, d.taskId()) + suffix(d.text());
        }
        if (c instanceof CommandEvent.TaskCancelled t) {
            return "Task cancelled" + which(tasks, t.taskId())
                    + t.reason().map(r -> ": " + r).orElse("");
        }
        CommandEvent.FatigueAlerted f = (CommandEvent.FatigueAlerted) c;
        return "Fatigue: " + f.person() + ", "
                + words(stored(e, "level", f.level().name()));
    }

    private static String comms(CommsEvent c, Event e) {
        if (c instanceof CommsEvent.ChecklistItemDone d) {
            return "Checklist: " + d.title() + " done";
        }
        if (c instanceof CommsEvent.ChecklistItemSkipped s) {
            return "Checklist: " + s.title() + " skipped (" + s.reason() + ")";
        }
        if (c instanceof CommsEvent.ChecklistItemSnoozed s) {
            return "Checklist: " + s.title() + " snoozed until "
                    + toTheSecond(stored(e, "until", s.until().toString()));
        }
        if (c instanceof CommsEvent.MessageQueued q) {
            return "Message queued to " + q.channels() + ": " + q.subject();
        }
        if (c instanceof CommsEvent.MessageSent s && IntegrationText.sent(s).isPresent()) {
            return IntegrationText.sent(s).get();
        }
        if (c instanceof CommsEvent.MessageSent s) {
            return "Message sent via " + s.channel() + " at "
                    + toTheSecond(stored(e, "sentAt", s.sentAt().toString()))
                    + (s.markedByUser().orElse(false) ? " (marked sent by user)" : "");
        }
        if (c instanceof CommsEvent.MessageFailed f) {
            return "Message via " + f.channel() + " failed: " + f.reason();
        }
        CommsEvent.MessageDeliveryUnknown u = (CommsEvent.MessageDeliveryUnknown) c;
        return "Message via " + u.channel() + ": delivery unknown ("
                + u.reason().orElse("Conn stopped mid-send") + "); resend or mark sent";
    }

    private static String impact(ImpactEvent i, Event e) {
        if (i instanceof ImpactEvent.ImpactQuerySet q) {
            return "Impact query \"" + q.name() + "\": " + q.query()
                    + q.threshold()
                            .map(t -> " (threshold " + stored(e, "threshold", t.toString())
                                    + q.unit().orElse("") + ")")
                            .orElse("");
        }
        if (i instanceof ImpactEvent.ImpactQueryRemoved) {
            return "Impact query removed";
        }
        ImpactEvent.MetricSnapshot s = (ImpactEvent.MetricSnapshot) i;
        return "Snapshot of \"" + s.name() + "\""
                + s.fetchedAt()
                        .map(t -> ", data as of " + toTheSecond(stored(e, "fetchedAt", t.toString())))
                        .orElse("");
    }

    private static String postmortem(PostmortemEvent p, Event e) {
        if (p instanceof PostmortemEvent.MilestoneSet m) {
            return "Milestone " + words(stored(e, "milestone", m.milestone().name())) + " set to "
                    + toTheSecond(stored(e, "at", m.at().toString())) + ". " + m.reason();
        }
        if (p instanceof PostmortemEvent.IncidentTagged t) {
            return "Tagged: services " + joined(t.services()) + "; root-cause categories " + joined(t.categories());
        }
        if (p instanceof PostmortemEvent.ActionItemAdded a) {
            return "Action item: " + a.text();
        }
        if (p instanceof PostmortemEvent.ActionItemUpdated u) {
            return "Action item updated"
                    + u.status().map(st -> ": " + st.name()).orElse("")
                    + u.ticket().map(t -> ": ticket " + t).orElse("");
        }
        if (p instanceof PostmortemEvent.PostmortemHeaderSet h) {
            return "Postmortem header: " + h.status().label()
                    + h.date().map(d -> ", dated " + d).orElse("")
                    + (h.authors().isEmpty() ? "" : ", by " + String.join(", ", h.authors()))
                    + (h.reviewers().isEmpty() ? "" : ", reviewed by " + String.join(", ", h.reviewers()));
        }
        PostmortemEvent.PostmortemFieldSet f = (PostmortemEvent.PostmortemFieldSet) p;
        return postmortemField(f.field(), f.text());
    }

    private static final java.util.regex.Pattern ROOT_CAUSE =
            java.util.regex.Pattern.compile("rootCause\\.(\\d+)(?:\\.why\\.(\\d)|\\.(elsewhere))?");

    /**
     * A postmortem edit in words, never its stored key or an event id (issue 14 item 11); the
     * section names are the postmortem tab's ({@code dev.conn.postmortem.PostmortemField}).
     *
     * @param key the stored field key, e.g. {@code rootCause.1.why.5}
     * @param text the text it was set to
     * @return e.g. "Postmortem edited: root cause 1, why 5"
     */
    static String postmortemField(String key, String text) {
        String section =
                switch (key) {
                    case "summary" -> "summary";
                    case "impact" -> "impact";
                    case "trigger" -> "trigger";
                    case "resolution" -> "resolution";
                    case "detection" -> "detection";
                    case "wentWell" -> "what went well";
                    case "wentWrong" -> "what went wrong";
                    case "gotLucky" -> "where we got lucky";
                    case "supporting" -> "supporting information";
                    default -> null;
                };
        if (section != null) {
            return "Postmortem edited: " + section;
        }
        java.util.regex.Matcher m = ROOT_CAUSE.matcher(key);
        if (m.matches()) {
            String cause = "root cause " + m.group(1);
            return "Postmortem edited: "
                    + (m.group(2) != null
                            ? cause + ", why " + m.group(2)
                            : m.group(3) != null ? cause + ", where else it could happen" : cause);
        }
        if (key.startsWith("cleanup.")) {
            String decision = text == null || text.isBlank() ? "" : ": " + words(text.strip());
            return "Postmortem: clean-up of a change to production decided" + decision;
        }
        return "Postmortem edited";
    }

    /** @return ": the task's text (its assignee)", or "" if the assignment is not in the log */
    private static String which(Function<String, Optional<CommandEvent.TaskAssigned>> tasks, String taskId) {
        return tasks.apply(taskId)
                .map(t -> ": " + t.text() + " (" + t.person() + ")")
                .orElse("");
    }

    /**
     * @param stored an instant as stored, e.g. {@code 2026-12-05T18:53:18.494637321Z}
     * @return it to the second ({@code 2026-12-05T18:53:18Z}); a value that is not an instant, or
     *     already whole seconds, unchanged (so old exports stay as they were)
     */
    static String toTheSecond(String stored) {
        try {
            Instant t = Instant.parse(stored);
            return t.getNano() == 0 ? stored : t.truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException notAnInstant) {
            return stored;
        }
    }

    private static String suffix(Optional<String> text) {
        return text.filter(t -> !t.isBlank()).map(t -> ". " + t).orElse("");
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }

    /** @return an enum name in words: {@code BREAK_SUGGESTED} → "break suggested" */
    static String words(String name) {
        return name.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** @return the value as stored, or the typed value's name if the stored field is missing */
    private static String stored(Event e, String field, String typed) {
        return StoredEntryText.stored(e, field).orElse(typed);
    }

    private static String role(Event e, Role role) {
        String r = words(stored(e, "role", role.name()));
        return r.isEmpty() ? "role" : r;
    }

    /** @return how an acknowledgement was made, from the stored method name ("" if unknown) */
    private static String ackMethod(String method) {
        return switch (method) {
            case "READ_BACK" -> " (read back the code)";
            case "IN_PERSON" -> " (confirmed in person)";
            case "VOICE_WITHOUT_CODE" -> " (voice, without code: weaker)";
            default -> "";
        };
    }
}
