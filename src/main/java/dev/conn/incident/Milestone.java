package dev.conn.incident;

import java.util.Locale;

/**
 * The milestones of an incident, in FireHydrant's model
 * (https://docs.firehydrant.com/docs/incident-milestones): impact started, detected,
 * acknowledged (declared), mitigated, resolved. The TTx metrics are measured from
 * {@link #IMPACT_STARTED}, which must be the earliest.
 */
public enum Milestone {
    /** Customers started to feel it. */
    IMPACT_STARTED("Impact started"),
    /** Someone or something (an alert) noticed. */
    DETECTED("Detected"),
    /** A responder took it on: the incident was declared. */
    ACKNOWLEDGED("Acknowledged"),
    /** Customer impact stopped, even if the cause is not fixed. */
    MITIGATED("Mitigated"),
    /** The incident is over. */
    RESOLVED("Resolved");

    private final String label;

    Milestone(String label) {
        this.label = label;
    }

    /** @return the human label, e.g. "Impact started" */
    public String label() {
        return label;
    }

    /**
     * @param name a milestone name as stored in {@code MILESTONE_SET} ({@code IMPACT_STARTED}),
     *     case-insensitive
     * @return the milestone
     * @throws IllegalArgumentException naming the accepted values if {@code name} is none of them
     */
    public static Milestone parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown milestone '" + name
                    + "'; use IMPACT_STARTED, DETECTED, ACKNOWLEDGED, MITIGATED or RESOLVED");
        }
    }
}
