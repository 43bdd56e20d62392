package dev.conn.comms;

import dev.conn.command.CommunicationDeadlines;
import dev.conn.incident.Audience;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentState;
import dev.conn.settings.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Feeds the hand-off brief with the coming communication deadlines of the {@link CommsPlan}: every
 * open checklist item with a deadline and every audience countdown, soonest first. It folds and
 * evaluates exactly as the Comms tab does ({@link CommsFold}, {@link CommsSchedule}), over the
 * events of {@link #reads()}, which the hand-off decider reads with the people events; so the
 * brief never calls overdue what the Comms tab shows done. Pure.
 */
public final class CommsDeadlines implements CommunicationDeadlines {
    private final Policy.Comms policy;

    /** @param policy the comms section of the policy */
    public CommsDeadlines(Policy.Comms policy) {
        this.policy = policy;
    }

    /** @return the event types the plan reads ({@link CommsFold#PLAN_TYPES}) */
    @Override
    public Set<EventType> reads() {
        return CommsFold.PLAN_TYPES;
    }

    @Override
    public List<Deadline> upcoming(IncidentState incident, List<Event> events, Instant now) {
        CommsPlan plan = CommsPlan.evaluate(policy, events, now);
        List<Deadline> out = new ArrayList<>();
        for (ChecklistItem i : plan.checklist()) {
            if (i.state().isOpen()) {
                i.dueAt().ifPresent(d -> out.add(new Deadline(i.title(), d)));
            }
        }
        for (AudienceCountdown c : plan.countdowns()) {
            c.dueAt().ifPresent(d -> out.add(new Deadline("Next update: " + audienceLabel(c.audience()), d)));
        }
        out.sort(Comparator.comparing(Deadline::dueAt));
        return out;
    }

    /**
     * @param a an audience
     * @return its label as shown to the user, e.g. "Status page"
     */
    public static String audienceLabel(Audience a) {
        return switch (a) {
            case RESPONDERS -> "Responders and leadership";
            case STATUS_PAGE -> "Status page";
            case STAKEHOLDERS -> "Stakeholders";
            case STATE_SUMMARY -> "State summary";
        };
    }
}
