package dev.conn.postmortem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the team wrote after the incident: a pure fold over {@code POSTMORTEM_FIELD_SET},
 * {@code ACTION_ITEM_ADDED}/{@code ACTION_ITEM_UPDATED} and {@code INCIDENT_TAGGED} events,
 * applied in the order they were recorded (the latest edit wins). Retracted events count for
 * nothing.
 *
 * @param fields each section's text by key (see {@link PostmortemField}); empty texts left out
 * @param actionItems the action items, in the order they were added
 * @param services the services the incident hit
 * @param categories its root-cause categories
 */
public record Postmortem(
        Map<String, String> fields, List<ActionItem> actionItems, List<String> services, List<String> categories) {

    /** The event types the fold reads. */
    public static final Set<EventType> TYPES = Set.of(
            EventType.POSTMORTEM_FIELD_SET,
            EventType.ACTION_ITEM_ADDED,
            EventType.ACTION_ITEM_UPDATED,
            EventType.INCIDENT_TAGGED,
            EventType.EVENT_RETRACTED);

    /** Copies the collections. */
    public Postmortem {
        fields = java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
        actionItems = List.copyOf(actionItems);
        services = List.copyOf(services);
        categories = List.copyOf(categories);
    }

    /**
     * @param events an incident's events, in any order; other types are ignored
     * @return the postmortem as last edited
     */
    public static Postmortem fold(Collection<Event> events) {
        Set<UUID> retracted = new HashSet<>();
        for (Event e : events) {
            if (e.type() == EventType.EVENT_RETRACTED) {
                e.payload().text("retractedEventId").map(UUID::fromString).ifPresent(retracted::add);
            }
        }
        List<Event> sorted = new ArrayList<>();
        for (Event e : events) {
            if (TYPES.contains(e.type()) && e.type() != EventType.EVENT_RETRACTED && !retracted.contains(e.id())) {
                sorted.add(e);
            }
        }
        sorted.sort(Comparator.comparing(Event::recordedAt).thenComparing(Event::id));
        Map<String, String> fields = new TreeMap<>();
        Map<UUID, ActionItem> items = new LinkedHashMap<>();
        List<String> services = List.of();
        List<String> categories = List.of();
        for (Event e : sorted) {
            try {
                switch (e.type()) {
                    case POSTMORTEM_FIELD_SET -> {
                        String key = e.payload().textOrEmpty("field");
                        String text = e.payload().textOrEmpty("text");
                        if (text.isBlank()) {
                            fields.remove(key);
                        } else {
                            fields.put(key, text);
                        }
                    }
                    case ACTION_ITEM_ADDED -> {
                        ActionItem item = ActionItem.fromPayload(e.payload());
                        items.putIfAbsent(item.id(), item);
                    }
                    case ACTION_ITEM_UPDATED -> {
                        UUID id = ActionItem.uuid(e.payload());
                        ActionItem item = items.get(id);
                        if (item != null) {
                            items.put(id, item.updatedBy(e.payload()));
                        }
                    }
                    case INCIDENT_TAGGED -> {
                        services = strings(e.payload().toNode().path("services"));
                        categories = strings(e.payload().toNode().path("categories"));
                    }
                    default -> {
                        // not read
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // checked when recorded and on import; one bad entry must not hide the rest
            }
        }
        return new Postmortem(fields, new ArrayList<>(items.values()), services, categories);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                out.add(n.asText());
            }
        });
        return out;
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
}
