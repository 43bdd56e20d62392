package dev.conn.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.ActionItemKind;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IntegrationEvent;
import dev.conn.incident.PostmortemEvent;
import dev.conn.incident.Severity;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The integrations' entries read in words on the timeline (issue 16), and sit in a filter group. */
class IntegrationTextTest {
    private static final Instant T = Instant.parse("2026-11-21T09:30:00Z");
    private static final IncidentId INCIDENT = new IncidentId(UUID.fromString("0192f0c4-0000-7000-8000-000000000001"));

    private static String words(EventBody body) {
        return EntryText.of(Event.of(Event.newId(), INCIDENT, T, T, "Conn outbox", body), id -> Optional.empty());
    }

    @Test
    void aTicketIsRequestedCreatedAndLinkedInWords() {
        assertThat(words(new IntegrationEvent.TicketRequested(
                        UUID.randomUUID().toString(),
                        "tickets:jira",
                        "a1",
                        "Checkout errors",
                        Severity.SEV1,
                        "Alert on resolver memory",
                        ActionItemKind.PREVENT,
                        Optional.empty(),
                        Optional.empty())))
                .isEqualTo("Ticket requested in Jira for action item: Alert on resolver memory");
        assertThat(words(new CommsEvent.MessageSent(
                        "m1",
                        "tickets:jira",
                        T,
                        Optional.of("https://example.atlassian.net/browse/OPS-7"),
                        Optional.empty())))
                .isEqualTo("Ticket created in Jira: https://example.atlassian.net/browse/OPS-7");
        assertThat(words(new PostmortemEvent.ActionItemUpdated(
                        "a1",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("https://example.atlassian.net/browse/OPS-7"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())))
                .isEqualTo("Action item updated: ticket https://example.atlassian.net/browse/OPS-7");
    }

    @Test
    void aPageItsAcknowledgementAndItsResolutionReadInWords() {
        assertThat(words(new IntegrationEvent.PageRequested(
                        UUID.randomUUID().toString(),
                        "pagerduty:payments-oncall",
                        IntegrationEvent.PageRequested.TRIGGER,
                        "payments-oncall",
                        "Payments on-call",
                        "conn-x-payments-oncall",
                        "Checkout errors",
                        Severity.SEV1,
                        Optional.of("join the bridge"),
                        Optional.empty(),
                        T)))
                .isEqualTo("Paged Payments on-call (SEV1): join the bridge");
        assertThat(words(new IntegrationEvent.PageAcknowledged(
                        "conn-x-payments-oncall",
                        "payments-oncall",
                        Optional.of("Earline Greenholt"),
                        Optional.of(Instant.parse("2015-10-06T21:32:52Z")))))
                .isEqualTo("Page to payments-oncall acknowledged by Earline Greenholt at 2015-10-06T21:32:52Z");
        assertThat(words(new IntegrationEvent.PageResolved("m2", "conn-x-payments-oncall", "payments-oncall")))
                .isEqualTo("Page to payments-oncall resolved in PagerDuty");
        assertThat(words(new CommsEvent.MessageSent("m3", "grafana", T, Optional.of("1141"), Optional.empty())))
                .isEqualTo("Grafana annotation saved (id 1141)");
    }

    @Test
    void pagesAreFiledWithPeopleAndTicketsWithCommunication() {
        assertThat(EntryCategory.of(EventType.PAGE_REQUESTED)).isEqualTo(EntryCategory.PEOPLE);
        assertThat(EntryCategory.of(EventType.PAGE_ACKNOWLEDGED)).isEqualTo(EntryCategory.PEOPLE);
        assertThat(EntryCategory.of(EventType.TICKET_REQUESTED)).isEqualTo(EntryCategory.COMMS);
    }
}
