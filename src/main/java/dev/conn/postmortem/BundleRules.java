package dev.conn.postmortem;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.PostmortemEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The milestone rule the postmortem tab and the CLI apply ({@link MilestoneDecider}), applied
 * to the {@code MILESTONE_SET} events an import would add: each one is checked against the
 * milestones as they stood when it was recorded (the stored log and the bundle, up to its {@code
 * recordedAt}), with {@link MilestoneDecider#problem}, its {@code recordedAt} taking the
 * place of "now". So a bundle whose milestone lies before impact started (a negative TTx), after
 * the moment it was set, or without a reason is refused as the tab would refuse it, and a log the
 * tab wrote always passes. Pure.
 */
final class BundleRules {
    private static final Comparator<Event> BY_RECORDING = Milestones.BY_RECORDING;

    private BundleRules() {}

    /**
     * @param bundle the bundle, with each event's position in the file
     * @param stored the incident's stored events of {@link Milestones#TYPES} (empty for a new one)
     * @throws BundleReader.BundleException naming the first refused {@code MILESTONE_SET} and why
     */
    static void checkMilestones(BundleReader.Indexed bundle, List<Event> stored) {
        Map<UUID, Event> all = new LinkedHashMap<>();
        stored.forEach(e -> all.put(e.id(), e));
        List<Event> added = new ArrayList<>();
        for (Event e : bundle.bundle().events()) {
            if (Milestones.TYPES.contains(e.type()) && !all.containsKey(e.id())) {
                all.put(e.id(), e);
                if (e.type() == EventType.MILESTONE_SET) {
                    added.add(e);
                }
            }
        }
        added.sort(BY_RECORDING);
        for (Event set : added) {
            List<Event> before = all.values().stream()
                    .filter(e -> BY_RECORDING.compare(e, set) < 0)
                    .toList();
            String at = bundle.at(set.id()) + ".payload";
            if (before.stream().noneMatch(e -> e.type() == EventType.INCIDENT_DECLARED)) {
                throw new BundleReader.BundleException(bundle.at(set.id()) + ".recordedAt: the milestone was set at "
                        + set.recordedAt() + ", before the incident was declared");
            }
            PostmortemEvent.MilestoneSet m = (PostmortemEvent.MilestoneSet) set.body(); // decoded by BundleReader
            Optional<String> problem = MilestoneDecider.problem(
                    Milestones.fold(before), m.milestone(), m.at(), m.reason(), set.recordedAt());
            if (problem.isPresent()) {
                String field = m.reason().isBlank() ? ".reason" : ".at";
                throw new BundleReader.BundleException(at + field + ": " + problem.get());
            }
        }
    }
}
