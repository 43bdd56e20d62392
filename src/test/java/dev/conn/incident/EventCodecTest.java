package dev.conn.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {
    private static final Instant T = Instant.parse("2026-12-05T18:53:18Z");
    private static final UUID ID = UUID.fromString("0192f0a1-0000-7000-8000-000000000001");

    static Stream<EventBody> oneOfEach() {
        return Stream.of(
                new HeaderEvent.IncidentDeclared(
                        "Checkout errors", Severity.SEV1, Optional.of("EU only"), Optional.of(T), Optional.of("Ada")),
                new HeaderEvent.SeverityChanged(Severity.SEV2, Optional.empty()),
                new HeaderEvent.StatusChanged(Status.IDENTIFIED, Optional.of("bad deploy")),
                new HeaderEvent.Mitigated(Optional.empty()),
                new HeaderEvent.Resolved(Optional.of("rolled back")),
                new TimelineEvent.Note("deployed v42"),
                new TimelineEvent.Decision("freeze deploys"),
                new TimelineEvent.ActionTaken("rolled back"),
                new TimelineEvent.EventCorrected(ID, "deployed v43"),
                new TimelineEvent.EventRetracted(ID, Optional.of("wrong incident")),
                new CommsEvent.ChecklistItemDone("notify", "Notify responders"),
                new CommsEvent.ChecklistItemSkipped("bridge", "Open a bridge", "we are all in the room"),
                new CommsEvent.ChecklistItemSnoozed("bridge", "Open a bridge", T),
                CommsEvent.MessageQueued.of(
                        ID.toString(),
                        Audience.RESPONDERS,
                        List.of("slack", "mail"),
                        "SEV1",
                        "body",
                        Optional.of(T),
                        Optional.of("notify")),
                new CommsEvent.MessageSent(ID.toString(), "slack", T, Optional.of("x1"), Optional.of(true)),
                new CommsEvent.MessageFailed(ID.toString(), "slack", "HTTP 404"),
                new CommsEvent.MessageDeliveryUnknown(ID.toString(), "slack", Optional.empty()),
                new CommandEvent.ResponderJoined("r1", "Bob", Optional.of("@bob"), Optional.of("Europe/Berlin")),
                new CommandEvent.ResponderLeft("r1", Optional.of("Bob")),
                new CommandEvent.BreakStarted("r1", Optional.empty()),
                new CommandEvent.BreakEnded("r1", Optional.of("Bob")),
                new CommandEvent.RoleAssigned(Role.SCRIBE, "Bob", Optional.of("r1")),
                new CommandEvent.NextIcDesignated("r1", "Bob"),
                new CommandEvent.HandoffOffered(
                        "o1",
                        Role.INCIDENT_COMMANDER,
                        "Ada",
                        Optional.empty(),
                        "Bob",
                        "r1",
                        "K7-DELTA",
                        Optional.of("brief"),
                        Optional.of(T)),
                new CommandEvent.HandoffAcknowledged(
                        "o1", Role.INCIDENT_COMMANDER, "Bob", Optional.of("r1"), AckMethod.READ_BACK),
                new CommandEvent.HandoffDeclined("o1", Optional.of("busy")),
                new CommandEvent.HandoffExpired("o1"),
                new CommandEvent.HandoffWithdrawn("o1", Optional.empty()),
                new CommandEvent.TaskAssigned("t1", "r1", "Bob", "check the DB", T),
                new CommandEvent.TaskAcknowledged("t1"),
                new CommandEvent.TaskDone("t1", Optional.of("fine")),
                new CommandEvent.TaskCancelled("t1", Optional.empty()),
                new CommandEvent.FatigueAlerted("r1", "Bob", FatigueLevel.HANDOFF_URGED),
                new ImpactEvent.ImpactQuerySet(
                        "q1", "Errors", "prom", "rate(x[5m])", Optional.of("%"), Optional.of(0.5)),
                new ImpactEvent.ImpactQueryRemoved("q1"),
                new ImpactEvent.MetricSnapshot(
                        Optional.of("q1"),
                        "Errors",
                        Optional.of("prom"),
                        Optional.of("rate(x[5m])"),
                        Optional.empty(),
                        Optional.of(T),
                        Optional.of(T.plusSeconds(60)),
                        Optional.of(T),
                        Optional.of(false),
                        Optional.of("{}"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(true)),
                new PostmortemEvent.MilestoneSet(Milestone.DETECTED, T, "paged"),
                new PostmortemEvent.PostmortemFieldSet("summary", "text"),
                new PostmortemEvent.ActionItemAdded(
                        "a1",
                        "add alert",
                        ActionItemKind.PREVENT,
                        Optional.of("Bob"),
                        Optional.of("2026-12-31"),
                        Optional.empty(),
                        ActionItemStatus.OPEN,
                        Optional.of(1),
                        Optional.empty()),
                new PostmortemEvent.ActionItemUpdated(
                        "a1",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(""),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(ActionItemStatus.DONE),
                        Optional.empty(),
                        Optional.empty()),
                new PostmortemEvent.IncidentTagged(List.of("checkout"), List.of("deploy")),
                new PostmortemEvent.PostmortemHeaderSet(
                        Optional.of("2026-11-25"), List.of("Ada", "Bo"), PostmortemStatus.IN_REVIEW, List.of("Cy")),
                new TimelineEvent.EntryStarred(ID, true),
                new IntegrationEvent.TicketRequested(
                        "0192f0a1-0000-7000-8000-0000000000aa",
                        "tickets:jira",
                        "a1",
                        "Checkout errors",
                        Severity.SEV1,
                        "Alert on DNS cache memory",
                        ActionItemKind.PREVENT,
                        Optional.of("mia@example.com"),
                        Optional.of("2026-12-31")),
                new IntegrationEvent.PageRequested(
                        "0192f0a1-0000-7000-8000-0000000000bb",
                        "pagerduty:payments-oncall",
                        IntegrationEvent.PageRequested.TRIGGER,
                        "payments-oncall",
                        "Payments on-call",
                        "conn-x-payments-oncall",
                        "Checkout errors",
                        Severity.SEV2,
                        Optional.of("join the bridge"),
                        Optional.empty(),
                        T),
                new IntegrationEvent.PageSent("m1", "conn-x-payments-oncall", "payments-oncall"),
                new IntegrationEvent.PageAcknowledged(
                        "conn-x-payments-oncall", "payments-oncall", Optional.of("Bob"), Optional.of(T)),
                new IntegrationEvent.PageResolved("m2", "conn-x-payments-oncall", "payments-oncall"));
    }

    @Test
    void everyTypeHasARecordAndTheTestCoversEachOnce() {
        assertThat(oneOfEach().map(EventBody::type)).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEach")
    void everyBodyReadsBackAsItWasWritten(EventBody body) {
        String json = EventCodec.encode(body);
        assertThat(EventCodec.decode(ID, body.type(), json)).isEqualTo(body);
    }

    @Test
    void fieldNamesAndFormsAreThoseOfTheStoredPayloads() {
        assertThat(EventCodec.encode(new HeaderEvent.StatusChanged(Status.MONITORING, Optional.empty())))
                .isEqualTo("{\"status\":\"monitoring\"}");
        assertThat(EventCodec.encode(new HeaderEvent.IncidentDeclared(
                        "T", Severity.SEV2, Optional.empty(), Optional.of(T), Optional.of("Ada"))))
                .isEqualTo("{\"title\":\"T\",\"severity\":\"SEV2\",\"impactStartedAt\":\"2026-12-05T18:53:18Z\","
                        + "\"commander\":\"Ada\"}");
        assertThat(EventCodec.encode(CommsEvent.MessageQueued.of(
                        ID.toString(),
                        Audience.STATUS_PAGE,
                        List.of("a", "b"),
                        "s",
                        "b",
                        Optional.empty(),
                        Optional.empty())))
                .isEqualTo("{\"messageId\":\"" + ID + "\",\"audience\":\"STATUS_PAGE\",\"channels\":\"a, b\","
                        + "\"subject\":\"s\",\"body\":\"b\"}");
    }

    @Test
    void readingIsAsLenientAsEarlierVersionsWereWriting() {
        assertThat(EventCodec.decode(ID, EventType.SEVERITY_CHANGED, "{\"severity\":\"2\",\"text\":\"why\"}"))
                .isEqualTo(new HeaderEvent.SeverityChanged(Severity.SEV2, Optional.of("why")));
        assertThat(EventCodec.decode(ID, EventType.STATUS_CHANGED, "{\"status\":\"mon\"}"))
                .isEqualTo(new HeaderEvent.StatusChanged(Status.MONITORING, Optional.empty()));
        assertThat(EventCodec.decode(
                        ID,
                        EventType.ACTION_ITEM_ADDED,
                        "{\"itemId\":\"a\",\"text\":\"t\",\"kind\":\"prevent\","
                                + "\"status\":\"OPEN\",\"rootCause\":\"2\",\"futureField\":1}"))
                .isEqualTo(new PostmortemEvent.ActionItemAdded(
                        "a",
                        "t",
                        ActionItemKind.PREVENT,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        ActionItemStatus.OPEN,
                        Optional.of(2),
                        Optional.empty()));
    }

    @Test
    void aMalformedPayloadNamesTheEventAndTheField() {
        assertThatThrownBy(() -> EventCodec.decode(ID, EventType.SEVERITY_CHANGED, "{\"severity\":\"SEV9\"}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(ID.toString())
                .hasMessageContaining("SEVERITY_CHANGED")
                .hasMessageContaining("severity");
        assertThatThrownBy(() -> EventCodec.decode(ID, EventType.TASK_ASSIGNED, "{\"taskId\":\"t\"}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(ID.toString())
                .hasMessageContaining("field 'responderId' is missing");
        assertThatThrownBy(() -> EventCodec.decode(
                        ID,
                        EventType.TASK_ASSIGNED,
                        "{\"taskId\":\"t\",\"responderId\":\"r\","
                                + "\"person\":\"B\",\"text\":\"x\",\"checkBackAt\":\"soon\"}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("checkBackAt");
        assertThatThrownBy(() -> EventCodec.decode(ID, EventType.NOTE, "[1,2"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(ID.toString());
    }

    @Test
    void aStoredEventKeepsItsJsonAsItWasStored() {
        String stored = "{\"text\":\"x\",\"addedByNewerConn\":true}";
        Event e = Event.stored(ID, new IncidentId(ID), T, T, "Ada", EventType.NOTE, stored);
        assertThat(e.body()).isEqualTo(new TimelineEvent.Note("x"));
        assertThat(e.payloadJson()).isEqualTo(stored);
    }
}
