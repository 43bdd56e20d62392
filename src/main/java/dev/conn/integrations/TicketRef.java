package dev.conn.integrations;

import java.util.Objects;

/**
 * A ticket Conn created (or found again) for an action item: what is written back to the item (the
 * URL goes into its {@code ticket} field) and what a status refresh reads.
 *
 * @param tracker where it lives
 * @param key the tracker's human key: Jira {@code OPS-24}, GitHub {@code #1347}, Linear {@code ENG-123}
 * @param id the tracker's id for API calls: Jira issue id, GitHub issue number, Linear issue UUID
 * @param url the ticket's page, for people
 */
public record TicketRef(Tracker tracker, String key, String id, String url) {

    /** The ticket trackers Conn can create tickets in. */
    public enum Tracker {
        /** Jira Cloud, REST API v3. */
        JIRA,
        /** GitHub Issues, REST API. */
        GITHUB,
        /** Linear, GraphQL API. */
        LINEAR
    }

    /** @throws IllegalArgumentException naming the field if one is missing */
    public TicketRef {
        Objects.requireNonNull(tracker, "tracker");
        for (String[] f : new String[][] {{"key", key}, {"id", id}, {"url", url}}) {
            if (f[1] == null || f[1].isBlank()) {
                throw new IllegalArgumentException("a " + tracker + " ticket needs its " + f[0]);
            }
        }
    }
}
