package dev.conn.command;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Time-boxed tasks with a check-back time, the IC's closed-loop tasking (Google SRE book ch. 14,
 * ICS); decided by {@link TaskDecider}.
 */
public sealed interface TaskCommand extends PeopleCommand {

    /**
     * @param responderId the assignee, on duty
     * @param text what to do (stripped; must not be blank)
     * @param checkBackIn when to report back, from now; positive
     */
    record Assign(String responderId, String text, Duration checkBackIn) implements TaskCommand {
        /** Normalises a null text. */
        public Assign {
            Objects.requireNonNull(responderId, "responderId");
            text = text == null ? "" : text;
        }
    }

    /** @param taskId the assignee confirms the task */
    record Acknowledge(String taskId) implements TaskCommand {
        /** @throws NullPointerException if the id is null */
        public Acknowledge {
            Objects.requireNonNull(taskId, "taskId");
        }
    }

    /**
     * @param taskId the task is done
     * @param result what came of it, if given
     */
    record Complete(String taskId, Optional<String> result) implements TaskCommand {
        /** Normalises nulls. */
        public Complete {
            Objects.requireNonNull(taskId, "taskId");
            result = result == null ? Optional.empty() : result;
        }
    }

    /**
     * @param taskId the task is called off
     * @param reason why, if given
     */
    record Cancel(String taskId, Optional<String> reason) implements TaskCommand {
        /** Normalises nulls. */
        public Cancel {
            Objects.requireNonNull(taskId, "taskId");
            reason = reason == null ? Optional.empty() : reason;
        }
    }
}
