package dev.conn.postmortem.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Optional;

/**
 * An action item's due date as typed in the form: ISO-8601 ({@code 2026-12-15}, what the exports
 * show), or the short date of the user's locale (what the date picker's calendar used to write).
 */
final class DueDate {
    /** How the form shows a due date. */
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ISO_LOCAL_DATE;

    private DueDate() {}

    /**
     * @param typed the text of the due field
     * @return the date, or empty if the field is blank
     * @throws IllegalArgumentException in the user's words if the text is not a date
     */
    static Optional<LocalDate> parse(String typed) {
        String s = typed == null ? "" : typed.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s, SHOWN));
        } catch (DateTimeParseException notIso) {
            try {
                return Optional.of(LocalDate.parse(s, DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Give the due date as 2026-12-15 (year-month-day), not '" + s + "'");
            }
        }
    }
}
