package dev.conn.postmortem;

import dev.conn.incident.Decision;
import dev.conn.incident.Milestone;
import dev.conn.incident.PostmortemEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides {@link PostmortemCommand.SetMilestone}: a milestone is set with a reason, never in the
 * future, and impact started stays the earliest milestone, so no TTx is ever negative. It reads
 * the events the milestones fold from ({@link Milestones#TYPES}). Pure.
 */
public final class MilestoneDecider extends PostmortemDecider<PostmortemCommand.SetMilestone> {
    /** How far ahead of the clock a milestone may be set, to absorb small clock differences. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(1);

    /** A decider for every incident. */
    public MilestoneDecider() {
        super(Milestones.TYPES);
    }

    @Override
    Decision decideDeclared(PostmortemCommand.SetMilestone c, PostmortemFold state, Clock clock) {
        Milestones now = state.milestones().orElseThrow();
        Optional<String> problem = problem(now, c.milestone(), c.at(), c.reason(), clock.instant());
        if (problem.isPresent()) {
            return Decision.refuse(problem.get());
        }
        return Decision.accept(new PostmortemEvent.MilestoneSet(
                c.milestone(), c.at(), c.reason().strip()));
    }

    /**
     * The one rule for setting a milestone, for the window, the CLI and import alike.
     *
     * @param current the incident's milestones now
     * @param milestone which milestone
     * @param at its instant (UTC)
     * @param reason why it is set or changed
     * @param now the current instant (UTC): the clock's, or for an imported edit its recording time
     * @return what is wrong, in words, or empty if the edit may be recorded
     */
    public static Optional<String> problem(
            Milestones current, Milestone milestone, Instant at, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            return Optional.of("Say why the " + milestone.label().toLowerCase(Locale.ROOT)
                    + " time is set or changed (the reason is kept on the record)");
        }
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return Optional.of(milestone.label() + " cannot be in the future (" + at + ")");
        }
        return current.violation(milestone, at);
    }
}
