package dev.conn.command;

import static dev.conn.command.Script.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffBriefTest {
    private final Script s = new Script()
            .declared(at(0), "Alice")
            .joined(at(0), "a", "Alice")
            .add(EventType.RESPONDER_JOINED, at(1), "responderId", "b", "name", "Bob", "handle", "@bob")
            .joined(at(1), "c", "Carol")
            .assigned(at(2), Role.SCRIBE, "c", "Carol")
            .task(at(10), "t1", "c", "Carol", "Check the DB failover", at(33))
            .task(at(11), "t2", "b", "Bob", "Drain eu-west", at(20))
            .task(at(12), "t3", "b", "Bob", "Page the network team", at(40))
            .add(EventType.TASK_DONE, at(13), "taskId", "t3");

    private HandoffBrief brief(List<CommunicationDeadlines.Deadline> deadlines) {
        List<Event> events = s.events();
        return HandoffBrief.compose(
                new HandoffBrief.Subject(Role.INCIDENT_COMMANDER, "Alice", "Bob", new ReadBackCode("K7-DELTA")),
                IncidentState.fold(events),
                Roster.fold(events),
                CheckBackTask.fold(events),
                HandoffBrief.recentDecisions(events, HandoffBrief.RECENT_DECISIONS),
                deadlines,
                at(30));
    }

    @Test
    void briefFollowsTheTransferOfCommandBriefingOrder() {
        assertThat(brief(List.of()).lines())
                .filteredOn(l -> !l.startsWith("-") && !l.matches("\\d\\..*"))
                .containsExactly(
                        "HAND-OFF BRIEF: Incident Commander, from Alice to Bob, 14:30 UTC",
                        "SITUATION",
                        "OBJECTIVES AND PRIORITIES",
                        "CURRENT ORGANISATION",
                        "OPEN TASKS",
                        "RECENT DECISIONS",
                        "RESOURCES",
                        "READ-BACK");
    }

    @Test
    void briefSaysWhoHoldsWhichRole() {
        assertThat(brief(List.of()).lines())
                .contains(
                        "- Incident Commander: Alice since 14:00 UTC",
                        "- Scribe: Carol",
                        "- Deputy: Alice (IC, not delegated)",
                        "- Subject Matter Expert: nobody");
    }

    @Test
    void briefListsOpenTasksWithCheckBackTimesAndFlagsOverdueOnes() {
        List<String> lines = brief(List.of()).lines();

        assertThat(lines)
                .contains(
                        "- Bob: Drain eu-west. Check back 14:20 UTC (OVERDUE by 10 min, not acknowledged yet)",
                        "- Carol: Check the DB failover. Check back 14:33 UTC (in 3 min, not acknowledged yet)",
                        "2. Chase 1 overdue check-back: Bob");
        assertThat(String.join("\n", lines)).doesNotContain("Page the network team");
    }

    @Test
    void briefListsTheLastFiveDecisionsWithCorrectionsApplied() {
        for (int i = 1; i <= 6; i++) {
            s.decision(at(14 + i), "Decision " + i);
        }
        Event sixth = s.last();
        s.add(EventType.EVENT_CORRECTED, at(22), "correctedEventId", sixth.id(), "text", "Roll back payments-api");

        List<String> lines = brief(List.of()).lines();

        assertThat(lines)
                .containsSequence(
                        "RECENT DECISIONS",
                        "- 14:16 UTC Decision 2",
                        "- 14:17 UTC Decision 3",
                        "- 14:18 UTC Decision 4",
                        "- 14:19 UTC Decision 5",
                        "- 14:20 UTC Roll back payments-api",
                        "RESOURCES");
    }

    @Test
    void retractedDecisionsAreLeftOut() {
        s.decision(at(15), "Fail over to eu-central");
        Event wrong = s.last();
        s.decision(at(16), "Roll back payments-api")
                .add(EventType.EVENT_RETRACTED, at(17), "retractedEventId", wrong.id(), "reason", "wrong incident");

        assertThat(HandoffBrief.recentDecisions(s.events(), 5))
                .containsExactly(new HandoffBrief.Decision(at(16), "Roll back payments-api"));
    }

    @Test
    void briefSaysSoWhenNoDecisionWasRecorded() {
        assertThat(brief(List.of()).lines()).containsSequence("RECENT DECISIONS", "- None recorded");
    }

    @Test
    void briefEndsWithTheReadBackCode() {
        List<String> lines = brief(List.of()).lines();

        assertThat(lines.get(lines.size() - 1)).isEqualTo("- To acknowledge, Bob reads back the code K7-DELTA");
        assertThat(brief(List.of()).text()).contains("K7-DELTA").endsWith("\n");
    }

    @Test
    void briefListsResourcesWithHandles() {
        s.breakStarted(at(25), "c");

        assertThat(brief(List.of()).lines())
                .contains(
                        "- On duty: Alice, Bob (@bob)",
                        "- On break: Carol since 14:25 UTC",
                        "- Scribe: Carol (on break)");
    }

    @Test
    void briefHasNoCommunicationDeadlinesSectionWithoutASource() {
        assertThat(brief(List.of()).text()).doesNotContain("COMMUNICATION DEADLINES");
    }

    @Test
    void briefListsCommunicationDeadlinesFromTheExtensionPoint() {
        List<String> lines = brief(List.of(new CommunicationDeadlines.Deadline("Status page update", at(40))))
                .lines();

        assertThat(lines)
                .containsSequence("COMMUNICATION DEADLINES", "- Status page update: due 14:40 UTC (in 10 min)");
    }

    @Test
    void briefSaysTheImpactIsNotMitigatedAndPutsStoppingItFirst() {
        assertThat(brief(List.of()).lines())
                .contains(
                        "- Checkout errors: SEV1, investigating",
                        "- Impact since 14:00 UTC (0:30:00), not mitigated",
                        "1. Stop the impact: restore service first, find the root cause later, keep the evidence");
    }
}
