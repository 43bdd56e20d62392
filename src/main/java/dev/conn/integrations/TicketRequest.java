package dev.conn.integrations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.incident.ActionItemKind;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Severity;
import dev.conn.platform.secrets.Redaction;
import dev.conn.platform.text.ControlChars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What Conn sends to a ticket tracker for one postmortem action item, in the tracker's neutral
 * terms: a summary, a description, the labels (always {@code conn} and the item's stable label,
 * {@link ExternalIds#ticketLabel}), a due date, and the owner to assign. Built from the action
 * item and its incident; every text passes through {@link Redaction#credentials} (a token pasted
 * into an action item must not leave in a ticket) and loses control characters.
 *
 * @param actionItemId the action item's stable id
 * @param incidentId the incident
 * @param incidentTitle the incident's title
 * @param severity the incident's severity when the ticket is asked for
 * @param text what to do (the item's text)
 * @param kind mitigate, prevent or process
 * @param owner the item's owner as typed (an e-mail is looked up as the assignee), if named
 * @param due the due date, if set
 */
public record TicketRequest(
        UUID actionItemId,
        IncidentId incidentId,
        String incidentTitle,
        Severity severity,
        String text,
        ActionItemKind kind,
        Optional<String> owner,
        Optional<LocalDate> due) {

    /** Longest summary sent, in characters: Jira's summary field holds 255. */
    public static final int MAX_SUMMARY = 255;

    /** The label every ticket Conn creates carries, besides its own. */
    public static final String CONN_LABEL = "conn";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the text is blank (there is nothing to ticket)
     * @throws NullPointerException if a required field is null
     */
    public TicketRequest {
        Objects.requireNonNull(actionItemId, "actionItemId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        incidentTitle = incidentTitle == null ? "" : clean(incidentTitle);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "the action item has no text; write what to do before creating a" + " ticket");
        }
        text = clean(text);
        owner = owner == null ? Optional.empty() : owner.map(String::strip).filter(o -> !o.isEmpty());
        due = due == null ? Optional.empty() : due;
    }

    /** @return the item's stable label, {@code conn-<item id>} */
    public String externalLabel() {
        return ExternalIds.ticketLabel(actionItemId);
    }

    /** @return {@code conn} and {@link #externalLabel()} */
    public List<String> labels() {
        return List.of(CONN_LABEL, externalLabel());
    }

    /** @return the first line of the text, at most {@link #MAX_SUMMARY} characters */
    public String summary() {
        String first = text.lines().findFirst().orElse("").strip();
        return first.length() > MAX_SUMMARY ? first.substring(0, MAX_SUMMARY - 3) + "..." : first;
    }

    /** @return the owner, if it is an e-mail address (then it is looked up as the assignee) */
    public Optional<String> ownerEmail() {
        return owner.filter(o -> EMAIL.matcher(o).matches()).map(o -> o.toLowerCase(Locale.ROOT));
    }

    /**
     * @return the facts listed under the text: the incident, the kind, owner and due date, and the
     *     stable id (so a reader can find the item in Conn)
     */
    public List<String> facts() {
        List<String> f = new ArrayList<>();
        f.add("Incident: " + (incidentTitle.isEmpty() ? "" : incidentTitle + " ") + "(" + severity + ", "
                + incidentId.value() + ")");
        f.add("Kind: " + kind.name().toLowerCase(Locale.ROOT));
        owner.ifPresent(o -> f.add("Owner in Conn: " + o));
        due.ifPresent(d -> f.add("Due: " + d));
        f.add("Created by Conn from postmortem action item " + externalLabel());
        return f;
    }

    /** @return the Jira description: the text as paragraphs, then the facts as a bullet list */
    public ObjectNode adfDescription() {
        return Adf.doc().paragraphs(text).bullets(facts()).build();
    }

    /** @return the Markdown body for GitHub and Linear: the text, a blank line, the facts as a list */
    public String markdownBody() {
        StringBuilder b = new StringBuilder(text).append("\n\n");
        for (String fact : facts()) {
            b.append("- ").append(fact).append('\n');
        }
        return b.toString();
    }

    private static String clean(String s) {
        return Redaction.credentials(ControlChars.visible(s)).strip();
    }
}
