package dev.conn.command;

import dev.conn.integrations.Outcome;
import dev.conn.integrations.PageStatus;
import java.util.List;

/**
 * PagerDuty as the settings configure it now (issue 16 §2): the targets *Page…* offers, and the
 * acknowledgement read when a REST API key is set. The app builds it from {@code settings.json}'s
 * {@code integrations.pagerDuty}.
 */
public interface PagingDesk {
    /** PagerDuty not configured. */
    PagingDesk NONE = new PagingDesk() {
        @Override
        public List<Target> targets() {
            return List.of();
        }

        @Override
        public boolean readsAcknowledgements() {
            return false;
        }

        @Override
        public Outcome<PageStatus> status(String dedupKey) {
            return new Outcome.Failed<>("PagerDuty is not configured");
        }
    };

    /**
     * A service or team that can be paged.
     *
     * @param id its id in settings
     * @param name its display name
     */
    record Target(String id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** @return the configured targets, in settings order; empty if PagerDuty is not configured */
    List<Target> targets();

    /** @return true if a REST API key is set, so acknowledgements can be read */
    boolean readsAcknowledgements();

    /**
     * Reads a page's state from PagerDuty's REST API. Blocks on the network.
     *
     * @param dedupKey the page's {@code dedup_key}
     * @return its state, or why it could not be read
     */
    Outcome<PageStatus> status(String dedupKey);
}
