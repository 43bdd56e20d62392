package dev.conn.integrations;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern JIRA_BROWSE = Pattern.compile("/browse/([A-Z][A-Z0-9_]*-\\d+)(?:[/?#].*)?$");
    private static final Pattern GITHUB_ISSUE = Pattern.compile("/issues/(\\d+)(?:[/?#].*)?$");
    private static final Pattern LINEAR_ISSUE = Pattern.compile("/issue/([A-Z][A-Z0-9]*-\\d+)(?:[/?#].*)?");

    /**
     * Rebuilds the reference of a ticket Conn created from what the action item keeps (its {@code
     * ticket} URL) and the item's id, for "Refresh ticket status": Jira {@code .../browse/OPS-24}
     * (the key also serves as the id: {@code GET /rest/api/3/issue/{issueIdOrKey}}), GitHub {@code
     * .../issues/1347}, Linear {@code .../issue/ENG-123/...} (its id is {@link
     * ExternalIds#linearIssueId} of the item).
     *
     * @param tracker the tracker the ticket was created in
     * @param url the item's ticket URL
     * @param actionItemId the item's id
     * @return the reference, or empty if the URL is not one of this tracker's ticket URLs (a ticket
     *     typed in by hand, for example)
     */
    public static Optional<TicketRef> parse(Tracker tracker, String url, UUID actionItemId) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String u = url.strip();
        Matcher m;
        switch (tracker) {
            case JIRA -> {
                m = JIRA_BROWSE.matcher(u);
                return m.find() ? Optional.of(new TicketRef(tracker, m.group(1), m.group(1), u)) : Optional.empty();
            }
            case GITHUB -> {
                m = GITHUB_ISSUE.matcher(u);
                return m.find()
                        ? Optional.of(new TicketRef(tracker, "#" + m.group(1), m.group(1), u))
                        : Optional.empty();
            }
            case LINEAR -> {
                m = LINEAR_ISSUE.matcher(u);
                return m.find()
                        ? Optional.of(new TicketRef(
                                tracker,
                                m.group(1),
                                ExternalIds.linearIssueId(actionItemId).toString(),
                                u))
                        : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
