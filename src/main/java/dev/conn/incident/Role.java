package dev.conn.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * The incident response roles, after PagerDuty's incident response roles
 * (https://response.pagerduty.com/before/different_roles/) and the Google SRE book, chapter 14
 * "Managing Incidents" (https://sre.google/sre-book/managing-incidents/): the incident commander
 * holds every role that has not been delegated. The enum name is the {@code role} field of
 * {@code ROLE_ASSIGNED} and {@code HANDOFF_*} payloads.
 */
public enum Role {
    /** Runs the response and holds every role not delegated (SRE book ch. 14). */
    INCIDENT_COMMANDER("Incident Commander"),
    /** The IC's backup and right hand; often the designated next IC (PagerDuty "Deputy"). */
    DEPUTY("Deputy"),
    /** Keeps the incident record: timeline, decisions, action items (PagerDuty "Scribe"). */
    SCRIBE("Scribe"),
    /** Speaks for the response to stakeholders and the status page (SRE book "Communication"). */
    COMMUNICATIONS_LEAD("Communications Lead"),
    /** The only group changing production, reporting to the IC (SRE book "Operational work"). */
    OPERATIONS_LEAD("Operations Lead"),
    /**
     * Experts responsible for a service or system (PagerDuty "Subject Matter Expert"). The one role
     * several people may hold at once; the IC does not hold it by default.
     */
    SUBJECT_MATTER_EXPERT("Subject Matter Expert");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** @return the display label, e.g. "Communications Lead" */
    public String label() {
        return label;
    }

    /** @return true for {@link #INCIDENT_COMMANDER}, the role whose absence is a leaderless gap */
    public boolean isCommand() {
        return this == INCIDENT_COMMANDER;
    }

    /**
     * @return true if several people may hold the role at once ({@link #SUBJECT_MATTER_EXPERT});
     *     every other role has at most one holder
     */
    public boolean allowsSeveralHolders() {
        return this == SUBJECT_MATTER_EXPERT;
    }

    /**
     * @return true if the incident commander holds this role while nobody else does (every role
     *     but the IC itself and subject matter experts)
     */
    public boolean heldByCommanderByDefault() {
        return this != INCIDENT_COMMANDER && this != SUBJECT_MATTER_EXPERT;
    }

    /**
     * Reads the {@code role} field of a stored payload.
     *
     * @param name an enum name such as {@code INCIDENT_COMMANDER}, any case, surrounding spaces
     *     ignored; may be null
     * @return the role, or empty if {@code name} names none (a newer Conn's role, or a typo in an
     *     import), so folds can skip it
     */
    public static Optional<Role> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toUpperCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.name().equals(n)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
