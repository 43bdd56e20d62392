package dev.conn.integrations;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a ticket stands, as "Refresh ticket status" shows it beside the action item: one of three
 * states every tracker can be read into, and the tracker's own status name.
 *
 * @param state open, in progress or done
 * @param name the tracker's status, e.g. "In Review", "closed (not planned)"
 */
public record TicketStatus(State state, String name) {

    /** The three states shown. */
    public enum State {
        /** Not started. */
        OPEN,
        /** Someone is on it. */
        IN_PROGRESS,
        /** Finished, or closed without doing it. */
        DONE
    }

    /** @throws NullPointerException if the state is null */
    public TicketStatus {
        Objects.requireNonNull(state, "state");
        name = name == null || name.isBlank() ? state.name().toLowerCase(Locale.ROOT) : name.strip();
    }

    /**
     * A Jira status by its status category. Jira Cloud's categories are {@code new} ("To Do"),
     * {@code indeterminate} ("In Progress") and {@code done}; the REST API v3 reference's examples
     * also show {@code in-flight} and {@code completed}
     * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-workflow-status-categories/),
     * so both spellings are read. An unknown category falls back to the category's name.
     *
     * @param categoryKey {@code fields.status.statusCategory.key}
     * @param categoryName {@code fields.status.statusCategory.name}, may be null
     * @param statusName {@code fields.status.name}
     * @return the status
     */
    public static TicketStatus jira(String categoryKey, String categoryName, String statusName) {
        String key = categoryKey == null ? "" : categoryKey.toLowerCase(Locale.ROOT);
        String label = categoryName == null ? "" : categoryName.toLowerCase(Locale.ROOT);
        State s;
        if (key.equals("done") || key.equals("completed") || label.equals("done")) {
            s = State.DONE;
        } else if (key.equals("indeterminate") || key.equals("in-flight") || label.equals("in progress")) {
            s = State.IN_PROGRESS;
        } else {
            s = State.OPEN;
        }
        return new TicketStatus(s, statusName);
    }

    /**
     * A GitHub issue by its {@code state} ({@code open} or {@code closed}) and {@code state_reason}
     * ({@code completed}, {@code not_planned}, {@code reopened}, or null;
     * https://docs.github.com/en/rest/issues/issues#get-an-issue). GitHub has no "in progress":
     * an open issue with an assignee still reads as open.
     *
     * @param state the state
     * @param stateReason the reason it is in that state, may be null
     * @return the status
     */
    public static TicketStatus gitHub(String state, String stateReason) {
        boolean closed = "closed".equalsIgnoreCase(state);
        String reason = stateReason == null || stateReason.isBlank() || stateReason.equals("null")
                ? ""
                : " (" + stateReason.replace('_', ' ') + ")";
        return new TicketStatus(closed ? State.DONE : State.OPEN, (closed ? "closed" : "open") + reason);
    }

    /**
     * A Linear issue by its workflow state's {@code type}: "triage", "backlog", "unstarted",
     * "started", "completed", "canceled" or "duplicate" (Linear GraphQL schema, {@code
     * WorkflowState.type}).
     *
     * @param type the workflow state's type
     * @param name the workflow state's name, e.g. "In Review"
     * @return the status
     */
    public static TicketStatus linear(String type, String name) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        State s =
                switch (t) {
                    case "started" -> State.IN_PROGRESS;
                    case "completed", "canceled", "cancelled", "duplicate" -> State.DONE;
                    default -> State.OPEN;
                };
        return new TicketStatus(s, name);
    }
}
