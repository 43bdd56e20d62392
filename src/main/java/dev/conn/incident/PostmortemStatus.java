package dev.conn.incident;

import java.util.Locale;

/** Where the postmortem document stands in its review (the header every export shows). */
public enum PostmortemStatus {
    /** Being written. */
    DRAFT,
    /** Written; the reviewers are reading it. */
    IN_REVIEW,
    /** Reviewed and agreed; ready to circulate. */
    FINAL;

    /** @return its words, e.g. "in review" */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
