package dev.conn.integrations.net;

import static dev.conn.integrations.net.VendorServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conn.comms.OutboxDispatcher;
import dev.conn.comms.OutboxMessage;
import dev.conn.comms.net.IntegrationChannels;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.CommandRefusedException;
import dev.conn.incident.CommsEvent;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IntegrationEvent;
import dev.conn.incident.PostmortemEvent;
import dev.conn.integrations.IntegrationSettings;
import dev.conn.integrations.JiraSettings;
import dev.conn.integrations.TicketRef;
import dev.conn.postmortem.TicketDecider.CreateTickets;
import dev.conn.postmortem.TicketRefresh;
import dev.conn.postmortem.TicketRequests;
import dev.conn.settings.SecretRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Create ticket end to end (issue 16 §1): the command through its decider and the one writer, the
 * outbox row in the same transaction, the dispatcher sending it to a loopback Jira, and the
 * outcome written back through the one writer. Jira's bodies are those of {@link JiraClientTest}
 * (Jira Cloud platform REST API v3, "Create issue"
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post,
 * "Find users", "Search for issues using JQL enhanced search", "Get status").
 */
class TicketOutboxTest {
    private static final String TOKEN = "jira-api-token-ATATT3xFfGF0";
    private static final String CHANNEL = "tickets:jira";

    @TempDir
    Path dir;

    private VendorServer server;
    private IntegrationOutboxFixture f;
    private JiraClient jira;

    @BeforeEach
    void setUp() throws Exception {
        server = new VendorServer();
        server.env.put("JIRA_TOKEN", TOKEN);
        f = new IntegrationOutboxFixture(dir, server);
        JiraSettings settings = new JiraSettings(
                server.url("/"), "conn-bot@example.com", SecretRef.env("JIRA_TOKEN"), "ED", null, List.of());
        IntegrationSettings integrations =
                new IntegrationSettings(TicketRef.Tracker.JIRA, settings, null, null, null, null);
        f.channels.putAll(IntegrationChannels.of(integrations, server.secrets(), server.http, server.clock));
        jira = new JiraClient(settings, server.secrets(), server.http, server.clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
        server.close();
    }

    private List<Event> createTicket(UUID item) {
        return f.postmortem.createTickets(f.incident, new CreateTickets(List.of(item), Optional.of(CHANNEL)), "Alice");
    }

    private String link() {
        return server.url("/browse/ED-24");
    }

    @Test
    void createTicketQueuesOneRowAndTheOutboxWritesTheLinkBackToTheItem() throws Exception {
        server.handle(h -> h.path().startsWith("/rest/api/3/user/search")
                ? json(200, JiraClientTest.USERS)
                : json(201, JiraClientTest.CREATED));
        UUID item = f.addItem("Add a circuit breaker to the payment client");

        List<Event> asked = createTicket(item);
        assertThat(asked).singleElement().extracting(Event::type).isEqualTo(EventType.TICKET_REQUESTED);
        OutboxMessage row = f.outbox.queued().get(0);
        assertThat(row.channel()).isEqualTo(CHANNEL);
        assertThat(row.subject()).isEqualTo("Ticket: Add a circuit breaker to the payment client");

        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();

        assertThat(server.lines()).filteredOn(l -> l.startsWith("POST")).containsExactly("POST /rest/api/3/issue");
        Event sent = f.events(EventType.MESSAGE_SENT).get(0);
        assertThat(((CommsEvent.MessageSent) sent.body()).externalId()).contains(link());
        Event written = f.events(EventType.ACTION_ITEM_UPDATED).get(0);
        assertThat(written.author()).isEqualTo("Conn outbox");
        assertThat(((PostmortemEvent.ActionItemUpdated) written.body()).ticket())
                .contains(link());
        assertThat(written.recordedAt()).isEqualTo(sent.recordedAt()); // one append
        assertThat(f.item(item).ticket()).isEqualTo(link());
        assertThat(TicketRequests.of(f.incidents.timeline(f.incident))).isEmpty();
        assertThat(f.outbox.row(row.seq()).orElseThrow().state()).isEqualTo(OutboxMessage.State.SENT);
        // asking again is refused in words, and nothing more is sent
        assertThatThrownBy(() -> createTicket(item))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("has a ticket already: " + link());
    }

    @Test
    void aCreateWhoseReplyWasLostIsFoundByItsLabelOnTheOutboxRetryNotCreatedTwice() throws Exception {
        AtomicBoolean created = new AtomicBoolean();
        server.handle(h -> {
            if (h.path().startsWith("/rest/api/3/user/search")) {
                return json(200, JiraClientTest.USERS);
            }
            if (h.method().equals("POST")) {
                created.set(true); // Jira creates the issue, then the connection drops
                return VendorServer.lostReply();
            }
            return json(200, created.get() ? JiraClientTest.FOUND : JiraClientTest.NO_ISSUES);
        });
        UUID item = f.addItem("Add a circuit breaker to the payment client");
        createTicket(item);

        OutboxDispatcher d = f.dispatcher();
        assertThat(d.drain(Duration.ofMinutes(5))).isTrue();

        assertThat(server.lines()).filteredOn(l -> l.startsWith("POST")).hasSize(1);
        assertThat(server.lines()).anyMatch(l -> l.startsWith("GET /rest/api/3/search/jql"));
        assertThat(f.events(EventType.MESSAGE_DELIVERY_UNKNOWN)).isEmpty();
        assertThat(f.events(EventType.ACTION_ITEM_UPDATED)).hasSize(1);
        assertThat(f.item(item).ticket()).isEqualTo(link());
        // the retry waited for Jira's search to see the new issue (JiraClient.SEARCH_SETTLE)
        assertThat(f.events(EventType.MESSAGE_SENT).get(0).recordedAt())
                .isAfterOrEqualTo(
                        f.events(EventType.TICKET_REQUESTED).get(0).recordedAt().plus(JiraClient.SEARCH_SETTLE));
    }

    @Test
    void aRefusalIsRecordedInJirasWordsAndTheItemCanBeTicketedAgain() throws Exception {
        server.handle(h -> h.path().startsWith("/rest/api/3/user")
                ? json(200, JiraClientTest.USERS)
                : json(400, JiraClientTest.REFUSED));
        UUID item = f.addItem("Add a circuit breaker to the payment client");
        createTicket(item);

        assertThat(f.dispatcher().drain(Duration.ofMinutes(1))).isTrue();

        assertThat(f.events(EventType.MESSAGE_FAILED))
                .singleElement()
                .extracting(e -> ((CommsEvent.MessageFailed) e.body()).reason())
                .isEqualTo("Jira refused (HTTP 400): Field 'priority' is required");
        assertThat(f.events(EventType.ACTION_ITEM_UPDATED)).isEmpty();
        assertThat(f.item(item).ticket()).isEmpty();
        assertThat(TicketRequests.of(f.incidents.timeline(f.incident)))
                .containsEntry(item, "ticket not created: Jira refused (HTTP 400): Field 'priority' is required");
        // a failed request no longer blocks the item: the user fixes Jira and asks again
        List<Event> again = createTicket(item);
        assertThat(again)
                .singleElement()
                .extracting(e -> ((IntegrationEvent.TicketRequested) e.body()).messageId())
                .isNotEqualTo(((IntegrationEvent.TicketRequested)
                                f.events(EventType.TICKET_REQUESTED).get(0).body())
                        .messageId());
    }

    @Test
    void aTicketAskedForWhileJiraIsUnreachableWaitsAndIsNeitherLostNorFailed() throws Exception {
        server.close(); // Jira is not there: connections are refused
        UUID item = f.addItem("Add a circuit breaker to the payment client");
        createTicket(item);

        f.dispatcher().runOnce();

        OutboxMessage row = f.outbox.row(1).orElseThrow();
        assertThat(row.state()).isEqualTo(OutboxMessage.State.QUEUED);
        assertThat(row.attempts()).isZero(); // never left: the next try need not look first
        assertThat(f.events(EventType.MESSAGE_FAILED)).isEmpty();
        assertThat(TicketRequests.of(f.incidents.timeline(f.incident))).containsEntry(item, "ticket on its way");
        // the request is on its way: asking again adds nothing
        assertThatThrownBy(() -> createTicket(item)).hasMessageContaining("is on its way");
    }

    @Test
    void createTicketsForAllWithoutOneSkipsItemsWithATicket() {
        UUID a = f.addItem("Alert on DNS cache memory");
        UUID b = f.addItem("Add a circuit breaker to the payment client");
        f.postmortem.createTickets(f.incident, new CreateTickets(List.of(a), Optional.of(CHANNEL)), "Alice");

        List<Event> all =
                f.postmortem.createTickets(f.incident, new CreateTickets(List.of(), Optional.of(CHANNEL)), "Alice");

        assertThat(all)
                .extracting(e -> ((IntegrationEvent.TicketRequested) e.body()).actionItemId())
                .containsExactly(b.toString());
        assertThat(f.outbox.queued()).hasSize(2);
    }

    @Test
    void withoutATrackerCreateTicketIsRefusedSayingWhatToConfigure() {
        UUID item = f.addItem("Alert on DNS cache memory");

        assertThatThrownBy(() -> f.postmortem.createTickets(
                        f.incident, new CreateTickets(List.of(item), Optional.empty()), "Alice"))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessageContaining("add Jira, GitHub or Linear under \"integrations\" in settings.json");
        assertThat(f.outbox.queued()).isEmpty();
    }

    @Test
    void refreshTicketStatusReadsTheStateAndTheItemFollowsIt() throws Exception {
        server.handle(h -> h.path().startsWith("/rest/api/3/user/search")
                ? json(200, JiraClientTest.USERS)
                : h.method().equals("POST")
                        ? json(201, JiraClientTest.CREATED)
                        : json(200, JiraClientTest.IN_PROGRESS));
        UUID item = f.addItem("Add a circuit breaker to the payment client");
        createTicket(item);
        f.dispatcher().drain(Duration.ofMinutes(1));

        List<TicketRefresh.Result> read = TicketRefresh.read(List.of(f.item(item)), jira);

        assertThat(read).singleElement().extracting(TicketRefresh.Result::shown).isEqualTo("In Progress");
        assertThat(TicketRefresh.follow(f.item(item), read.get(0).status().orElseThrow()))
                .contains(ActionItemStatus.IN_PROGRESS);
    }

    @Test
    void theTokenIsNeverStoredNeitherInEventsNorInOutboxRows() throws Exception {
        server.handle(h -> json(401, "{\"errorMessages\":[\"Token " + TOKEN + " is not valid\"],\"errors\":{}}"));
        UUID item = f.addItem("Add a circuit breaker to the payment client");
        createTicket(item);

        f.dispatcher().drain(Duration.ofMinutes(1));

        assertThat(f.events(EventType.MESSAGE_FAILED)).hasSize(1);
        assertThat(f.everythingStored()).isNotEmpty().noneMatch(text -> text.contains(TOKEN));
    }
}
