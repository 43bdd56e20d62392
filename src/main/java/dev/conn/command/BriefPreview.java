package dev.conn.command;

import java.util.Objects;

/**
 * A hand-off brief shown to the holder before the offer ({@link PeopleService#preview}); pass its
 * code in {@link HandoffCommand.Offer} so the offer carries the brief that was read aloud.
 *
 * @param brief the brief as it would be sent
 * @param code its read-back code
 */
public record BriefPreview(HandoffBrief brief, ReadBackCode code) {
    /** @throws NullPointerException if a field is null */
    public BriefPreview {
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(code, "code");
    }
}
