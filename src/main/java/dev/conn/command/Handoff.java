package dev.conn.command;

import dev.conn.incident.AckMethod;
import dev.conn.incident.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One hand-off of a role, as a pure state machine over its events and a clock:
 * {@code OFFERED -> ACKNOWLEDGED | DECLINED | EXPIRED | WITHDRAWN}. The holder offers; the role
 * stays with the holder until the receiver acknowledges (ICS transfer of command: command passes
 * only once the incoming commander has been briefed and accepts). An offer not acknowledged
 * within the policy's ACK timeout ({@code Policy.Handoff#ackTimeout()}, default 5 min) is expired
 * from that moment on, even before a {@code HANDOFF_EXPIRED} event is recorded.
 *
 * <p>Values are immutable; each transition returns the next value or throws, and never checks
 * anything but the offer itself (who may receive it is {@link HandoffDecider}'s business).
 *
 * @param offerId the {@code offerId} shared by the offer and its outcome
 * @param role the role handed off
 * @param from the holder's display name when offered
 * @param fromId the holder's responder id, if known
 * @param to the receiver's display name
 * @param toId the receiver's responder id
 * @param readBackCode the code on the brief
 * @param brief the brief text as sent, or empty
 * @param offeredAt when offered (UTC)
 * @param expiresAt when the ACK timeout passes (UTC): {@code offeredAt} plus the policy timeout
 * @param recordedState the state the log records; see {@link #stateAt(Instant)} for the state at a
 *     given time
 * @param closedAt when the recorded final state was reached (UTC); empty while recorded as offered
 * @param method how it was acknowledged, if it was
 * @param reason the reason given for a decline or withdrawal, if any
 */
public record Handoff(
        String offerId,
        Role role,
        String from,
        Optional<String> fromId,
        String to,
        String toId,
        ReadBackCode readBackCode,
        String brief,
        Instant offeredAt,
        Instant expiresAt,
        HandoffState recordedState,
        Optional<Instant> closedAt,
        Optional<AckMethod> method,
        Optional<String> reason) {

    /**
     * @throws NullPointerException if any field is null
     * @throws IllegalArgumentException if {@code expiresAt} is before {@code offeredAt}, or
     *     {@code closedAt} is present exactly when the recorded state is {@link
     *     HandoffState#OFFERED}
     */
    public Handoff {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(toId, "toId");
        Objects.requireNonNull(readBackCode, "readBackCode");
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(offeredAt, "offeredAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(recordedState, "recordedState");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reason, "reason");
        if (expiresAt.isBefore(offeredAt)) {
            throw new IllegalArgumentException("a hand-off cannot expire before it is offered");
        }
        if (closedAt.isPresent() != recordedState.isFinal()) {
            throw new IllegalArgumentException("closedAt must be given exactly for a final state");
        }
    }

    /**
     * A new offer, pending until {@code offeredAt + ackTimeout}.
     *
     * @param offerId a fresh id
     * @param role the role handed off
     * @param from the holder's display name
     * @param fromId the holder's responder id, if known
     * @param to the receiver's display name
     * @param toId the receiver's responder id
     * @param code the read-back code on the brief
     * @param brief the brief text
     * @param offeredAt when offered (UTC)
     * @param ackTimeout the policy ACK timeout; positive
     * @return the offer in state {@link HandoffState#OFFERED}
     * @throws IllegalArgumentException if {@code ackTimeout} is not positive
     */
    public static Handoff offer(
            String offerId,
            Role role,
            String from,
            Optional<String> fromId,
            String to,
            String toId,
            ReadBackCode code,
            String brief,
            Instant offeredAt,
            Duration ackTimeout) {
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("The hand-off ACK timeout must be positive, not " + ackTimeout);
        }
        return new Handoff(
                offerId,
                role,
                from,
                fromId,
                to,
                toId,
                code,
                brief,
                offeredAt,
                offeredAt.plus(ackTimeout),
                HandoffState.OFFERED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * The state at a given time, read off the log: from {@link #closedAt()} on, the recorded final
     * state; before it, offered until {@link #expiresAt()} and {@link HandoffState#EXPIRED} from
     * then on (inclusive). A time before {@link #offeredAt()} (a console whose clock runs behind)
     * counts as the offer time.
     *
     * @param now the instant to evaluate at (UTC), from the caller's clock
     * @return the state then
     */
    public HandoffState stateAt(Instant now) {
        // another console's clock may run a little behind: before the offer, it is just offered
        Instant at = now.isBefore(offeredAt) ? offeredAt : now;
        if (closedAt.isPresent() && !at.isBefore(closedAt.get())) {
            return recordedState;
        }
        return at.isBefore(expiresAt) ? HandoffState.OFFERED : HandoffState.EXPIRED;
    }

    /**
     * @param now the instant to evaluate at (UTC)
     * @return true if the offer waits for an acknowledgement at {@code now}
     */
    public boolean isPendingAt(Instant now) {
        return stateAt(now) == HandoffState.OFFERED;
    }

    /**
     * @param now the instant to evaluate at (UTC)
     * @return true if the offer has expired by time but no {@code HANDOFF_EXPIRED} is recorded
     *     yet: the service should record one (and the alarm sound)
     */
    public boolean isDueForExpiry(Instant now) {
        return recordedState == HandoffState.OFFERED && stateAt(now) == HandoffState.EXPIRED;
    }

    /**
     * @param now the instant to evaluate at (UTC)
     * @return time left to acknowledge, for the countdown; zero once not pending
     */
    public Duration remainingAt(Instant now) {
        if (!isPendingAt(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, expiresAt);
    }

    /** @return the time the role passed to the receiver, if acknowledged */
    public Optional<Instant> acknowledgedAt() {
        return recordedState == HandoffState.ACKNOWLEDGED ? closedAt : Optional.empty();
    }

    /**
     * The receiver acknowledges. With {@link AckMethod#READ_BACK} the spoken code must match the
     * brief's code (see {@link ReadBackCode#matches(String)}); the other methods need no code.
     *
     * @param how how the receiver acknowledged
     * @param spokenCode what the receiver read back; needed only for {@link AckMethod#READ_BACK},
     *     may be null otherwise
     * @param at the acknowledgement time (UTC): the role passes at this instant
     * @return the acknowledged hand-off
     * @throws IllegalStateException if the offer is not pending at {@code at} (acknowledged,
     *     declined, withdrawn, or expired, by event or by time)
     * @throws IllegalArgumentException if the method is READ_BACK and the code is missing or wrong
     */
    public Handoff acknowledge(AckMethod how, String spokenCode, Instant at) {
        Objects.requireNonNull(how, "how");
        requirePending("acknowledge", at);
        if (how == AckMethod.READ_BACK) {
            if (spokenCode == null || spokenCode.isBlank()) {
                throw new IllegalArgumentException(
                        "Read back the code on the brief, or acknowledge in person or by voice without the code");
            }
            if (!readBackCode.matches(spokenCode)) {
                throw new IllegalArgumentException("'" + spokenCode.strip()
                        + "' is not the code on the brief; the hand-off is still pending. Read the code back again,"
                        + " or acknowledge in person");
            }
        }
        return close(HandoffState.ACKNOWLEDGED, at, Optional.of(how), Optional.empty());
    }

    /**
     * The receiver declines; the holder keeps the role.
     *
     * @param why the reason, if given
     * @param at when (UTC)
     * @return the declined hand-off
     * @throws IllegalStateException if the offer is not pending at {@code at}
     */
    public Handoff decline(Optional<String> why, Instant at) {
        requirePending("decline", at);
        return close(HandoffState.DECLINED, at, Optional.empty(), why);
    }

    /**
     * The holder takes the offer back; the holder keeps the role.
     *
     * @param why the reason, if given
     * @param at when (UTC)
     * @return the withdrawn hand-off
     * @throws IllegalStateException if the offer is not pending at {@code at}
     */
    public Handoff withdraw(Optional<String> why, Instant at) {
        requirePending("withdraw", at);
        return close(HandoffState.WITHDRAWN, at, Optional.empty(), why);
    }

    /**
     * Records the expiry of an offer whose timeout has passed. The expiry time is
     * {@link #expiresAt()}, whenever it is noticed.
     *
     * @param now the current instant (UTC); at or after {@link #expiresAt()}
     * @return the expired hand-off, closed at {@link #expiresAt()}
     * @throws IllegalStateException if the offer is recorded in a final state already, or its
     *     timeout has not passed at {@code now}
     */
    public Handoff expire(Instant now) {
        if (recordedState.isFinal()) {
            throw new IllegalStateException(refusal("expire", now));
        }
        if (now.isBefore(expiresAt)) {
            throw new IllegalStateException("The hand-off of the " + role.label() + " role to " + to
                    + " is pending until " + UtcTime.hhmm(expiresAt) + "; it cannot expire before then");
        }
        return close(HandoffState.EXPIRED, expiresAt, Optional.empty(), Optional.empty());
    }

    /**
     * Applies an outcome read from the log, without the checks of the transitions: the log is
     * trusted, and only the first outcome of an offer counts.
     */
    Handoff closedByEvent(HandoffState state, Instant at, Optional<AckMethod> how, Optional<String> why) {
        if (recordedState.isFinal()) {
            return this;
        }
        return close(state, at, how, why);
    }

    private Handoff close(HandoffState state, Instant at, Optional<AckMethod> how, Optional<String> why) {
        return new Handoff(
                offerId,
                role,
                from,
                fromId,
                to,
                toId,
                readBackCode,
                brief,
                offeredAt,
                expiresAt,
                state,
                Optional.of(at),
                how,
                why);
    }

    private void requirePending(String verb, Instant at) {
        if (!isPendingAt(at)) {
            throw new IllegalStateException(refusal(verb, at));
        }
    }

    private String refusal(String verb, Instant at) {
        String what = "the hand-off of the " + role.label() + " role from " + from + " to " + to;
        String still = "; " + from + " still holds the role";
        String why =
                switch (stateAt(at)) {
                    case ACKNOWLEDGED -> what + " was already acknowledged at "
                            + UtcTime.near(closedAt.orElseThrow(), at);
                    case DECLINED -> what + " was declined at " + UtcTime.near(closedAt.orElseThrow(), at) + still;
                    case WITHDRAWN -> what + " was withdrawn at " + UtcTime.near(closedAt.orElseThrow(), at) + still;
                    case EXPIRED -> what + " expired at " + UtcTime.near(closedAt.orElse(expiresAt), at)
                            + " (not acknowledged within "
                            + UtcTime.minutes(Duration.between(offeredAt, expiresAt)) + ")" + still
                            + ". Offer it again";
                    case OFFERED -> what + " is still pending";
                    case SUPERSEDED -> what + " was " + reason.orElse("superseded by another offer of the role")
                            + still;
                };
        return "Cannot " + verb + ": " + why + ".";
    }
}
