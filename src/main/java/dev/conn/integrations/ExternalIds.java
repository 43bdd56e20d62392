package dev.conn.integrations;

import dev.conn.incident.IncidentId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The stable ids Conn puts on what it creates elsewhere, derived from its own ids, so that a
 * create whose answer was lost can be found again instead of made twice, and a re-page or a
 * correction reaches the same thing:
 *
 * <ul>
 *   <li>a ticket carries the label {@code conn-<action item id>} (Jira labels and GitHub labels;
 *       41 characters, within GitHub's 50-character label limit); a Linear issue is created with
 *       its own id set to {@link #linearIssueId(UUID)};
 *   <li>a page to a PagerDuty service uses {@code dedup_key} {@code conn-<incident id>-<target id>}
 *       (at most 255 characters, https://developer.pagerduty.com/docs/events-api-v2/trigger-events/);
 *   <li>a Grafana annotation carries the tag {@code conn-event:<event id>} of the timeline event
 *       it shows.
 * </ul>
 */
public final class ExternalIds {
    /** Prefix of every id Conn mints elsewhere. */
    public static final String PREFIX = "conn-";

    /** Prefix of the Grafana tag naming the timeline event an annotation shows. */
    public static final String EVENT_TAG_PREFIX = "conn-event:";

    /** What a page target id may be: letters, digits, {@code - _ .}, 1-64 characters. */
    public static final Pattern TARGET_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private ExternalIds() {}

    /**
     * @param actionItemId the action item's id
     * @return the label that marks its ticket, e.g. {@code conn-0192f0c4-...}
     */
    public static String ticketLabel(UUID actionItemId) {
        return PREFIX + Objects.requireNonNull(actionItemId, "actionItemId");
    }

    /**
     * The id of the Linear issue made for an action item. Linear's {@code IssueCreateInput.id}
     * takes "the identifier in UUID v4 format" (Linear GraphQL schema,
     * https://github.com/linear/linear/blob/master/packages/sdk/src/schema.graphql): this is a
     * name-based UUID (SHA-256 of {@code conn:linear:<item id>}) with the version and variant bits
     * of RFC 9562 version 4 set, so the same item always maps to the same issue.
     *
     * @param actionItemId the action item's id
     * @return a UUID in version 4 format, the same for the same item
     */
    public static UUID linearIssueId(UUID actionItemId) {
        byte[] hash = sha256("conn:linear:" + Objects.requireNonNull(actionItemId, "actionItemId"));
        ByteBuffer b = ByteBuffer.wrap(hash);
        long msb = b.getLong();
        long lsb = b.getLong();
        msb = (msb & ~0xF000L) | 0x4000L; // version 4
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb);
    }

    /**
     * @param incident the incident
     * @param targetId the paged person's or team's id from settings ({@link #TARGET_ID})
     * @return the PagerDuty {@code dedup_key}: paging the same target again for the same incident
     *     updates the same alert instead of opening another
     * @throws IllegalArgumentException if the target id is not one
     */
    public static String pageDedupKey(IncidentId incident, String targetId) {
        Objects.requireNonNull(incident, "incident");
        if (targetId == null || !TARGET_ID.matcher(targetId).matches()) {
            throw new IllegalArgumentException("a page target id is 1-64 letters, digits, '-', '_' or '.'; got "
                    + (targetId == null ? "nothing" : "'" + targetId + "'"));
        }
        return PREFIX + incident.value() + "-" + targetId;
    }

    /**
     * @param eventId the timeline event an annotation shows
     * @return the Grafana tag naming it, e.g. {@code conn-event:0192f0c4-...}
     */
    public static String eventTag(UUID eventId) {
        return EVENT_TAG_PREFIX + Objects.requireNonNull(eventId, "eventId");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
