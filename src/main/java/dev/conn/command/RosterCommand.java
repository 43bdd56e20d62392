package dev.conn.command;

import dev.conn.incident.Role;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** Who is in the response and in which role; decided by {@link RosterDecider}. */
public sealed interface RosterCommand extends PeopleCommand {

    /**
     * Adds a person to the response, on duty; someone of the same name who left joins again under
     * their old responder id.
     *
     * @param name display name (stripped; must not be blank)
     * @param handle chat handle or phone, if known
     * @param timeZone the person's time zone, if known
     */
    record AddResponder(String name, Optional<String> handle, Optional<ZoneId> timeZone) implements RosterCommand {
        /** Normalises nulls. */
        public AddResponder {
            name = name == null ? "" : name;
            handle = handle == null ? Optional.empty() : handle;
            timeZone = timeZone == null ? Optional.empty() : timeZone;
        }
    }

    /** @param responderId a responder who left joins again, under the same id */
    record Join(String responderId) implements RosterCommand {
        /** @throws NullPointerException if the id is null */
        public Join {
            Objects.requireNonNull(responderId, "responderId");
        }
    }

    /**
     * @param responderId a present responder leaves; roles delegated to them revert to the IC, and
     *     an IC leaving without a hand-off leaves the incident leaderless
     */
    record Leave(String responderId) implements RosterCommand {
        /** @throws NullPointerException if the id is null */
        public Leave {
            Objects.requireNonNull(responderId, "responderId");
        }
    }

    /** @param responderId a responder on duty starts a break */
    record StartBreak(String responderId) implements RosterCommand {
        /** @throws NullPointerException if the id is null */
        public StartBreak {
            Objects.requireNonNull(responderId, "responderId");
        }
    }

    /** @param responderId a responder on a break is back on duty */
    record EndBreak(String responderId) implements RosterCommand {
        /** @throws NullPointerException if the id is null */
        public EndBreak {
            Objects.requireNonNull(responderId, "responderId");
        }
    }

    /**
     * Gives a role directly, without a hand-off: the IC delegating a role it holds by default,
     * adding a subject matter expert, or someone taking command while nobody is in command.
     *
     * @param role the role
     * @param responderId who gets it
     */
    record AssignRole(Role role, String responderId) implements RosterCommand {
        /** @throws NullPointerException if a field is null */
        public AssignRole {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(responderId, "responderId");
        }
    }

    /** @param responderId who takes command next if the IC must hand off */
    record DesignateNextIc(String responderId) implements RosterCommand {
        /** @throws NullPointerException if the id is null */
        public DesignateNextIc {
            Objects.requireNonNull(responderId, "responderId");
        }
    }
}
