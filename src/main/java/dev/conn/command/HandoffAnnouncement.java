package dev.conn.command;

import dev.conn.incident.Role;
import java.time.Instant;

/**
 * The announcement Conn proposes after a hand-off is acknowledged, so everyone on the bridge knows
 * who leads (Google SRE book ch. 14: make the hand-off of command explicit and announce it; ICS
 * transfer of command: notify all personnel of the change).
 */
public final class HandoffAnnouncement {
    private HandoffAnnouncement() {}

    /**
     * @param handoff an acknowledged hand-off
     * @return e.g. "Everyone, be advised: at 14:32 UTC command passed from A to B."
     * @throws IllegalArgumentException if the hand-off is not acknowledged
     */
    public static String afterAcknowledgement(Handoff handoff) {
        Instant at = handoff.acknowledgedAt()
                .orElseThrow(() -> new IllegalArgumentException("Only an acknowledged hand-off is announced"));
        return text(handoff.role(), handoff.from(), handoff.to(), at);
    }

    /**
     * @param role the role that passed
     * @param from the previous holder's name
     * @param to the new holder's name
     * @param at when it passed (the acknowledgement time), shown as HH:mm in UTC
     * @return "Everyone, be advised: at 14:32 UTC command passed from A to B." for the incident
     *     commander; "... the Scribe role passed from A to B." for other roles
     */
    public static String text(Role role, String from, String to, Instant at) {
        String what = role.isCommand() ? "command" : "the " + role.label() + " role";
        return "Everyone, be advised: at " + UtcTime.hhmm(at) + " " + what + " passed from " + from + " to " + to + ".";
    }
}
