package dev.conn.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stretch of an open incident during which nobody was in command, for the persistent banner and
 * the postmortem. Half-open: {@code [start, end)}, in UTC.
 *
 * @param start when the gap began (UTC)
 * @param end when command was restored (UTC), or empty while the gap lasts
 * @param reason why there was no leader when the gap began
 */
public record LeaderlessInterval(Instant start, Optional<Instant> end, Reason reason) {

    /** Why the incident had no leader. */
    public enum Reason {
        /** Nobody holds the Incident Commander role. */
        NO_COMMANDER("nobody holds the Incident Commander role"),
        /** The Incident Commander left the response without handing off. */
        COMMANDER_LEFT("the Incident Commander left without a hand-off"),
        /** The Incident Commander is on a break without having handed off. */
        COMMANDER_ON_BREAK("the Incident Commander is on a break without a hand-off");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** @return a lower-case phrase for banners, e.g. "the Incident Commander left without a hand-off" */
        public String description() {
            return description;
        }
    }

    /**
     * @throws NullPointerException if any field is null
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public LeaderlessInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new IllegalArgumentException("a leaderless interval cannot end before it starts");
        }
    }

    /** @return true while the gap lasts (no end yet) */
    public boolean isOngoing() {
        return end.isEmpty();
    }

    /**
     * @param now the current instant (UTC), from the caller's clock; used only while ongoing
     * @return how long the gap lasted, or has lasted so far; never negative
     */
    public Duration length(Instant now) {
        Duration d = Duration.between(start, end.orElse(now));
        return d.isNegative() ? Duration.ZERO : d;
    }
}
