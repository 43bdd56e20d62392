package dev.conn.command;

import dev.conn.incident.AckMethod;
import dev.conn.incident.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * Passing a role by hand-off with acknowledgement (ICS transfer of command: the holder keeps the
 * role until the incoming holder, briefed, accepts); decided by {@link HandoffDecider}.
 */
public sealed interface HandoffCommand extends PeopleCommand {

    /**
     * Offers a role from its holder to a responder, with a brief and a read-back code.
     *
     * @param role the role
     * @param fromResponderId the holder who hands off, for a role several hold (subject matter
     *     experts); empty for a role with one holder
     * @param toResponderId the receiver
     * @param code the code of a brief the holder previewed ({@link PeopleService#preview}), kept so
     *     the brief read aloud is the one the receiver reads back; empty for a fresh code
     */
    record Offer(Role role, Optional<String> fromResponderId, String toResponderId, Optional<ReadBackCode> code)
            implements HandoffCommand {
        /** @throws NullPointerException if the role or the receiver is null */
        public Offer {
            Objects.requireNonNull(role, "role");
            fromResponderId = fromResponderId == null ? Optional.empty() : fromResponderId;
            Objects.requireNonNull(toResponderId, "toResponderId");
            code = code == null ? Optional.empty() : code;
        }

        /**
         * @param role a role with one holder
         * @param toResponderId the receiver
         * @return the offer of that role by its holder, with a fresh code
         */
        public static Offer of(Role role, String toResponderId) {
            return new Offer(role, Optional.empty(), toResponderId, Optional.empty());
        }
    }

    /**
     * The receiver acknowledges a pending offer; the role passes to them at this instant.
     *
     * @param offerId the offer
     * @param method how the receiver acknowledged
     * @param spokenCode what the receiver read back; needed only for {@link AckMethod#READ_BACK}
     */
    record Acknowledge(String offerId, AckMethod method, Optional<String> spokenCode) implements HandoffCommand {
        /** @throws NullPointerException if the offer or the method is null */
        public Acknowledge {
            Objects.requireNonNull(offerId, "offerId");
            Objects.requireNonNull(method, "method");
            spokenCode = spokenCode == null ? Optional.empty() : spokenCode;
        }
    }

    /**
     * The receiver declines a pending offer; the holder keeps the role.
     *
     * @param offerId the offer
     * @param reason why, if given
     */
    record Decline(String offerId, Optional<String> reason) implements HandoffCommand {
        /** @throws NullPointerException if the offer is null */
        public Decline {
            Objects.requireNonNull(offerId, "offerId");
            reason = reason == null ? Optional.empty() : reason;
        }
    }

    /**
     * The holder takes a pending offer back and keeps the role.
     *
     * @param offerId the offer
     * @param reason why, if given
     */
    record Withdraw(String offerId, Optional<String> reason) implements HandoffCommand {
        /** @throws NullPointerException if the offer is null */
        public Withdraw {
            Objects.requireNonNull(offerId, "offerId");
            reason = reason == null ? Optional.empty() : reason;
        }
    }

    /**
     * Records the expiry of every offer whose ACK timeout has passed (the console's tick sends it;
     * every other people command records due expiries as part of its decision too).
     */
    record ExpireDue() implements HandoffCommand {}
}
