package dev.conn.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.TimelineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The incremental fold the postmortem tab and the deciders keep agrees with the whole-log folds
 * the exports use, whatever order the events arrive in (another console's events arrive late; a
 * retraction may come before what it names), asked at any moment.
 */
class PostmortemFoldTest {

    /** The rich incident, plus edits recorded out of order and retractions of a section and a change. */
    private static List<Event> log() {
        List<Event> events = new ArrayList<>(RichIncident.events());
        Instant late = RichIncident.T0.plusSeconds(3 * 86_400);
        Event summary = Typed.event(
                RichIncident.ID, late, late, "dana", new PostmortemEvent.PostmortemFieldSet("summary", "rewritten"));
        Event older = Typed.event(
                RichIncident.ID,
                late,
                late.minusSeconds(60),
                "erin",
                new PostmortemEvent.PostmortemFieldSet("summary", "recorded a minute earlier"));
        Event change = events.stream()
                .filter(e -> e.type() == EventType.ACTION_TAKEN)
                .findFirst()
                .orElseThrow();
        events.add(summary);
        events.add(older);
        events.add(Typed.event(
                RichIncident.ID,
                late.plusSeconds(5),
                new TimelineEvent.EventRetracted(summary.id(), Optional.empty())));
        events.add(Typed.event(
                RichIncident.ID, late.plusSeconds(6), new TimelineEvent.EventRetracted(change.id(), Optional.empty())));
        return events;
    }

    @Test
    void inAnyArrivalOrderTheFoldAgreesWithTheWholeLogFolds() {
        List<Event> all = log();
        Milestones milestones = Milestones.fold(all);
        Postmortem postmortem = Postmortem.fold(all);
        assertThat(postmortem.field("summary")).isEqualTo("recorded a minute earlier");
        Random random = new Random(12);
        for (int round = 0; round < 50; round++) {
            List<Event> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            PostmortemFold fold = new PostmortemFold();
            for (Event e : shuffled) {
                fold.add(e);
                if (random.nextInt(4) == 0) { // asked mid-way, as the screen does between bursts
                    fold.postmortem();
                    fold.milestones();
                }
            }

            assertThat(fold.milestones()).as("round %d", round).contains(milestones);
            assertThat(fold.postmortem()).as("round %d", round).isEqualTo(postmortem);
            assertThat(fold.changesMade()).as("round %d", round).isEmpty();
        }
    }

    @Test
    void anEventSeenTwiceOrOfAnotherTypeChangesNothing() {
        PostmortemFold fold = new PostmortemFold();
        Event note = Typed.event(RichIncident.ID, RichIncident.T0, new TimelineEvent.Note("hello"));
        Event field =
                Typed.event(RichIncident.ID, RichIncident.T0, new PostmortemEvent.PostmortemFieldSet("impact", "EU"));

        assertThat(fold.add(note)).isFalse();
        assertThat(fold.add(field)).isTrue();
        assertThat(fold.add(field)).isFalse();
        assertThat(fold.declared()).isFalse();
        assertThat(fold.milestones()).isEmpty();
        assertThat(fold.postmortem().field("impact")).isEqualTo("EU");
    }
}
