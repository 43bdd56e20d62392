package dev.conn.postmortem;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Book-keeping across incidents: every incident with its milestones and tags, filters, and the
 * summary that shows where reliability work is needed (counts by severity, median TTD/TTM/TTR, the
 * most frequent root-cause categories and services), in the spirit of the SRE workbook's
 * postmortem culture chapter (https://sre.google/workbook/postmortem-culture/). Pure apart from
 * {@link #load}, which reads the store.
 */
public final class IncidentHistory {
    private IncidentHistory() {}

    /**
     * One incident in the history.
     *
     * @param state its header
     * @param milestones its milestones and TTx
     * @param services the services it hit (tags)
     * @param categories its root-cause categories (tags)
     */
    public record Row(IncidentState state, Milestones milestones, List<String> services, List<String> categories) {}

    /**
     * Which incidents to count; empty parts match everything.
     *
     * @param severity only this severity
     * @param service only incidents tagged with this service (case-insensitive)
     * @param since only incidents declared at or after this instant (UTC)
     * @param until only incidents declared before this instant (UTC)
     */
    public record Filter(
            Optional<Severity> severity, Optional<String> service, Optional<Instant> since, Optional<Instant> until) {
        /** @return a filter that matches every incident */
        public static Filter all() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** @return true if the row passes */
        public boolean test(Row r) {
            return severity.map(s -> r.state().severity() == s).orElse(true)
                    && service.map(s -> r.services().stream().anyMatch(x -> x.equalsIgnoreCase(s.strip())))
                            .orElse(true)
                    && since.map(t -> !r.state().declaredAt().isBefore(t)).orElse(true)
                    && until.map(t -> r.state().declaredAt().isBefore(t)).orElse(true);
        }
    }

    /**
     * A tag and how many incidents carry it.
     *
     * @param name the tag
     * @param incidents how many incidents carry it
     * @param percent their share of the incidents counted, 0..100, rounded
     */
    public record Tally(String name, int incidents, int percent) {}

    /**
     * The summary of a set of incidents.
     *
     * @param total how many incidents
     * @param bySeverity how many of each severity (every severity present, possibly 0)
     * @param medianTtd median time to detect, if any incident has one
     * @param medianTtm median time to mitigate over mitigated incidents
     * @param medianTtr median time to resolve over resolved incidents
     * @param topCategories root-cause categories, most frequent first (at most 5)
     * @param topServices services, most frequent first (at most 5)
     */
    public record Summary(
            int total,
            Map<Severity, Integer> bySeverity,
            Optional<Duration> medianTtd,
            Optional<Duration> medianTtm,
            Optional<Duration> medianTtr,
            List<Tally> topCategories,
            List<Tally> topServices) {}

    /** The event types a row is folded from. */
    public static final Set<EventType> TYPES;

    static {
        Set<EventType> t = new HashSet<>(IncidentState.HEADER_TYPES);
        t.addAll(Milestones.TYPES);
        t.add(EventType.INCIDENT_TAGGED);
        TYPES = Set.copyOf(t);
    }

    /**
     * Reads every incident's milestones and tags. Blocks on the store.
     *
     * @param incidents the incident service
     * @return the rows, newest declared first
     */
    public static List<Row> load(IncidentService incidents) {
        List<Row> rows = new ArrayList<>();
        for (IncidentState st : incidents.incidents()) {
            rows.add(row(incidents.events(st.id(), TYPES)));
        }
        rows.sort(Comparator.comparing((Row r) -> r.state().declaredAt()).reversed());
        return rows;
    }

    /**
     * @param events one incident's events (at least its header, milestone and tag events)
     * @return its row
     */
    public static Row row(List<Event> events) {
        IncidentState st = IncidentState.fold(events.stream()
                .filter(e -> IncidentState.HEADER_TYPES.contains(e.type()))
                .toList());
        Postmortem pm = Postmortem.fold(events);
        return new Row(st, Milestones.fold(events), pm.services(), pm.categories());
    }

    /**
     * @param rows the incidents to summarise (already filtered)
     * @return the summary
     */
    public static Summary summarise(List<Row> rows) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
        rows.forEach(r -> bySeverity.merge(r.state().severity(), 1, Integer::sum));
        return new Summary(
                rows.size(),
                bySeverity,
                median(rows, m -> m.timeToDetect()),
                median(rows, m -> m.timeToMitigate()),
                median(rows, m -> m.timeToResolve()),
                tally(rows, Row::categories),
                tally(rows, Row::services));
    }

    private static Optional<Duration> median(List<Row> rows, Function<Milestones, Optional<Duration>> metric) {
        List<Duration> values = rows.stream()
                .map(r -> metric.apply(r.milestones()))
                .flatMap(Optional::stream)
                .sorted()
                .toList();
        if (values.isEmpty()) {
            return Optional.empty();
        }
        int n = values.size();
        return Optional.of(
                n % 2 == 1
                        ? values.get(n / 2)
                        : values.get(n / 2 - 1).plus(values.get(n / 2)).dividedBy(2));
    }

    private static List<Tally> tally(List<Row> rows, Function<Row, List<String>> tags) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> display = new LinkedHashMap<>();
        for (Row r : rows) {
            for (String t : new java.util.LinkedHashSet<>(tags.apply(r))) {
                String key = t.strip().toLowerCase(java.util.Locale.ROOT);
                display.putIfAbsent(key, t.strip());
                counts.merge(key, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .map(e -> new Tally(
                        display.get(e.getKey()), e.getValue(), (int) Math.round(100.0 * e.getValue() / rows.size())))
                .toList();
    }

    /**
     * @param s a summary
     * @return the summary as text lines, as {@code conn stats} prints it and the history tab shows it
     */
    public static List<String> describe(Summary s) {
        List<String> out = new ArrayList<>();
        StringBuilder sev = new StringBuilder();
        s.bySeverity().forEach((k, v) -> sev.append(sev.length() == 0 ? "" : ", ")
                .append(k)
                .append(' ')
                .append(v));
        out.add("Incidents: " + s.total() + " (" + sev + ")");
        out.add("Median TTD " + Milestones.format(s.medianTtd()) + " · TTM " + Milestones.format(s.medianTtm())
                + " · TTR " + Milestones.format(s.medianTtr()));
        out.add("Top root-cause categories: " + tallies(s.topCategories()));
        out.add("Top services: " + tallies(s.topServices()));
        return out;
    }

    private static String tallies(List<Tally> t) {
        if (t.isEmpty()) {
            return "none tagged";
        }
        StringBuilder b = new StringBuilder();
        for (Tally x : t) {
            b.append(b.length() == 0 ? "" : ", ")
                    .append(x.name())
                    .append(' ')
                    .append(x.percent())
                    .append(" % (")
                    .append(x.incidents())
                    .append(')');
        }
        return b.toString();
    }
}
