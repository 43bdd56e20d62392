package dev.conn.warroom;

import dev.conn.incident.CommandFold;
import dev.conn.incident.Event;
import dev.conn.incident.EventRemarks;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the timeline says about each event of the open incident in a war room, computed off the FX
 * thread and looked up on it: "not yet shared" for this console's events the war room does not hold
 * yet; "superseded by …" for an event that lost a decision needing one winner; and the database
 * role the war room recorded as its writer, when it is not a role the claimed author's console
 * connects as. Immutable. Pure.
 */
public final class Remarks implements EventRemarks {
    /** No remarks. */
    public static final Remarks NONE = new Remarks(Map.of());

    private final Map<UUID, String> byEvent;

    private Remarks(Map<UUID, String> byEvent) {
        this.byEvent = Map.copyOf(byEvent);
    }

    /**
     * @param shares where each event of the incident stands in the war room
     * @param supersessions the incident's events that lost a decision ({@link CommandFold})
     * @param people the war room's people, with the role each console connects as
     * @return the remarks
     */
    public static Remarks of(
            List<EventShare> shares, Collection<CommandFold.Supersession> supersessions, List<PersonSeen> people) {
        Map<String, Set<String>> rolesByName = new HashMap<>();
        for (PersonSeen p : people) {
            rolesByName
                    .computeIfAbsent(key(p.person().name()), k -> new HashSet<>())
                    .add(p.role());
        }
        Map<UUID, String> out = new HashMap<>();
        for (EventShare s : shares) {
            if (!s.shared()) {
                out.put(s.eventId(), "not yet shared");
            } else {
                String role = s.serverRole().orElse("");
                if (!role.isEmpty()
                        && !rolesByName.getOrDefault(key(s.author()), Set.of()).contains(role)) {
                    out.put(s.eventId(), "written as database role " + role);
                }
            }
        }
        for (CommandFold.Supersession l : supersessions) {
            out.merge(l.loser().id(), l.summary(), (a, b) -> b + " · " + a);
        }
        return new Remarks(out);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<String> remark(Event event) {
        return Optional.ofNullable(byEvent.get(event.id()));
    }

    /** @return how many events have a remark */
    public int size() {
        return byEvent.size();
    }
}
