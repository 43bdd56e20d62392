package dev.conn.postmortem;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentLog;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Milestone;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends the postmortem's commands of the window and the CLI through the one writer ({@link
 * IncidentLog#execute}): each reads the events its decider needs once ({@link MilestoneDecider},
 * {@link SectionDecider}, {@link ActionItemDecider}), is decided against them and the clock, and
 * appends what was decided in one guarded write; a change another console made in between is
 * decided again on a fresh read.
 *
 * <p>Every method blocks on the event store: call off the FX thread. Refusals are {@link
 * dev.conn.incident.CommandRefusedException} in the user's words, and nothing is stored; {@code
 * StoreException} if the database cannot be read or written.
 */
public final class PostmortemService {
    private final IncidentService incidents;
    private final MilestoneDecider milestones = new MilestoneDecider();
    private final SectionDecider sections = new SectionDecider();
    private final ActionItemDecider actionItems = new ActionItemDecider();
    private final TicketDecider tickets = new TicketDecider();

    /** @param incidents the incident log (its {@link IncidentService#log()} writes, its clock is now) */
    public PostmortemService(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** @return the incident service underneath */
    public IncidentService incidents() {
        return incidents;
    }

    /**
     * Decides a command and appends what was decided: one read, at most one write.
     *
     * @param incident the incident
     * @param command the command
     * @param author the person at the keyboard
     * @return the events appended (empty if there was nothing to record: an action item added
     *     before, an update that changes nothing)
     * @throws dev.conn.incident.CommandRefusedException in the user's words; nothing is stored
     */
    public List<Event> execute(IncidentId incident, PostmortemCommand command, String author) {
        IncidentLog log = incidents.log();
        if (command instanceof PostmortemCommand.SetMilestone m) {
            return log.execute(incident, milestones, m, author);
        }
        if (command instanceof PostmortemCommand.Writing w) {
            return log.execute(incident, sections, w, author);
        }
        return log.execute(incident, actionItems, (PostmortemCommand.ActionItems) command, author);
    }

    /**
     * @param id an incident
     * @return its milestones now (one read)
     * @throws IllegalStateException if no such incident
     */
    public Milestones milestones(IncidentId id) {
        return PostmortemFold.of(incidents.events(id, Milestones.TYPES))
                .milestones()
                .orElseThrow(() -> new IllegalStateException("No incident " + id.shortForm()));
    }

    /**
     * Sets or edits one milestone with a reason ({@code MILESTONE_SET}).
     *
     * @param id the incident
     * @param milestone which milestone
     * @param at its instant (UTC)
     * @param reason why it is set or changed (required: an edit of the record must say why)
     * @param author the person at the keyboard
     * @return the event appended
     * @throws dev.conn.incident.CommandRefusedException if the reason is blank, the instant is in the
     *     future, or impact started would no longer be the earliest milestone (the message names
     *     both milestones)
     */
    public List<Event> setMilestone(IncidentId id, Milestone milestone, Instant at, String reason, String author) {
        return execute(id, new PostmortemCommand.SetMilestone(milestone, at, reason), author);
    }

    /**
     * The one rule for setting a milestone ({@link MilestoneDecider#problem}), for the service, the
     * postmortem tab and import alike.
     *
     * @param current the incident's milestones now
     * @param milestone which milestone
     * @param at its instant (UTC)
     * @param reason why it is set or changed
     * @param now the current instant (UTC), from the caller's clock
     * @return what is wrong, in words, or empty if the edit may be recorded
     */
    public static Optional<String> milestoneProblem(
            Milestones current, Milestone milestone, Instant at, String reason, Instant now) {
        return MilestoneDecider.problem(current, milestone, at, reason, now);
    }

    /**
     * Saves one postmortem section ({@code POSTMORTEM_FIELD_SET}).
     *
     * @param id the incident
     * @param field the section key (see {@link PostmortemField#isValidKey})
     * @param text the whole new text; empty clears the section
     * @param author the person at the keyboard
     * @return the event appended
     * @throws dev.conn.incident.CommandRefusedException if the key is unknown or the text is over
     *     {@link PostmortemField#MAX_TEXT} characters
     */
    public List<Event> setField(IncidentId id, String field, String text, String author) {
        return execute(id, new PostmortemCommand.SetField(field, text), author);
    }

    /**
     * Adds an action item ({@code ACTION_ITEM_ADDED}).
     *
     * @param id the incident
     * @param item the item (its id minted by the caller, e.g. {@link ActionItem#newId()})
     * @param author the person at the keyboard
     * @return the event appended, or none if the item was added before
     * @throws dev.conn.incident.CommandRefusedException if the text is blank
     */
    public List<Event> addActionItem(IncidentId id, ActionItem item, String author) {
        return execute(id, new PostmortemCommand.AddActionItem(item), author);
    }

    /**
     * Records what changed in an action item ({@code ACTION_ITEM_UPDATED} with the changed fields).
     *
     * @param id the incident
     * @param item the item as it is now
     * @param author the person at the keyboard
     * @return the event appended, or none if nothing changed
     * @throws dev.conn.incident.CommandRefusedException if the text is blank or the item unknown
     */
    public List<Event> updateActionItem(IncidentId id, ActionItem item, String author) {
        return execute(id, PostmortemCommand.UpdateActionItem.to(item), author);
    }

    /**
     * Tags the incident with the services it hit and its root-cause categories
     * ({@code INCIDENT_TAGGED}; replaces earlier tags).
     *
     * @param id the incident
     * @param services affected services, e.g. {@code dns}, {@code checkout-api}
     * @param categories root-cause categories, e.g. {@code capacity}, {@code config change}
     * @param author the person at the keyboard
     * @return the event appended
     */
    public List<Event> tag(IncidentId id, List<String> services, List<String> categories, String author) {
        return execute(id, new PostmortemCommand.SetTags(services, categories), author);
    }

    /**
     * Asks tickets for action items (issue 16 §1): each request is stored with its outbox row, and
     * the outbox creates the ticket. Blocks on disk.
     *
     * @param incident the incident
     * @param command which items, and the configured tracker's channel
     * @param author who asks
     * @return the events appended
     * @throws dev.conn.incident.CommandRefusedException with the reason in words if refused
     */
    public List<Event> createTickets(IncidentId incident, TicketDecider.CreateTickets command, String author) {
        return incidents.log().execute(incident, tickets, command, author);
    }
}
