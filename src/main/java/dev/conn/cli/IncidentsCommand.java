package dev.conn.cli;

import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.platform.text.ControlChars;
import dev.conn.platform.text.TimeFormat;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code conn incidents}: lists incidents, open first; {@code *} marks the active one. Times in UTC.
 * Titles and names are printed with control characters made visible ({@link ControlChars}).
 */
@Command(
        name = "incidents",
        description = "List incidents (open first). * marks the one `conn log` writes to; times are UTC.")
final class IncidentsCommand implements Callable<Integer> {

    @ParentCommand
    ConnCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--open", description = "Only open incidents.")
    boolean openOnly;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description = "Only incidents declared on or after DATE (2026-11-01, UTC) or an ISO-8601 instant.")
    String since;

    @Override
    public Integer call() {
        return parent.repeatable(parent::openForReading, s -> {
            List<IncidentState> all = s.incidents().incidents();
            Optional<IncidentId> active = s.incidents().activeOpenIncident();
            var out = spec.commandLine().getOut();
            if (all.isEmpty()) {
                out.println("No incidents yet in " + s.dataDirectory() + ". Declare one in the window (Ctrl+N)"
                        + " or with `conn declare`.");
                return 0;
            }
            out.printf(
                    "  %-8s  %-4s  %-13s  %-17s  %-9s  %-18s  %s%n",
                    "ID", "SEV", "STATUS", "DECLARED (UTC)", "ELAPSED", "COMMANDER", "TITLE");
            java.time.Instant from = since == null ? java.time.Instant.MIN : parseSince(since);
            for (IncidentState st : all) {
                if (openOnly && !st.isOpen() || st.declaredAt().isBefore(from)) {
                    continue;
                }
                String mark = active.map(a -> a.equals(st.id())).orElse(false) ? "*" : " ";
                out.printf(
                        "%s %-8s  %-4s  %-13s  %-17s  %-9s  %-18s  %s%n",
                        mark,
                        st.id().shortForm(),
                        st.severity(),
                        st.status().label(),
                        TimeFormat.utcDateMinutes(st.declaredAt()),
                        hhmm(st.sinceImpactStart(parent.clock().instant())),
                        clip(ControlChars.oneLine(st.commander()), 18),
                        ControlChars.oneLine(st.title()));
            }
            return 0;
        });
    }

    /**
     * @param text a date ({@code 2026-11-01}, the start of that day in UTC) or an ISO-8601 instant
     * @return the instant
     * @throws IllegalArgumentException naming the accepted forms
     */
    static java.time.Instant parseSince(String text) {
        try {
            return java.time.LocalDate.parse(text.strip())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (java.time.format.DateTimeParseException notADate) {
            try {
                return java.time.Instant.parse(text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--since takes a date like 2026-11-01 (UTC) or an instant like 2026-11-01T09:00:00Z, not '"
                                + text + "'");
            }
        }
    }

    private static String hhmm(Duration d) {
        long m = d.toMinutes();
        return m >= 60 * 24 ? (m / (60 * 24)) + "d " + (m / 60 % 24) + "h" : (m / 60) + "h " + (m % 60) + "m";
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
