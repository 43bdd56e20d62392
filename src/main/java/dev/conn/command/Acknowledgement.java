package dev.conn.command;

import java.util.Objects;

/**
 * What {@link PeopleService.Result#acknowledgement} returns: the acknowledged hand-off and the announcement
 * to propose to the bridge.
 *
 * @param handoff the hand-off, in state {@link HandoffState#ACKNOWLEDGED}
 * @param announcement e.g. "Everyone, be advised: at 14:32 UTC command passed from A to B." (see
 *     {@link HandoffAnnouncement})
 */
public record Acknowledgement(Handoff handoff, String announcement) {
    /** @throws NullPointerException if any field is null */
    public Acknowledgement {
        Objects.requireNonNull(handoff, "handoff");
        Objects.requireNonNull(announcement, "announcement");
    }
}
