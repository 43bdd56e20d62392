package dev.conn.postmortem.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.Milestone;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.postmortem.ActionItem;
import dev.conn.testing.ManualTaskRunner;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The postmortem tab's state, kept folded as events arrive and changed only by typed commands. */
class PostmortemViewModelTest {
    private final Console console = new Console(new DirectTaskRunner());
    private final PostmortemViewModel model =
            new PostmortemViewModel(console.incident, console.sender, new DirectTaskRunner(), console.clock);

    private List<Event> stored(EventType type) {
        return console.service.events(console.id, Set.of(type));
    }

    @Test
    void typingIsSavedOnceWhenThePauseHasPassedOnTheClockWithOneReadAndOneAppend() {
        model.activate();
        model.field("impact").set("EU checkout");
        console.tick(Duration.ofMillis(500));
        assertThat(stored(EventType.POSTMORTEM_FIELD_SET)).isEmpty();
        console.store.resetCounts();

        console.tick(Duration.ofSeconds(1));

        assertThat(console.store.calls("append")).isEqualTo(1);
        assertThat(console.store.calls("read")).isEqualTo(1);
        assertThat(stored(EventType.POSTMORTEM_FIELD_SET)).singleElement().satisfies(e -> assertThat(e.author())
                .isEqualTo("alice"));
        console.tick(Duration.ofSeconds(5));
        assertThat(stored(EventType.POSTMORTEM_FIELD_SET)).hasSize(1);
    }

    @Test
    void anotherWritersEditsReachTheTabWithoutReadingTheLogAndTypingIsNeverOverwritten() {
        model.activate();
        model.field("summary").set("my draft, not saved yet");
        console.elsewhere.setField(console.id, "summary", "bob's summary", "bob");
        console.elsewhere.setField(console.id, "impact", "40 % of checkouts", "bob");
        List<Event> bobs = stored(EventType.POSTMORTEM_FIELD_SET);
        console.elsewhere.setMilestone(
                console.id, Milestone.DETECTED, Console.T0.minusSeconds(600), "first alert", "bob");
        List<Event> milestone = stored(EventType.MILESTONE_SET);
        console.store.resetCounts();

        console.incident.accept(bobs); // as the live follower hands them over
        console.incident.accept(milestone);

        assertThat(model.field("impact").get()).isEqualTo("40 % of checkouts");
        assertThat(model.field("summary").get()).isEqualTo("my draft, not saved yet");
        assertThat(model.ttxProperty().get()).startsWith("TTD 5m · TTA 15m");
        assertThat(console.store.calls("read")).as("reads").isZero();
    }

    @Test
    void anActionItemWithATypedDueDateIsAddedAndItsStatusChangedByCommands() {
        model.activate();
        ActionItemsViewModel items = model.actionItems();
        boolean[] cleared = {false};

        items.add(
                "Alert on DNS memory",
                ActionItemKind.PREVENT,
                "bob",
                " 2026-12-15 ",
                "",
                "1",
                false,
                () -> cleared[0] = true);
        ActionItem added = items.items().get(0);
        items.setStatus(added, ActionItemStatus.DONE);

        assertThat(cleared[0]).isTrue();
        assertThat(items.items()).singleElement().satisfies(a -> {
            assertThat(a.due()).contains(LocalDate.of(2026, 12, 15));
            assertThat(a.rootCause()).contains(1);
            assertThat(a.status()).isEqualTo(ActionItemStatus.DONE);
        });
        assertThat(stored(EventType.ACTION_ITEM_UPDATED)).singleElement().satisfies(e -> assertThat(e.payloadJson())
                .isEqualTo("{\"itemId\":\"" + added.id() + "\",\"status\":\"DONE\"}"));
    }

    @Test
    void aDueDateOrRootCauseThatCannotBeReadSendsNothingAndSaysWhatToType() {
        model.activate();
        model.actionItems().add("Alert", ActionItemKind.PREVENT, "", "next friday", "", "", false, () -> {});
        assertThat(model.messageProperty().get()).startsWith("Give the due date as 2026-12-15");
        model.actionItems().add("Alert", ActionItemKind.PREVENT, "", "", "", "first", false, () -> {});
        assertThat(model.messageProperty().get()).isEqualTo("The root cause is a number, e.g. 1");

        assertThat(stored(EventType.ACTION_ITEM_ADDED)).isEmpty();
    }

    @Test
    void tagsBeingTypedStayUntilTheStoredTagsChange() {
        model.activate();
        model.servicesProperty().set("dns, check");
        console.incident.accept(List.of(dev.conn.incident.Event.of(
                Event.newId(),
                console.id,
                console.clock.instant(),
                console.clock.instant(),
                "bob",
                new dev.conn.incident.TimelineEvent.Note("unrelated"))));
        assertThat(model.servicesProperty().get()).isEqualTo("dns, check");

        console.elsewhere.tag(console.id, List.of("dns"), List.of("capacity"), "bob");
        console.incident.accept(stored(EventType.INCIDENT_TAGGED));

        assertThat(model.servicesProperty().get()).isEqualTo("dns");
        assertThat(model.categoriesProperty().get()).isEqualTo("capacity");
    }

    @Test
    void aSetMilestoneBeforeImpactStartedIsRefusedAtOnceInWords() {
        model.setMilestone(Milestone.MITIGATED, "2026-11-21 13:00", "typo", () -> {});

        assertThat(model.messageProperty().get())
                .contains("would be before impact started")
                .contains("Edit impact started first");
        assertThat(stored(EventType.MILESTONE_SET)).isEmpty();
    }

    @Test
    void theFactsAreGatheredOffTheFxThreadOnceForABurstOfEvents() {
        ManualTaskRunner background = new ManualTaskRunner();
        PostmortemViewModel held = new PostmortemViewModel(console.incident, console.sender, background, console.clock);
        held.activate();
        background.runAll();
        assertThat(held.factsProperty().get()).contains("Timeline entries: 1");

        for (int i = 0; i < 3; i++) {
            console.incident.accept(List.of(Event.of(
                    Event.newId(),
                    console.id,
                    console.clock.instant(),
                    console.clock.instant(),
                    "bob",
                    new dev.conn.incident.TimelineEvent.Note("note " + i))));
        }

        assertThat(held.factsProperty().get()).contains("Timeline entries: 1");
        assertThat(background.pending()).isEqualTo(1);
        background.runAll();
        assertThat(held.factsProperty().get()).contains("Timeline entries: 4");
        assertThat(background.pending()).isZero();
    }

    @Test
    void aCleanUpDecisionIsSavedAtOnceAndTheChangeIsListedInWords() {
        model.activate();
        console.service
                .log()
                .execute(
                        console.id,
                        new dev.conn.incident.EntryDecider(),
                        new dev.conn.incident.EntryCommand.Add(
                                Event.newId(),
                                dev.conn.incident.EntryCommand.Kind.ACTION,
                                "failed over to replica-2",
                                Optional.empty()),
                        "alice");
        console.incident.accept(stored(EventType.ACTION_TAKEN));
        Event change = model.changesMade().get(0);

        model.decideCleanup(change, "REVERT");

        assertThat(model.changeLabel(change)).isEqualTo("2026-11-21 14:00:00 UTC  failed over to replica-2");
        assertThat(model.cleanupDecision(change)).isEqualTo("REVERT");
        assertThat(stored(EventType.POSTMORTEM_FIELD_SET)).singleElement().satisfies(e -> assertThat(e.payloadJson())
                .isEqualTo("{\"field\":\"cleanup." + change.id() + "\",\"text\":\"REVERT\"}"));
    }

    @Test
    void theDocumentHeaderIsSavedAsOneCommandAndAnotherConsolesHeaderShows() {
        model.activate();
        DocumentHeaderViewModel header = model.header();
        header.dateProperty().set(" 2026-11-24 ");
        header.statusProperty().set(dev.conn.incident.PostmortemStatus.IN_REVIEW);
        header.authorsProperty().set("alice, bob");
        header.reviewersProperty().set("carol");

        header.save();

        assertThat(stored(EventType.POSTMORTEM_HEADER_SET)).singleElement().satisfies(e -> assertThat(e.payloadJson())
                .isEqualTo("{\"date\":\"2026-11-24\",\"authors\":[\"alice\",\"bob\"],"
                        + "\"status\":\"IN_REVIEW\",\"reviewers\":[\"carol\"]}"));
        assertThat(model.messageProperty().get()).isEqualTo("Header saved");

        console.elsewhere.execute(
                console.id,
                new dev.conn.postmortem.PostmortemCommand.SetHeader(
                        java.util.Optional.empty(),
                        List.of("bob"),
                        dev.conn.incident.PostmortemStatus.FINAL,
                        List.of()),
                "bob");
        console.incident.accept(stored(EventType.POSTMORTEM_HEADER_SET));

        assertThat(header.statusProperty().get()).isEqualTo(dev.conn.incident.PostmortemStatus.FINAL);
        assertThat(header.authorsProperty().get()).isEqualTo("bob");
        assertThat(header.dateProperty().get()).isEmpty();
    }

    @Test
    void aDocumentDateThatIsNotADateIsRefusedNamingTheFormatAndNothingIsStored() {
        model.activate();
        model.header().dateProperty().set("24/11/2026");

        model.header().save();

        assertThat(model.messageProperty().get())
                .contains("'24/11/2026' is not a date")
                .contains("2026-11-24");
        assertThat(stored(EventType.POSTMORTEM_HEADER_SET)).isEmpty();
    }
}
