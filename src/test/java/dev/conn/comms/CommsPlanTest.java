package dev.conn.comms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.command.CommunicationDeadlines;
import dev.conn.incident.AckMethod;
import dev.conn.incident.Audience;
import dev.conn.incident.CommandEvent;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.settings.Policy;
import dev.conn.settings.PolicyFile;
import dev.conn.testing.Events;
import dev.conn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommsPlanTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z"); // a Friday
    private final Policy.Comms policy = PolicyFile.defaults().comms();
    private final IncidentId incident = Events.newIncident();
    private final MutableClock clock = new MutableClock(T0);
    private final List<Event> events = new ArrayList<>();

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private void declare(Severity s) {
        add(
                0,
                new HeaderEvent.IncidentDeclared(
                        "Checkout errors", s, Optional.empty(), Optional.empty(), Optional.of("Alice")));
    }

    private void add(int minute, EventBody body) {
        events.add(Event.of(Event.newId(), incident, at(minute), at(minute), "alice", body));
    }

    private void message(int minute, Audience audience) {
        message(minute, audience, Optional.empty());
    }

    private void message(int minute, Audience audience, Optional<Instant> nextUpdateAt) {
        add(
                minute,
                CommsEvent.MessageQueued.of(
                        "m" + minute,
                        audience,
                        List.of("slack"),
                        "Update " + minute,
                        "text",
                        nextUpdateAt,
                        Optional.empty()));
    }

    private CommsPlan plan() {
        return CommsPlan.evaluate(policy, events, clock);
    }

    @Test
    void sev1ChecklistHasThePagerDutyDueTimes() {
        declare(Severity.SEV1);
        CommsPlan plan = plan();
        assertThat(plan.item("notify-responders").orElseThrow().dueAt()).contains(at(5));
        assertThat(plan.item("statuspage-investigating").orElseThrow().dueAt()).contains(at(5));
        assertThat(plan.item("statuspage-scoping").orElseThrow().dueAt()).contains(at(10));
        assertThat(plan.item("stakeholder-update").orElseThrow().dueAt()).contains(at(30));
        assertThat(plan.item("post-resolution").orElseThrow().state()).isEqualTo(ItemState.WAITING);
        assertThat(plan.countdown(Audience.STATUS_PAGE).orElseThrow().dueAt()).contains(at(5));
        assertThat(plan.countdown(Audience.STAKEHOLDERS).orElseThrow().dueAt()).contains(at(30));
        assertThat(plan.countdown(Audience.STATE_SUMMARY).orElseThrow().dueAt()).contains(at(240));
    }

    @Test
    void itemTurnsAmberThenRedAsTheClockSteps() {
        declare(Severity.SEV1);
        assertThat(plan().item("notify-responders").orElseThrow().state()).isEqualTo(ItemState.PENDING);
        clock.advance(Duration.ofMinutes(3).plusSeconds(30));
        assertThat(plan().item("notify-responders").orElseThrow().state()).isEqualTo(ItemState.DUE_SOON);
        clock.advance(Duration.ofSeconds(90));
        assertThat(plan().item("notify-responders").orElseThrow().state()).isEqualTo(ItemState.OVERDUE);
        assertThat(plan().countdown(Audience.STATUS_PAGE).orElseThrow().state()).isEqualTo(ItemState.OVERDUE);
    }

    @Test
    void statusPageMessagesTickItemsInOrderAndRestartTheCadence() {
        declare(Severity.SEV1);
        message(3, Audience.STATUS_PAGE);
        clock.set(at(4));
        CommsPlan plan = plan();
        assertThat(plan.item("statuspage-investigating").orElseThrow().state()).isEqualTo(ItemState.DONE);
        assertThat(plan.item("statuspage-scoping").orElseThrow().state()).isEqualTo(ItemState.PENDING);
        assertThat(plan.countdown(Audience.STATUS_PAGE).orElseThrow().dueAt()).contains(at(23));
        message(9, Audience.STATUS_PAGE);
        assertThat(plan().item("statuspage-scoping").orElseThrow().state()).isEqualTo(ItemState.DONE);
    }

    @Test
    void statusPageCadenceSlowsToHourlyAfterTwoHours() {
        declare(Severity.SEV1);
        message(130, Audience.STATUS_PAGE);
        clock.set(at(131));
        assertThat(plan().countdown(Audience.STATUS_PAGE).orElseThrow().dueAt()).contains(at(190));
    }

    @Test
    void promisedNextUpdateMovesTheDeadline() {
        declare(Severity.SEV1);
        message(20, Audience.STAKEHOLDERS, Optional.of(at(45)));
        clock.set(at(21));
        AudienceCountdown c = plan().countdown(Audience.STAKEHOLDERS).orElseThrow();
        assertThat(c.dueAt()).contains(at(45));
        assertThat(c.promised()).isTrue();
        clock.set(at(46));
        assertThat(plan().countdown(Audience.STAKEHOLDERS).orElseThrow().state())
                .isEqualTo(ItemState.OVERDUE);
    }

    @Test
    void aPromiseToTheStatusPageIsWhenItsOpenChecklistItemIsDueSoTheyNeverDisagree() {
        declare(Severity.SEV1);
        message(3, Audience.STATUS_PAGE, Optional.of(at(25)));
        clock.set(at(13)); // the scoping update was due at 10 minutes

        CommsPlan plan = plan();
        ChecklistItem scoping = plan.item("statuspage-scoping").orElseThrow();
        AudienceCountdown page = plan.countdown(Audience.STATUS_PAGE).orElseThrow();
        assertThat(scoping.dueAt()).isEqualTo(page.dueAt()).contains(at(25));
        assertThat(scoping.promised()).isTrue();
        assertThat(scoping.state()).isEqualTo(page.state()).isEqualTo(ItemState.PENDING);
    }

    @Test
    void severityChangeReplansOpenItemsFromTheChange() {
        declare(Severity.SEV3);
        message(2, Audience.RESPONDERS);
        assertThat(plan().item("statuspage-investigating")).isEmpty();
        assertThat(plan().countdown(Audience.STATUS_PAGE)).isEmpty();
        add(40, new HeaderEvent.SeverityChanged(Severity.SEV1, Optional.empty()));
        clock.set(at(41));
        CommsPlan plan = plan();
        assertThat(plan.item("notify-responders").orElseThrow())
                .extracting(ChecklistItem::state)
                .isEqualTo(ItemState.DONE);
        assertThat(plan.item("statuspage-investigating").orElseThrow().dueAt()).contains(at(45));
        assertThat(plan.countdown(Audience.STATUS_PAGE).orElseThrow().dueAt()).contains(at(45));
        assertThat(plan.countdown(Audience.STAKEHOLDERS).orElseThrow().dueAt()).contains(at(70));
    }

    @Test
    void snoozeAndSkipAreHonoured() {
        declare(Severity.SEV1);
        add(1, new CommsEvent.ChecklistItemSkipped("open-channel", "Open", "war room open"));
        add(1, new CommsEvent.ChecklistItemSnoozed("comms-lead", "Comms lead", at(25)));
        clock.set(at(12));
        CommsPlan plan = plan();
        ChecklistItem skipped = plan.item("open-channel").orElseThrow();
        assertThat(skipped.state()).isEqualTo(ItemState.SKIPPED);
        assertThat(skipped.note()).contains("war room open");
        ChecklistItem snoozed = plan.item("comms-lead").orElseThrow();
        assertThat(snoozed.state()).isEqualTo(ItemState.SNOOZED);
        assertThat(snoozed.dueAt()).contains(at(25));
        clock.set(at(26));
        assertThat(plan().item("comms-lead").orElseThrow().state()).isEqualTo(ItemState.OVERDUE);
    }

    @Test
    void resolutionStopsCountdownsAndDuesThePostmortemInFiveBusinessDays() {
        declare(Severity.SEV1);
        add(60, new HeaderEvent.Resolved(Optional.empty()));
        clock.set(at(61));
        CommsPlan plan = plan();
        assertThat(plan.countdowns()).isEmpty();
        assertThat(plan.item("post-resolution").orElseThrow().dueAt()).contains(at(75));
        // resolved Friday 10:00 UTC: five business days later is the next Friday
        assertThat(plan.item("schedule-postmortem").orElseThrow().dueAt())
                .contains(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void aHandoffOfCommandMakesTheStateSummaryDue() {
        declare(Severity.SEV1);
        add(
                50,
                new CommandEvent.HandoffAcknowledged(
                        "o1", Role.INCIDENT_COMMANDER, "Bob", Optional.empty(), AckMethod.READ_BACK));
        clock.set(at(51));
        AudienceCountdown c = plan().countdown(Audience.STATE_SUMMARY).orElseThrow();
        assertThat(c.dueAt()).contains(at(50));
        assertThat(c.state()).isEqualTo(ItemState.OVERDUE);
        assertThat(c.basis()).isEqualTo(AudienceCountdown.Basis.HANDOFF); // so the screen can say why
        message(52, Audience.STATE_SUMMARY);
        assertThat(plan().countdown(Audience.STATE_SUMMARY).orElseThrow().dueAt())
                .contains(at(292));
    }

    @Test
    void handoffBriefListsOpenDeadlinesSoonestFirst() {
        declare(Severity.SEV1);
        message(3, Audience.RESPONDERS);
        List<CommunicationDeadlines.Deadline> d =
                new CommsDeadlines(policy).upcoming(IncidentState.fold(events), events, at(4));
        assertThat(d)
                .extracting(CommunicationDeadlines.Deadline::what)
                .doesNotContain("Notify responders and leadership");
        assertThat(d.get(0).dueAt()).isEqualTo(at(5));
        assertThat(d).extracting(CommunicationDeadlines.Deadline::dueAt).isSorted();
        assertThat(d).extracting(CommunicationDeadlines.Deadline::what).contains("Next update: Stakeholders");
    }
}
