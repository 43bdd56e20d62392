package dev.conn.warroom;

import dev.conn.incident.CommandFold;
import dev.conn.incident.Event;
import dev.conn.incident.Retractions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which decisions of this console lost to another console's: two acknowledgements of one offer, two
 * offers of one role (see {@link CommandFold}, which settles them in the war room's order). The
 * losing event stays in the log; the console that wrote it tells its user, in these words. Pure.
 */
public final class LostDecisions {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private LostDecisions() {}

    /**
     * @param events one incident's events in the log's order (the store's read order); types other
     *     than {@link CommandFold#TYPES} are skipped
     * @param mine true for an event this console wrote
     * @return the supersessions whose loser is this console's, in the log's order
     */
    public static List<CommandFold.Supersession> of(List<Event> events, Predicate<Event> mine) {
        List<Event> live = Retractions.withoutRetracted(List.copyOf(events)).stream()
                .filter(e -> CommandFold.TYPES.contains(e.type()))
                .toList();
        return CommandFold.of(live).supersessions().stream()
                .filter(s -> mine.test(s.loser()))
                .toList();
    }

    /**
     * @param s a decision this console lost
     * @param zone the zone of the clock on screen
     * @return what to tell the user, e.g. "Your hand-off entry of 14:03 did not count: superseded by
     *     Bo's hand-off (Bo acknowledged it first; …)"
     */
    public static String tell(CommandFold.Supersession s, ZoneId zone) {
        return "Your " + s.loser().type().label().toLowerCase(Locale.ROOT) + " entry of "
                + HH_MM.format(s.loser().occurredAt().atZone(zone)) + " did not count: " + s.summary()
                + ". It stays in the timeline, marked superseded.";
    }
}
