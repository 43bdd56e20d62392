package dev.conn.timeline;

import static dev.conn.testing.Events.correction;
import static dev.conn.testing.Events.declared;
import static dev.conn.testing.Events.event;
import static dev.conn.testing.Events.newIncident;
import static dev.conn.testing.Events.note;
import static dev.conn.testing.Events.retraction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Payload;
import dev.conn.incident.Severity;
import dev.conn.timeline.TimelineProjection.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineProjectionTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private final IncidentId incident = newIncident();
    private final TimelineProjection projection = new TimelineProjection();

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void newEventIsAddedAsARow() {
        Event n = note(incident, at(1), "Paged the database team");

        Change c = projection.apply(n);

        assertThat(c).isInstanceOfSatisfying(Change.Added.class, a -> {
            assertThat(a.entry().event()).isEqualTo(n);
            assertThat(a.entry().text()).isEqualTo("Paged the database team");
            assertThat(a.entry().isCorrected()).isFalse();
        });
    }

    @Test
    void correctionReplacesTextButKeepsTheOriginal() {
        Event n = note(incident, at(1), "Rolled back payments-api");
        projection.apply(n);

        Change c = projection.apply(correction(n, at(5), "bob", "Rolled back checkout-api"));

        assertThat(c).isInstanceOfSatisfying(Change.Replaced.class, r -> {
            TimelineEntry e = r.entry();
            assertThat(e.text()).isEqualTo("Rolled back checkout-api");
            assertThat(e.originalText()).contains("Rolled back payments-api");
            assertThat(e.correctedBy()).contains("bob");
            assertThat(e.correctedAt()).contains(at(5));
            assertThat(e.event()).isEqualTo(n);
        });
    }

    @Test
    void secondCorrectionKeepsTheFirstOriginalText() {
        Event n = note(incident, at(1), "first");
        projection.apply(n);
        projection.apply(correction(n, at(5), "bob", "second"));

        projection.apply(correction(n, at(6), "carol", "third"));

        TimelineEntry e = projection.row(n.id()).orElseThrow();
        assertThat(e.text()).isEqualTo("third");
        assertThat(e.originalText()).contains("first");
        assertThat(e.correctedBy()).contains("carol");
    }

    @Test
    void correctionArrivingBeforeItsTargetChangesNothingYet() {
        Event n = note(incident, at(1), "Rolled back payments-api");

        Change c = projection.apply(correction(n, at(5), "bob", "Rolled back checkout-api"));

        assertThat(c).isInstanceOf(Change.None.class);
        assertThat(projection.row(n.id())).isEmpty();
    }

    @Test
    void correctionArrivingBeforeItsTargetIsAppliedWhenTheTargetArrives() {
        Event n = note(incident, at(1), "Rolled back payments-api");
        projection.apply(correction(n, at(5), "bob", "Rolled back checkout-api"));

        Change c = projection.apply(n);

        assertThat(c).isInstanceOfSatisfying(Change.Added.class, a -> {
            assertThat(a.entry().text()).isEqualTo("Rolled back checkout-api");
            assertThat(a.entry().originalText()).contains("Rolled back payments-api");
            assertThat(a.entry().correctedBy()).contains("bob");
        });
    }

    @Test
    void correctionsWaitingForTheirTargetApplyInTimelineOrder() {
        Event n = note(incident, at(1), "first");
        projection.apply(correction(n, at(7), "carol", "latest"));
        projection.apply(correction(n, at(5), "bob", "earlier"));

        projection.apply(n);

        assertThat(projection.row(n.id()).orElseThrow().text()).isEqualTo("latest");
    }

    @Test
    void duplicateEventChangesNothing() {
        Event n = note(incident, at(1), "Paged the database team");
        projection.apply(n);

        assertThat(projection.apply(n)).isInstanceOf(Change.None.class);
    }

    @Test
    void duplicateEventDoesNotUndoACorrection() {
        Event n = note(incident, at(1), "wrong");
        projection.apply(n);
        projection.apply(correction(n, at(5), "bob", "right"));

        projection.apply(n);

        assertThat(projection.row(n.id()).orElseThrow().text()).isEqualTo("right");
    }

    @Test
    void duplicateCorrectionChangesNothing() {
        Event n = note(incident, at(1), "wrong");
        projection.apply(n);
        Event fix = correction(n, at(5), "bob", "right");
        projection.apply(fix);

        assertThat(projection.apply(fix)).isInstanceOf(Change.None.class);
    }

    @Test
    void reDeliveredOlderCorrectionDoesNotUndoALaterOne() {
        Event n = note(incident, at(1), "first");
        projection.apply(n);
        Event older = correction(n, at(5), "bob", "second");
        projection.apply(older);
        projection.apply(correction(n, at(6), "carol", "third"));

        projection.apply(older); // e.g. an overlapping re-read of the log

        assertThat(projection.row(n.id()).orElseThrow().text()).isEqualTo("third");
    }

    @Test
    void olderCorrectionArrivingAfterANewerOneDoesNotOverrideIt() {
        Event n = note(incident, at(1), "first");
        projection.apply(n);
        projection.apply(correction(n, at(6), "carol", "newest"));

        projection.apply(correction(n, at(5), "bob", "older, synced late"));

        assertThat(projection.row(n.id()).orElseThrow().text()).isEqualTo("newest");
    }

    @Test
    void retractionMarksTheRowRetractedAndKeepsItsText() {
        Event n = note(incident, at(1), "Posted in the wrong incident");
        projection.apply(n);

        Change c = projection.apply(retraction(n, at(5)));

        assertThat(c).isInstanceOfSatisfying(Change.Replaced.class, r -> {
            assertThat(r.entry().retracted()).isTrue();
            assertThat(r.entry().text()).isEqualTo("Posted in the wrong incident");
        });
    }

    @Test
    void retractionArrivingBeforeItsTargetIsAppliedWhenTheTargetArrives() {
        Event n = note(incident, at(1), "Posted in the wrong incident");
        projection.apply(retraction(n, at(5)));

        projection.apply(n);

        assertThat(projection.row(n.id()).orElseThrow().retracted()).isTrue();
    }

    @Test
    void amendmentWithAMalformedTargetIdChangesNothing() {
        Event bad = event(
                incident, EventType.EVENT_CORRECTED, at(5), Payload.of("correctedEventId", "not-a-uuid", "text", "x"));

        assertThat(projection.apply(bad)).isInstanceOf(Change.None.class);
    }

    @Test
    void projectSortsBackDatedEntriesIntoPlace() {
        Event declared = declared(incident, at(0), Severity.SEV1, "alice");
        Event later = note(incident, at(30), "Recorded first, happened last");
        Event backDated = note(incident, at(10), "Recorded second, happened earlier");

        List<TimelineEntry> rows = TimelineProjection.project(List.of(later, declared, backDated));

        assertThat(rows).extracting(TimelineEntry::event).containsExactly(declared, backDated, later);
    }

    @Test
    void projectMakesNoRowsForAmendments() {
        Event n = note(incident, at(1), "wrong");
        Event fix = correction(n, at(2), "bob", "right");
        Event other = note(incident, at(3), "withdrawn");

        List<TimelineEntry> rows = TimelineProjection.project(List.of(n, fix, other, retraction(other, at(4))));

        assertThat(rows).extracting(TimelineEntry::text).containsExactly("right", "withdrawn");
        assertThat(rows).extracting(TimelineEntry::retracted).containsExactly(false, true);
    }

    private Event typed(int minute, String author, dev.conn.incident.EventBody body) {
        return Event.of(Event.newId(), incident, at(minute), at(minute), author, body);
    }

    @Test
    void aTasksAcknowledgementAndDoneSayWhichTaskAndWhose() {
        List<TimelineEntry> rows = TimelineProjection.project(List.of(
                typed(3, "bob", new dev.conn.incident.CommandEvent.TaskDone("t1", java.util.Optional.of("lag is 0"))),
                typed(2, "bob", new dev.conn.incident.CommandEvent.TaskAcknowledged("t1")),
                typed(
                        1,
                        "ana",
                        new dev.conn.incident.CommandEvent.TaskAssigned(
                                "t1", "r-bob", "Bob", "Check the replica lag", at(16)))));

        assertThat(rows)
                .extracting(TimelineEntry::text)
                .containsExactly(
                        "Task for Bob: Check the replica lag (check back by 09:16 UTC)",
                        "Task acknowledged by Bob: Check the replica lag",
                        "Task done: Check the replica lag (Bob). lag is 0");
    }

    @Test
    void instantsInARowAreShownToTheSecond() {
        Instant sent = Instant.parse("2026-12-05T18:53:18.494637321Z");
        TimelineEntry row = TimelineEntry.of(typed(
                1,
                "Conn outbox",
                new dev.conn.incident.CommsEvent.MessageSent(
                        "m1", "slack-ops", sent, java.util.Optional.empty(), java.util.Optional.empty())));

        assertThat(row.text()).isEqualTo("Message sent via slack-ops at 2026-12-05T18:53:18Z");
    }

    @Test
    void onTheScreenAMessageIsOneRowThatShowsWhereEachChannelsDeliveryStands() {
        TimelineProjection screen = new TimelineProjection(true);
        Event queued = typed(
                1,
                "Ana",
                dev.conn.incident.CommsEvent.MessageQueued.of(
                        "m1",
                        dev.conn.incident.Audience.RESPONDERS,
                        List.of("slack-ops", "statuspage"),
                        "Investigating",
                        "body",
                        java.util.Optional.empty(),
                        java.util.Optional.empty()));
        Event failed =
                typed(2, "Conn outbox", new dev.conn.incident.CommsEvent.MessageFailed("m1", "statuspage", "HTTP 401"));
        // a delivery stored before its message reached this console waits for it
        assertThat(screen.apply(failed)).isInstanceOf(Change.None.class);
        assertThat(screen.apply(queued))
                .isInstanceOfSatisfying(
                        Change.Added.class,
                        a -> assertThat(a.entry().text())
                                .isEqualTo(
                                        "Message to slack-ops, statuspage: Investigating. slack-ops queued; statuspage failed: HTTP 401"));

        Change sent = screen.apply(typed(
                3,
                "Conn outbox",
                new dev.conn.incident.CommsEvent.MessageSent(
                        "m1",
                        "slack-ops",
                        Instant.parse("2026-11-21T09:03:05.5Z"),
                        java.util.Optional.empty(),
                        java.util.Optional.empty())));

        assertThat(sent).isInstanceOfSatisfying(Change.Replaced.class, r -> {
            assertThat(r.entry().event()).isEqualTo(queued);
            assertThat(r.entry().text())
                    .isEqualTo("Message to slack-ops, statuspage: Investigating."
                            + " slack-ops sent at 09:03:05 UTC; statuspage failed: HTTP 401");
        });
        assertThat(screen.row(failed.id())).isEmpty();
        // the exports keep every delivery as a row of its own
        assertThat(TimelineProjection.project(List.of(queued, failed))).hasSize(2);
    }

    @Test
    void postmortemEditsAreToldInWordsWithoutKeysOrIds() {
        assertThat(EntryText.postmortemField("rootCause.1.why.5", "x"))
                .isEqualTo("Postmortem edited: root cause 1, why 5");
        assertThat(EntryText.postmortemField("rootCause.2.elsewhere", "x"))
                .isEqualTo("Postmortem edited: root cause 2, where else it could happen");
        assertThat(EntryText.postmortemField("wentWell", "x")).isEqualTo("Postmortem edited: what went well");
        assertThat(EntryText.postmortemField("cleanup.01a24933-1f88-7a18-b34f-508965251fbf", "MAKE_PERMANENT"))
                .isEqualTo("Postmortem: clean-up of a change to production decided: make permanent");
        assertThat(EntryCategory.shownByDefault()).doesNotContain(EntryCategory.POSTMORTEM);
        assertThat(EntryCategory.of(EventType.POSTMORTEM_FIELD_SET)).isEqualTo(EntryCategory.POSTMORTEM);
    }
}
