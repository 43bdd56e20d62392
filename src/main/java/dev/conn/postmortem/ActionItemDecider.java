package dev.conn.postmortem;

import dev.conn.incident.Decision;
import dev.conn.incident.EventType;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Decides {@link PostmortemCommand.AddActionItem} and {@link PostmortemCommand.UpdateActionItem}:
 * an item needs its text; adding an item already there adds nothing (a retry of an add that was
 * stored); an update names an item of the incident and records only the fields the user changed
 * that differ from the item as stored now. It
 * reads the declaration, the action-item events and the retractions. Pure.
 */
public final class ActionItemDecider extends PostmortemDecider<PostmortemCommand.ActionItems> {

    /** A decider for every incident. */
    public ActionItemDecider() {
        super(Set.of(
                EventType.INCIDENT_DECLARED,
                EventType.ACTION_ITEM_ADDED,
                EventType.ACTION_ITEM_UPDATED,
                EventType.EVENT_RETRACTED));
    }

    @Override
    Decision decideDeclared(PostmortemCommand.ActionItems command, PostmortemFold state, Clock clock) {
        if (command instanceof PostmortemCommand.AddActionItem a) {
            if (a.item().text().isBlank()) {
                return Decision.refuse("Describe the action item, e.g. \"Alert on DNS cache memory\"");
            }
            if (find(state, a.item()).isPresent()) {
                return Decision.accept(java.util.List.of()); // stored already: a retry
            }
            return Decision.accept(a.item().toAdded());
        }
        PostmortemCommand.UpdateActionItem u = (PostmortemCommand.UpdateActionItem) command;
        if (u.item().text().isBlank()) {
            return Decision.refuse("An action item needs its text");
        }
        Optional<ActionItem> stored = find(state, u.item());
        if (stored.isEmpty()) {
            return Decision.refuse("The action item \"" + u.item().text()
                    + "\" is not in this incident's postmortem (was it retracted?)");
        }
        ActionItem now = stored.get();
        ActionItem wanted = u.item()
                .changesFrom(u.seen().orElse(now)) // what the user changed
                .map(now::updatedBy) // applied to the item as it is now
                .orElse(now);
        return wanted.changesFrom(now).map(Decision::accept).orElseGet(() -> Decision.accept(java.util.List.of()));
    }

    private static Optional<ActionItem> find(PostmortemFold state, ActionItem item) {
        return state.postmortem().actionItems().stream()
                .filter(i -> i.id().equals(item.id()))
                .findFirst();
    }
}
