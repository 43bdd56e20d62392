package dev.conn.postmortem;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.Retractions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the team wrote after the incident: a pure fold over {@code POSTMORTEM_FIELD_SET},
 * {@code ACTION_ITEM_ADDED}/{@code ACTION_ITEM_UPDATED}, {@code INCIDENT_TAGGED} and {@code
 * POSTMORTEM_HEADER_SET} events,
 * applied in the order they were recorded (the latest edit wins). Retracted events count for
 * nothing; an event whose payload cannot be read is skipped (one bad entry must not hide the rest).
 *
 * @param fields each section's text by key (see {@link PostmortemField}); empty texts left out
 * @param actionItems the action items, in the order they were added
 * @param services the services the incident hit
 * @param categories its root-cause categories
 * @param header the document's date, authors, review status and reviewers ({@code
 *     POSTMORTEM_HEADER_SET}, the latest wins)
 */
public record Postmortem(
        Map<String, String> fields,
        List<ActionItem> actionItems,
        List<String> services,
        List<String> categories,
        DocumentHeader header) {

    /** The event types the fold reads. */
    public static final Set<EventType> TYPES = Set.of(
            EventType.POSTMORTEM_FIELD_SET,
            EventType.ACTION_ITEM_ADDED,
            EventType.ACTION_ITEM_UPDATED,
            EventType.INCIDENT_TAGGED,
            EventType.POSTMORTEM_HEADER_SET,
            EventType.EVENT_RETRACTED);

    /** Copies the collections. */
    public Postmortem {
        fields = java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
        actionItems = List.copyOf(actionItems);
        services = List.copyOf(services);
        categories = List.copyOf(categories);
        header = header == null ? DocumentHeader.UNSET : header;
    }

    /**
     * @param events an incident's events, in any order; other types are ignored
     * @return the postmortem as last edited
     */
    public static Postmortem fold(Collection<Event> events) {
        Set<UUID> retracted = Retractions.retractedIds(events);
        List<Event> sorted = new ArrayList<>();
        for (Event e : events) {
            if (TYPES.contains(e.type()) && e.type() != EventType.EVENT_RETRACTED && !retracted.contains(e.id())) {
                sorted.add(e);
            }
        }
        sorted.sort(Milestones.BY_RECORDING);
        Builder b = new Builder();
        sorted.forEach(b::apply);
        return b.build();
    }

    /**
     * @param key a field key
     * @return its text, or the empty string
     */
    public String field(String key) {
        return fields.getOrDefault(key, "");
    }

    /** @return the root-cause numbers that have any text (cause, whys or "where else"), ascending */
    public List<Integer> rootCauses() {
        Set<Integer> out = new java.util.TreeSet<>();
        for (String k : fields.keySet()) {
            if (k.startsWith("rootCause.")) {
                String rest = k.substring("rootCause.".length());
                int dot = rest.indexOf('.');
                out.add(Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot)));
            }
        }
        actionItems.forEach(a -> a.rootCause().ifPresent(out::add));
        return new ArrayList<>(out);
    }

    /**
     * Applies postmortem events one at a time, in recording order: the mutable half of {@link
     * #fold}, which {@link PostmortemFold} keeps to apply new events as they arrive.
     */
    static final class Builder {
        private final Map<String, String> fields = new TreeMap<>();
        private final Map<UUID, ActionItem> items = new LinkedHashMap<>();
        private List<String> services = List.of();
        private List<String> categories = List.of();
        private DocumentHeader header = DocumentHeader.UNSET;

        /**
         * @param e the next event, in recording order (not retracted)
         * @return true if it is a postmortem event that could be read
         */
        boolean apply(Event e) {
            if (!(Bodies.read(e) instanceof PostmortemEvent body)) {
                return false;
            }
            try {
                if (body instanceof PostmortemEvent.PostmortemFieldSet f) {
                    if (f.text().isBlank()) {
                        fields.remove(f.field());
                    } else {
                        fields.put(f.field(), f.text());
                    }
                } else if (body instanceof PostmortemEvent.ActionItemAdded a) {
                    ActionItem item = ActionItem.added(a);
                    items.putIfAbsent(item.id(), item);
                } else if (body instanceof PostmortemEvent.ActionItemUpdated u) {
                    UUID id = ActionItem.uuid(u.itemId());
                    ActionItem item = items.get(id);
                    if (item != null) {
                        items.put(id, item.updatedBy(u));
                    }
                } else if (body instanceof PostmortemEvent.IncidentTagged t) {
                    services = nonBlank(t.services());
                    categories = nonBlank(t.categories());
                } else if (body instanceof PostmortemEvent.PostmortemHeaderSet h) {
                    header = DocumentHeader.of(h);
                } else {
                    return false; // a milestone: Milestones folds it
                }
            } catch (IllegalArgumentException malformed) {
                return false; // checked when recorded and on import; one bad entry must not hide the rest
            }
            return true;
        }

        /** @return the ids of the action items so far */
        Set<UUID> itemIds() {
            return new HashSet<>(items.keySet());
        }

        /** @return the postmortem as applied so far */
        Postmortem build() {
            return new Postmortem(fields, new ArrayList<>(items.values()), services, categories, header);
        }

        private static List<String> nonBlank(List<String> tags) {
            return tags.stream().filter(t -> t != null && !t.isBlank()).toList();
        }
    }
}
