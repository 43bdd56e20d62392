package dev.conn.command;

import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Role;
import dev.conn.incident.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The brief the outgoing holder gives the incoming one, as plain-text lines, following the ICS
 * transfer-of-command briefing (the ICS 201 incident briefing: situation, objectives and
 * priorities, current organisation, resources) with what the Google SRE book ch. 14 asks a
 * hand-off to carry: open tasks, recent decisions, and an explicit acknowledgement. It ends with
 * the read-back code the receiver reads back to acknowledge.
 *
 * <p>Sections, in order: a title line; SITUATION; OBJECTIVES AND PRIORITIES; CURRENT
 * ORGANISATION; OPEN TASKS; RECENT DECISIONS; RESOURCES; COMMUNICATION DEADLINES (only when a
 * {@link CommunicationDeadlines} source gives any); READ-BACK. All times are HH:mm in UTC, with
 * the date when not the day of the brief.
 *
 * @param lines the brief, one line per element, no line breaks inside
 */
public record HandoffBrief(List<String> lines) {

    /** How many of the latest decisions a brief lists. */
    public static final int RECENT_DECISIONS = 5;

    /** @throws NullPointerException if {@code lines} is null */
    public HandoffBrief {
        lines = List.copyOf(lines);
    }

    /**
     * What is handed off, and the code that proves the brief arrived.
     *
     * @param role the role handed off
     * @param from the holder's name
     * @param to the receiver's name
     * @param code the read-back code
     */
    public record Subject(Role role, String from, String to, ReadBackCode code) {
        /** @throws NullPointerException if any field is null */
        public Subject {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * A decision on the timeline, with corrections applied.
     *
     * @param at when it was made (UTC)
     * @param text what was decided, as last corrected
     */
    public record Decision(Instant at, String text) {
        /** @throws NullPointerException if any field is null */
        public Decision {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(text, "text");
        }
    }

    /** @return the lines joined with {@code \n}, ending with a line break */
    public String text() {
        return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
    }

    /**
     * The latest decisions of an incident: {@code DECISION} events in timeline order, with the text
     * of their latest {@code EVENT_CORRECTED} and without those an {@code EVENT_RETRACTED} withdrew.
     *
     * @param events every event of one incident, in any order
     * @param limit the most decisions to return
     * @return up to {@code limit} of the latest decisions, oldest first
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public static List<Decision> recentDecisions(Collection<Event> events, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Event.BY_OCCURRENCE);
        Map<UUID, Decision> decisions = new LinkedHashMap<>();
        Map<UUID, String> corrected = new LinkedHashMap<>();
        Set<UUID> retracted = new HashSet<>();
        for (Event e : sorted) {
            EventBody b = Bodies.of(e).orElse(null);
            if (b instanceof TimelineEvent.Decision d) {
                decisions.put(e.id(), new Decision(e.occurredAt(), d.text().strip()));
            } else if (b instanceof TimelineEvent.EventCorrected c) {
                corrected.put(c.correctedEventId(), c.text().strip());
            } else if (b instanceof TimelineEvent.EventRetracted r) {
                retracted.add(r.retractedEventId());
            }
        }
        List<Decision> out = new ArrayList<>();
        decisions.forEach((id, d) -> {
            if (!retracted.contains(id)) {
                out.add(corrected.containsKey(id) ? new Decision(d.at(), corrected.get(id)) : d);
            }
        });
        return List.copyOf(out.subList(Math.max(0, out.size() - limit), out.size()));
    }

    /**
     * Composes the brief. Pure: the same inputs give the same lines.
     *
     * @param subject what is handed off, from whom to whom, and the read-back code
     * @param incident the incident's header state
     * @param roster who is in the response and who holds which role
     * @param tasks the incident's check-back tasks; only open ones are listed, soonest first
     * @param decisions recent decisions, oldest first (see {@link #recentDecisions})
     * @param deadlines coming communication deadlines; the section is left out when empty
     * @param now the time of the brief (UTC), from the caller's clock
     * @return the brief
     */
    public static HandoffBrief compose(
            Subject subject,
            IncidentState incident,
            Roster roster,
            Collection<CheckBackTask> tasks,
            List<Decision> decisions,
            List<CommunicationDeadlines.Deadline> deadlines,
            Instant now) {
        List<String> out = new ArrayList<>();
        List<CheckBackTask> open = CheckBackTask.open(tasks);
        out.add("HAND-OFF BRIEF: " + subject.role().label() + ", from " + subject.from() + " to " + subject.to() + ", "
                + UtcTime.hhmm(now));

        out.add("SITUATION");
        out.add("- " + incident.title() + ": " + incident.severity() + ", "
                + incident.status().label());
        if (!incident.summary().isBlank()) {
            out.add("- " + incident.summary().strip());
        }
        out.add("- Impact since " + UtcTime.near(incident.impactStart(), now) + " ("
                + dev.conn.platform.text.TimeFormat.elapsed(incident.sinceImpactStart(now)) + ")"
                + incident.resolvedAt()
                        .map(t -> ", resolved at " + UtcTime.near(t, now))
                        .orElse(incident.mitigatedAt()
                                .map(t -> ", mitigated at " + UtcTime.near(t, now))
                                .orElse(", not mitigated")));

        out.add("OBJECTIVES AND PRIORITIES");
        out.addAll(objectives(incident, roster, open, now));

        out.add("CURRENT ORGANISATION");
        out.addAll(organisation(roster, now));

        out.add("OPEN TASKS");
        if (open.isEmpty()) {
            out.add("- None");
        }
        for (CheckBackTask t : open) {
            out.add("- " + t.person() + ": " + t.text() + ". Check back " + UtcTime.near(t.checkBackAt(), now) + " ("
                    + (t.isOverdue(now)
                            ? "OVERDUE by " + UtcTime.minutes(t.overdueBy(now))
                            : "in " + UtcTime.minutes(t.remaining(now)))
                    + (t.state() == TaskState.ACKNOWLEDGED ? ", acknowledged" : ", not acknowledged yet") + ")");
        }

        out.add("RECENT DECISIONS");
        if (decisions.isEmpty()) {
            out.add("- None recorded");
        }
        for (Decision d : decisions) {
            out.add("- " + UtcTime.near(d.at(), now) + " " + d.text());
        }

        out.add("RESOURCES");
        out.addAll(resources(roster, now));

        if (!deadlines.isEmpty()) {
            out.add("COMMUNICATION DEADLINES");
            for (CommunicationDeadlines.Deadline d : deadlines) {
                Duration left = Duration.between(now, d.dueAt());
                out.add("- " + d.what() + ": due " + UtcTime.near(d.dueAt(), now) + " ("
                        + (left.isNegative() || left.isZero()
                                ? "OVERDUE by " + UtcTime.minutes(left.negated())
                                : "in " + UtcTime.minutes(left))
                        + ")");
            }
        }

        out.add("READ-BACK");
        out.add("- To acknowledge, " + subject.to() + " reads back the code "
                + subject.code().value());
        return new HandoffBrief(out);
    }

    private static List<String> objectives(
            IncidentState incident, Roster roster, List<CheckBackTask> open, Instant now) {
        List<String> out = new ArrayList<>();
        roster.currentLeaderlessInterval()
                .ifPresent(gap -> out.add("Restore command: nobody has been in command since "
                        + UtcTime.near(gap.start(), now) + " (" + gap.reason().description() + ")"));
        if (incident.resolvedAt().isPresent()) {
            out.add("Resolved: hand over the follow-up (postmortem, action items)");
        } else if (incident.mitigatedAt().isPresent()) {
            out.add("Impact is mitigated: watch for recurrence, then resolve");
        } else {
            out.add("Stop the impact: restore service first, find the root cause later, keep the evidence");
        }
        List<CheckBackTask> overdue =
                open.stream().filter(t -> t.isOverdue(now)).toList();
        if (!overdue.isEmpty()) {
            out.add("Chase " + overdue.size() + " overdue check-back" + (overdue.size() == 1 ? "" : "s") + ": "
                    + overdue.stream().map(CheckBackTask::person).distinct().collect(Collectors.joining(", ")));
        }
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            numbered.add((i + 1) + ". " + out.get(i));
        }
        return numbered;
    }

    private static List<String> organisation(Roster roster, Instant now) {
        List<String> out = new ArrayList<>();
        for (Role role : Role.values()) {
            List<RoleHolder> hs = roster.holders(role);
            if (hs.isEmpty()) {
                out.add("- " + role.label() + ": nobody");
            } else if (role.isCommand()) {
                RoleHolder ic = hs.get(0);
                out.add("- " + role.label() + ": " + ic.person() + " since " + UtcTime.near(ic.since(), now)
                        + presence(roster, ic));
            } else {
                out.add("- " + role.label() + ": "
                        + hs.stream()
                                .map(h -> h.person() + (h.byDefault() ? " (IC, not delegated)" : presence(roster, h)))
                                .collect(Collectors.joining(", ")));
            }
        }
        roster.nextCommander().ifPresent(n -> out.add("- Next IC: " + n.person()));
        return out;
    }

    private static String presence(Roster roster, RoleHolder h) {
        return roster.responderOf(h)
                .filter(r -> !r.isOnDuty())
                .map(r -> " (" + r.presence().label() + ")")
                .orElse("");
    }

    private static List<String> resources(Roster roster, Instant now) {
        List<String> out = new ArrayList<>();
        List<String> onDuty = new ArrayList<>();
        List<String> onBreak = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (Responder r : roster.responders()) {
            switch (r.presence()) {
                case ON_DUTY -> onDuty.add(r.name() + contact(r));
                case ON_BREAK -> onBreak.add(r.name() + contact(r) + " since " + UtcTime.near(r.since(), now));
                case LEFT -> left.add(r.name() + " at " + UtcTime.near(r.since(), now));
            }
        }
        out.add("- On duty: " + (onDuty.isEmpty() ? "nobody listed" : String.join(", ", onDuty)));
        if (!onBreak.isEmpty()) {
            out.add("- On break: " + String.join(", ", onBreak));
        }
        if (!left.isEmpty()) {
            out.add("- Left: " + String.join(", ", left));
        }
        return out;
    }

    private static String contact(Responder r) {
        List<String> parts = new ArrayList<>();
        r.handle().ifPresent(parts::add);
        r.timeZone().ifPresent(z -> parts.add(z.getId()));
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
}
