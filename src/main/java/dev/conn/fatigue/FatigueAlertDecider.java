package dev.conn.fatigue;

import dev.conn.incident.Decider;
import dev.conn.incident.Decision;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which fatigue alerts to record ({@code FATIGUE_ALERTED}): of the crossings a console
 * showed, those that are still crossings now under the {@link FatigueMonitor}'s arming rules (the
 * responder is still on duty) and that nobody has recorded yet, this console or another. Each is
 * recorded at the decision's instant, so {@link FatigueMonitor#alreadyAlerted} counts it from then
 * on. Pure: the duty events it reads and the clock are its only inputs.
 */
public final class FatigueAlertDecider implements Decider<AlertFatigue, FatigueAlertDecider.Read> {
    private final FatigueMonitor monitor;

    /**
     * The duty events read so far, in storage order; folded once, when the decision is made.
     *
     * @param events the events (mutable: {@link #evolve} adds to it)
     */
    public record Read(List<Event> events) {}

    /** @param monitor the thresholds and arming rules */
    public FatigueAlertDecider(FatigueMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public Set<EventType> reads() {
        return DutyLog.TYPES;
    }

    @Override
    public Read initial() {
        return new Read(new ArrayList<>());
    }

    @Override
    public Read evolve(Read state, Event event) {
        state.events().add(event);
        return state;
    }

    @Override
    public Decision decide(AlertFatigue command, Read state, Clock clock) {
        Instant now = clock.instant();
        DutyLog log = DutyLog.fold(state.events());
        Set<AlertKey> due = new HashSet<>();
        for (FatigueCrossing c : monitor.crossings(log, now, monitor.alreadyAlerted(log, now))) {
            due.add(c.key());
        }
        List<Decision.Draft> drafts = new ArrayList<>();
        for (FatigueCrossing c : command.crossings()) {
            if (due.remove(c.key())) {
                drafts.add(Decision.Draft.of(c.event()));
            }
        }
        return Decision.accept(drafts);
    }
}
