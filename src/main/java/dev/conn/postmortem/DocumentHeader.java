package dev.conn.postmortem;

import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.PostmortemStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The postmortem document's header, shown at the top of every export: its date, authors, review
 * status and reviewers. Until the team sets it, it is an undated draft with nobody named.
 *
 * @param date the document's date (a calendar date, no zone), if set
 * @param authors who wrote it, in the order given
 * @param status draft, in review or final
 * @param reviewers who reviews it, in the order given
 */
public record DocumentHeader(
        Optional<LocalDate> date, List<String> authors, PostmortemStatus status, List<String> reviewers) {
    /** The header of a postmortem nobody has dated or signed yet. */
    public static final DocumentHeader UNSET =
            new DocumentHeader(Optional.empty(), List.of(), PostmortemStatus.DRAFT, List.of());

    /** Copies the lists; nulls become empty, a null status a draft. */
    public DocumentHeader {
        date = date == null ? Optional.empty() : date;
        authors = authors == null ? List.of() : List.copyOf(authors);
        status = status == null ? PostmortemStatus.DRAFT : status;
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
    }

    /**
     * @param e a stored header
     * @return it as a header; a date that is not {@code yyyy-MM-dd} is left out (checked when set
     *     and on import, so only a hand-edited record can hold one)
     */
    static DocumentHeader of(PostmortemEvent.PostmortemHeaderSet e) {
        Optional<LocalDate> date;
        try {
            date = e.date().map(LocalDate::parse);
        } catch (DateTimeParseException bad) {
            date = Optional.empty();
        }
        return new DocumentHeader(date, e.authors(), e.status(), e.reviewers());
    }

    /** @return the date as {@code yyyy-MM-dd}, or "not set" */
    public String dateText() {
        return date.map(LocalDate::toString).orElse("not set");
    }

    /**
     * @param names people
     * @return them joined with commas, or "not named yet"
     */
    public static String names(List<String> names) {
        return names.isEmpty() ? "not named yet" : String.join(", ", names);
    }
}
