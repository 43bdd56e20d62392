package dev.conn.incident;

import java.util.Locale;

/**
 * Where the response stands, in the four states status pages use (Atlassian Statuspage incident
 * statuses, https://developer.statuspage.io/#operation/postPagesPageIdIncidents): investigating,
 * identified, monitoring, resolved.
 */
public enum Status {
    INVESTIGATING,
    IDENTIFIED,
    MONITORING,
    RESOLVED;

    /** @return the lower-case wire and display form, e.g. {@code identified} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a status by name or unambiguous prefix ({@code ident}, {@code mon}).
     *
     * @param text the user's text
     * @return the status
     * @throws IllegalArgumentException naming the four states if {@code text} matches none
     */
    public static Status parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!t.isEmpty()) {
            java.util.List<Status> matches = java.util.Arrays.stream(values())
                    .filter(s -> s.name().startsWith(t))
                    .toList();
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                throw new IllegalArgumentException("'" + text + "' could mean "
                        + matches.stream().map(Status::label).collect(java.util.stream.Collectors.joining(" or "))
                        + "; type more of it");
            }
        }
        throw new IllegalArgumentException(
                "Unknown status '" + text + "': use investigating, identified, monitoring or resolved");
    }
}
