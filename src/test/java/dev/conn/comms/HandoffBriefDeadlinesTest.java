package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.command.HandoffBrief;
import dev.conn.command.HandoffCommand;
import dev.conn.command.PeopleService;
import dev.conn.command.RosterCommand;
import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.Audience;
import dev.conn.incident.Declaration;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.settings.Policy;
import dev.conn.settings.PolicyFile;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 3: the hand-off brief's COMMUNICATION DEADLINES are computed by the same code as
 * the Comms tab, over the same events, so an item the Comms tab shows done never appears in the
 * brief as overdue.
 */
class HandoffBriefDeadlinesTest {
    private static final Instant T0 = Instant.parse("2026-12-05T18:40:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final IncidentService incidents = new IncidentService(store, clock);
    private final Policy.Comms policy = PolicyFile.defaults().comms();
    private final PeopleService people = PeopleService.create(
            incidents,
            Duration.ofMinutes(5),
            new SplittableRandom(7),
            new CommsDeadlines(policy),
            new FatigueMonitor(PolicyFile.defaults().fatigue(), ZoneOffset.UTC));
    private final CommsService comms =
            new CommsService(incidents.log(), new CountingOutbox(), new OutboxWatch(new CountingOutbox()));

    @Test
    void theBriefListsAsDueOnlyWhatTheCommsTabShowsOpen() {
        IncidentId incident = incidents
                .declare(new Declaration("Checkout errors", Severity.SEV1, "", Optional.empty(), "Ana"), "Ana")
                .incidentId();
        // Ana, the declaring commander, is on the roster already
        String bob = people.execute(
                        incident, new RosterCommand.AddResponder("Bob", Optional.empty(), Optional.empty()), "Ana")
                .responder()
                .id();
        // as at 18:57 in the report: responders notified, bridge open, status page posted, with
        // next updates promised
        clock.advance(Duration.ofMinutes(2));
        queue(incident, Audience.RESPONDERS, "notify-responders", 30);
        queue(incident, Audience.STATUS_PAGE, "statuspage-investigating", 15);
        comms.execute(incident, new CommsCommand.TickItem("open-channel", "Open a bridge/channel"), "Ana");
        clock.advance(Duration.ofMinutes(15));

        HandoffBrief brief = people.preview(incident, HandoffCommand.Offer.of(Role.INCIDENT_COMMANDER, bob))
                .brief();

        List<String> section = section(brief);
        assertThat(section).isNotEmpty();
        assertThat(String.join("\n", section))
                .doesNotContain("Notify responders")
                .doesNotContain("Post to status page: investigating")
                .doesNotContain("Open a bridge");
        // what the Comms tab shows at this instant, the brief shows in the same words and order
        CommsPlan tab = CommsPlan.evaluate(policy, incidents.timeline(incident), clock.instant());
        List<String> open = new java.util.ArrayList<>();
        tab.checklist().stream()
                .filter(i -> i.state().isOpen() && i.dueAt().isPresent())
                .forEach(i -> open.add(i.title()));
        tab.countdowns().stream()
                .filter(c -> c.dueAt().isPresent())
                .forEach(c -> open.add("Next update: " + CommsDeadlines.audienceLabel(c.audience())));
        assertThat(section).hasSize(open.size());
        assertThat(section).allSatisfy(line -> assertThat(open).anyMatch(line::contains));
        assertThat(section)
                .filteredOn(l -> l.startsWith("- Next update: Responders"))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("in 15 min").doesNotContain("OVERDUE"));
    }

    private void queue(IncidentId incident, Audience audience, String item, int promiseMinutes) {
        comms.execute(
                incident,
                new CommsCommand.QueueMessage(
                        UUID.randomUUID(),
                        audience,
                        List.of("slack-ops"),
                        "Checkout errors",
                        "We are investigating",
                        null,
                        Optional.of(clock.instant().plus(Duration.ofMinutes(promiseMinutes))),
                        Optional.of(item)),
                "Ana");
    }

    private static List<String> section(HandoffBrief brief) {
        List<String> lines = brief.lines();
        int from = lines.indexOf("COMMUNICATION DEADLINES");
        int to = lines.indexOf("READ-BACK");
        return from < 0 ? List.of() : lines.subList(from + 1, to);
    }
}
