package dev.conn.command;

import java.util.Objects;

/**
 * What {@link PeopleService.Result#offer} returns: the pending hand-off and the brief to give the
 * receiver, which ends with the read-back code.
 *
 * @param handoff the offer, in state {@link HandoffState#OFFERED}
 * @param brief the hand-off brief as recorded in the offer
 */
public record HandoffOffer(Handoff handoff, HandoffBrief brief) {
    /** @throws NullPointerException if any field is null */
    public HandoffOffer {
        Objects.requireNonNull(handoff, "handoff");
        Objects.requireNonNull(brief, "brief");
    }

    /** @return the read-back code the receiver must read back */
    public ReadBackCode code() {
        return handoff.readBackCode();
    }
}
