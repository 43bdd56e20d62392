package dev.conn.incident;

import static dev.conn.incident.EventBody.opt;
import static dev.conn.incident.EventBody.required;

import java.time.Instant;
import java.util.Optional;

/**
 * Who is responding and in which role: responders, breaks, roles, hand-offs with read-back codes,
 * time-boxed check-back tasks and fatigue alerts. Responder ids are stable ids minted when a
 * responder is first added; names are carried for the timeline.
 */
public sealed interface CommandEvent extends EventBody {

    /**
     * @param responderId stable id; joining again after leaving reuses it
     * @param name display name
     * @param handle chat handle or phone, if given
     * @param timeZone IANA zone id, if given
     */
    record ResponderJoined(String responderId, String name, Optional<String> handle, Optional<String> timeZone)
            implements CommandEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public ResponderJoined {
            required(responderId, "responderId");
            required(name, "name");
            handle = opt(handle);
            timeZone = opt(timeZone);
        }

        @Override
        public EventType type() {
            return EventType.RESPONDER_JOINED;
        }
    }

    /** Leaving, breaks: a responder and, for the timeline, their name. */
    sealed interface Presence extends CommandEvent {
        /** @return the responder's id */
        String id();

        /** @return their display name, if recorded */
        Optional<String> person();
    }

    /**
     * @param responderId the responder
     * @param person their name, for the timeline
     */
    record ResponderLeft(String responderId, Optional<String> person) implements Presence {
        /** @throws IllegalArgumentException naming a missing required field */
        public ResponderLeft {
            required(responderId, "responderId");
            person = opt(person);
        }

        @Override
        public String id() {
            return responderId;
        }

        @Override
        public EventType type() {
            return EventType.RESPONDER_LEFT;
        }
    }

    /**
     * @param responderId the responder
     * @param person their name, for the timeline
     */
    record BreakStarted(String responderId, Optional<String> person) implements Presence {
        /** @throws IllegalArgumentException naming a missing required field */
        public BreakStarted {
            required(responderId, "responderId");
            person = opt(person);
        }

        @Override
        public String id() {
            return responderId;
        }

        @Override
        public EventType type() {
            return EventType.BREAK_STARTED;
        }
    }

    /**
     * @param responderId the responder
     * @param person their name, for the timeline
     */
    record BreakEnded(String responderId, Optional<String> person) implements Presence {
        /** @throws IllegalArgumentException naming a missing required field */
        public BreakEnded {
            required(responderId, "responderId");
            person = opt(person);
        }

        @Override
        public String id() {
            return responderId;
        }

        @Override
        public EventType type() {
            return EventType.BREAK_ENDED;
        }
    }

    /**
     * A direct assignment with no hand-off (first holder, or the IC delegating a role it holds by
     * default).
     *
     * @param role the role
     * @param person the holder's name
     * @param responderId the holder's responder id, if they are on the roster
     */
    record RoleAssigned(Role role, String person, Optional<String> responderId) implements CommandEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public RoleAssigned {
            required(role, "role");
            required(person, "person");
            responderId = opt(responderId);
        }

        @Override
        public EventType type() {
            return EventType.ROLE_ASSIGNED;
        }
    }

    /**
     * Who takes command next if the IC must hand off.
     *
     * @param responderId the responder
     * @param person their name
     */
    record NextIcDesignated(String responderId, String person) implements CommandEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public NextIcDesignated {
            required(responderId, "responderId");
            required(person, "person");
        }

        @Override
        public EventType type() {
            return EventType.NEXT_IC_DESIGNATED;
        }
    }

    /** The events of one hand-off, after its offer. */
    sealed interface HandoffOutcome extends CommandEvent {
        /** @return the offer this answers */
        String offerId();
    }

    /**
     * @param offerId stable id of the offer
     * @param role the role handed off
     * @param from the holder's name
     * @param fromId the holder's responder id, if on the roster
     * @param to the receiver's name
     * @param toId the receiver's responder id
     * @param readBackCode the code the receiver reads back (e.g. K7-DELTA)
     * @param brief the hand-off brief as sent or read aloud, if recorded
     * @param expiresAt when the offer expires (UTC): stored, so a later policy change cannot move it
     */
    record HandoffOffered(
            String offerId,
            Role role,
            String from,
            Optional<String> fromId,
            String to,
            String toId,
            String readBackCode,
            Optional<String> brief,
            Optional<Instant> expiresAt)
            implements CommandEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public HandoffOffered {
            required(offerId, "offerId");
            required(role, "role");
            required(from, "from");
            fromId = opt(fromId);
            required(to, "to");
            required(toId, "toId");
            required(readBackCode, "readBackCode");
            brief = opt(brief);
            expiresAt = opt(expiresAt);
        }

        @Override
        public EventType type() {
            return EventType.HANDOFF_OFFERED;
        }
    }

    /**
     * The receiver acknowledged and now holds the role.
     *
     * @param offerId the offer
     * @param role the role
     * @param to the receiver's name
     * @param toId the receiver's responder id, if recorded
     * @param method how the acknowledgement was given
     */
    record HandoffAcknowledged(String offerId, Role role, String to, Optional<String> toId, AckMethod method)
            implements HandoffOutcome {
        /** @throws IllegalArgumentException naming a missing required field */
        public HandoffAcknowledged {
            required(offerId, "offerId");
            required(role, "role");
            required(to, "to");
            toId = opt(toId);
            required(method, "method");
        }

        @Override
        public EventType type() {
            return EventType.HANDOFF_ACKNOWLEDGED;
        }
    }

    /**
     * @param offerId the offer
     * @param reason why, if given
     */
    record HandoffDeclined(String offerId, Optional<String> reason) implements HandoffOutcome {
        /** @throws IllegalArgumentException naming a missing required field */
        public HandoffDeclined {
            required(offerId, "offerId");
            reason = opt(reason);
        }

        @Override
        public EventType type() {
            return EventType.HANDOFF_DECLINED;
        }
    }

    /**
     * The ACK timeout passed; the holder keeps the role. The event's {@code occurredAt} is the
     * expiry time, not the moment Conn noticed.
     *
     * @param offerId the offer
     */
    record HandoffExpired(String offerId) implements HandoffOutcome {
        /** @throws IllegalArgumentException naming a missing required field */
        public HandoffExpired {
            required(offerId, "offerId");
        }

        @Override
        public EventType type() {
            return EventType.HANDOFF_EXPIRED;
        }
    }

    /**
     * The holder took the offer back before an ACK.
     *
     * @param offerId the offer
     * @param reason why, if given
     */
    record HandoffWithdrawn(String offerId, Optional<String> reason) implements HandoffOutcome {
        /** @throws IllegalArgumentException naming a missing required field */
        public HandoffWithdrawn {
            required(offerId, "offerId");
            reason = opt(reason);
        }

        @Override
        public EventType type() {
            return EventType.HANDOFF_WITHDRAWN;
        }
    }

    /** The events of one check-back task, after its assignment. */
    sealed interface TaskOutcome extends CommandEvent {
        /** @return the task */
        String taskId();
    }

    /**
     * A time-boxed task ("Bob: check the DB failover, back to me in 3 min").
     *
     * @param taskId stable id
     * @param responderId the assignee
     * @param person the assignee's name
     * @param text what to do
     * @param checkBackAt when to report back (UTC)
     */
    record TaskAssigned(String taskId, String responderId, String person, String text, Instant checkBackAt)
            implements CommandEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public TaskAssigned {
            required(taskId, "taskId");
            required(responderId, "responderId");
            required(person, "person");
            required(text, "text");
            required(checkBackAt, "checkBackAt");
        }

        @Override
        public EventType type() {
            return EventType.TASK_ASSIGNED;
        }
    }

    /** @param taskId the assignee confirmed this task */
    record TaskAcknowledged(String taskId) implements TaskOutcome {
        /** @throws IllegalArgumentException naming a missing required field */
        public TaskAcknowledged {
            required(taskId, "taskId");
        }

        @Override
        public EventType type() {
            return EventType.TASK_ACKNOWLEDGED;
        }
    }

    /**
     * @param taskId the task
     * @param text the result, if given
     */
    record TaskDone(String taskId, Optional<String> text) implements TaskOutcome {
        /** @throws IllegalArgumentException naming a missing required field */
        public TaskDone {
            required(taskId, "taskId");
            text = opt(text);
        }

        @Override
        public EventType type() {
            return EventType.TASK_DONE;
        }
    }

    /**
     * @param taskId the task
     * @param reason why, if given
     */
    record TaskCancelled(String taskId, Optional<String> reason) implements TaskOutcome {
        /** @throws IllegalArgumentException naming a missing required field */
        public TaskCancelled {
            required(taskId, "taskId");
            reason = opt(reason);
        }

        @Override
        public EventType type() {
            return EventType.TASK_CANCELLED;
        }
    }

    /**
     * A fatigue threshold was crossed and the IC was alerted.
     *
     * @param responderId the responder
     * @param person their name
     * @param level the level reached
     */
    record FatigueAlerted(String responderId, String person, FatigueLevel level) implements CommandEvent {
        /** @throws IllegalArgumentException naming a missing required field */
        public FatigueAlerted {
            required(responderId, "responderId");
            required(person, "person");
            required(level, "level");
        }

        @Override
        public EventType type() {
            return EventType.FATIGUE_ALERTED;
        }
    }
}
