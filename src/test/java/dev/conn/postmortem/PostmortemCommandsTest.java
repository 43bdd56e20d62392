package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Milestone;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.Severity;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The postmortem's commands on the one write path, over an in-memory store: each reads the log
 * once and appends once (issue 12, "one read, one write"), and the deciders' rules in the user's
 * words.
 */
class PostmortemCommandsTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final IncidentService incidents = new IncidentService(store, clock);
    private final PostmortemService service = new PostmortemService(incidents);
    private final IncidentId id = incidents
            .declare(
                    new Declaration("DNS cache leak", Severity.SEV1, "", Optional.of(T0.minusSeconds(1200)), "alice"),
                    "alice")
            .incidentId();

    {
        clock.advance(Duration.ofMinutes(30));
    }

    private ActionItem item(String owner, ActionItemStatus status) {
        return new ActionItem(
                ActionItem.newId(),
                "Alert on DNS cache memory",
                ActionItemKind.PREVENT,
                owner,
                Optional.of(LocalDate.of(2026, 12, 1)),
                "OPS-1",
                status,
                Optional.of(1),
                false);
    }

    private static ActionItem with(ActionItem i, String owner, ActionItemStatus status, Optional<LocalDate> due) {
        return new ActionItem(i.id(), i.text(), i.kind(), owner, due, i.ticket(), status, i.rootCause(), i.elsewhere());
    }

    private record Case(Function<PostmortemCommandsTest, PostmortemCommand> prepare, EventType appends) {}

    private static Arguments of(String name, Function<PostmortemCommandsTest, PostmortemCommand> prepare, EventType t) {
        return Arguments.of(name, new Case(prepare, t));
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                of(
                        "set milestone",
                        t -> new PostmortemCommand.SetMilestone(
                                Milestone.DETECTED, T0.minusSeconds(600), "first alert"),
                        EventType.MILESTONE_SET),
                of(
                        "set section",
                        t -> new PostmortemCommand.SetField("summary", "DNS"),
                        EventType.POSTMORTEM_FIELD_SET),
                of(
                        "add action item",
                        t -> new PostmortemCommand.AddActionItem(t.item("carol", ActionItemStatus.OPEN)),
                        EventType.ACTION_ITEM_ADDED),
                of(
                        "update action item",
                        t -> {
                            ActionItem i = t.item("carol", ActionItemStatus.OPEN);
                            t.service.addActionItem(t.id, i, "alice");
                            return PostmortemCommand.UpdateActionItem.to(
                                    with(i, "dave", ActionItemStatus.DONE, i.due()));
                        },
                        EventType.ACTION_ITEM_UPDATED),
                of(
                        "set tags",
                        t -> new PostmortemCommand.SetTags(List.of("dns"), List.of("capacity")),
                        EventType.INCIDENT_TAGGED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aPostmortemCommandReadsTheLogOnceAndAppendsOnce(String name, Case c) {
        PostmortemCommand command = c.prepare().apply(this);
        store.resetCounts();

        List<Event> appended = service.execute(id, command, "alice");

        assertThat(appended).extracting(Event::type).containsExactly(c.appends());
        assertThat(store.calls("read")).as("reads").isEqualTo(1);
        assertThat(store.calls("append")).as("appends").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aPostmortemCommandForAnIncidentNeverDeclaredIsRefusedAndWritesNothing(String name, Case c) {
        PostmortemCommand command = c.prepare().apply(this);
        store.resetCounts();

        CommandRefusedException e = assertThrows(
                CommandRefusedException.class,
                () -> service.execute(dev.conn.testing.Events.newIncident(), command, "alice"));

        assertThat(e.getMessage()).contains("declare or open one first");
        assertThat(store.calls("append")).isZero();
    }

    @Test
    void anUpdateRecordsOnlyWhatTheUserChangedSoAnotherConsolesEditOfAnotherFieldStays() {
        ActionItem seen = item("carol", ActionItemStatus.OPEN);
        service.addActionItem(id, seen, "alice");
        // two consoles show the same item: one changes the owner, then the other the status
        service.execute(
                id,
                new PostmortemCommand.UpdateActionItem(
                        with(seen, "dave", ActionItemStatus.OPEN, seen.due()), Optional.of(seen)),
                "bob");
        List<Event> second = service.execute(
                id,
                new PostmortemCommand.UpdateActionItem(
                        with(seen, "carol", ActionItemStatus.DONE, seen.due()), Optional.of(seen)),
                "eve");

        assertThat(second).singleElement().satisfies(e -> assertThat(e.body())
                .isEqualTo(new PostmortemEvent.ActionItemUpdated(
                        seen.id().toString(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(ActionItemStatus.DONE),
                        Optional.empty(),
                        Optional.empty())));
        assertThat(Postmortem.fold(incidents.timeline(id)).actionItems())
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.owner()).isEqualTo("dave");
                    assertThat(a.status()).isEqualTo(ActionItemStatus.DONE);
                });
    }

    @Test
    void anUpdateThatChangesNothingAndARepeatedAddAppendNothing() {
        ActionItem item = item("carol", ActionItemStatus.OPEN);
        service.addActionItem(id, item, "alice");
        store.resetCounts();

        assertThat(service.addActionItem(id, item, "alice")).isEmpty();
        assertThat(service.updateActionItem(id, item, "alice")).isEmpty();
        assertThat(store.calls("append")).isZero();
        assertThat(Postmortem.fold(incidents.timeline(id)).actionItems()).hasSize(1);
    }

    @Test
    void aDueDateCanBeClearedAndAnUnknownItemIsRefusedByItsText() {
        ActionItem item = item("carol", ActionItemStatus.OPEN);
        service.addActionItem(id, item, "alice");

        service.updateActionItem(id, with(item, "carol", ActionItemStatus.OPEN, Optional.empty()), "alice");

        assertThat(Postmortem.fold(incidents.timeline(id)).actionItems())
                .singleElement()
                .satisfies(a -> assertThat(a.due()).isEmpty());
        assertThat(assertThrows(
                                CommandRefusedException.class,
                                () -> service.updateActionItem(id, item("x", ActionItemStatus.OPEN), "alice"))
                        .getMessage())
                .contains("\"Alert on DNS cache memory\" is not in this incident's postmortem");
    }

    @Test
    void anActionItemWithoutTextIsRefused() {
        ActionItem blank = new ActionItem(
                ActionItem.newId(),
                " ",
                ActionItemKind.PROCESS,
                "",
                Optional.empty(),
                "",
                ActionItemStatus.OPEN,
                Optional.empty(),
                false);

        assertThat(assertThrows(CommandRefusedException.class, () -> service.addActionItem(id, blank, "alice"))
                        .getMessage())
                .startsWith("Describe the action item");
    }

    @Test
    void tagsAreStrippedAndRepeatsAndBlanksDropped() {
        service.tag(id, List.of(" dns", "checkout ", "dns", " "), List.of("capacity", ""), "alice");

        Postmortem pm = Postmortem.fold(incidents.timeline(id));
        assertThat(pm.services()).containsExactly("dns", "checkout");
        assertThat(pm.categories()).containsExactly("capacity");
    }

    @Test
    void aMilestoneIsDecidedOnTheLogSoASecondEditBuildsOnTheFirst() {
        service.setMilestone(id, Milestone.IMPACT_STARTED, T0.minusSeconds(3600), "the first 5xx", "alice");

        // detected earlier than the old start is fine now that impact started moved
        service.setMilestone(id, Milestone.DETECTED, T0.minusSeconds(3000), "first alert", "alice");

        assertThat(service.milestones(id).timeToDetect()).contains(Duration.ofMinutes(10));
    }
}
