package dev.conn.postmortem;

import dev.conn.integrations.TicketTracker;
import java.util.Optional;

/**
 * Where the postmortem's action items become tickets (issue 16 §1), as the settings say now: the
 * outbox channel "Create ticket" queues on, and the tracker "Refresh ticket status" reads. The app
 * builds it from {@code settings.json}'s {@code integrations} section.
 */
public interface TicketDesk {
    /** No tracker configured. */
    TicketDesk NONE = new TicketDesk() {
        @Override
        public Optional<String> channel() {
            return Optional.empty();
        }

        @Override
        public Optional<TicketTracker> tracker() {
            return Optional.empty();
        }
    };

    /** @return the outbox channel of the configured tracker ({@code tickets:jira}), if any */
    Optional<String> channel();

    /** @return the configured tracker's client, if any; its calls block on the network */
    Optional<TicketTracker> tracker();

    /**
     * @return why the {@code integrations} section of the settings cannot be read, naming the field
     *     ({@code integrations.jira.projectKey: ...}), if it cannot; then no tracker is configured
     */
    default Optional<String> problem() {
        return Optional.empty();
    }
}
