package dev.conn.integrations.net;

import static dev.conn.integrations.net.VendorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conn.incident.ActionItemKind;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Severity;
import dev.conn.integrations.JiraSettings;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.TicketRef;
import dev.conn.integrations.TicketRequest;
import dev.conn.integrations.TicketStatus;
import dev.conn.settings.SecretRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JiraClient} against a loopback Jira. Request and response bodies follow the Jira Cloud
 * platform REST API v3 reference: "Create issue"
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post,
 * the 201 and 400 examples), "Find users"
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-search-get,
 * first user of the example, avatar URLs left out), "Search for issues using JQL enhanced search"
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get,
 * example trimmed to the fields asked for) and "Get status"
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-workflow-statuses/, the
 * status example, inside an issue's {@code fields}).
 */
class JiraClientTest {
    static final String CREATED = "{\"id\":\"10000\",\"key\":\"ED-24\","
            + "\"self\":\"https://your-domain.atlassian.net/rest/api/3/issue/10000\","
            + "\"transition\":{\"status\":200,\"errorCollection\":{\"errorMessages\":[],\"errors\":{}}}}";
    static final String REFUSED = "{\"errorMessages\":[\"Field 'priority' is required\"],\"errors\":{}}";
    static final String USERS = "[{\"accountId\":\"5b10a2844c20165700ede21g\",\"accountType\":\"atlassian\","
            + "\"active\":false,\"displayName\":\"Mia Krystof\",\"key\":\"\",\"name\":\"\","
            + "\"self\":\"https://your-domain.atlassian.net/rest/api/3/user?accountId=5b10a2844c20165700ede21g\"}]";
    static final String NO_ISSUES = "{\"isLast\":true,\"issues\":[]}";
    static final String FOUND = "{\"isLast\":true,\"issues\":[{\"expand\":\"\",\"fields\":{},\"id\":\"10000\","
            + "\"key\":\"ED-24\",\"self\":\"https://your-domain.atlassian.net/rest/api/3/issue/10000\"}]}";
    static final String IN_PROGRESS = "{\"id\":\"10000\",\"key\":\"ED-24\",\"fields\":{\"status\":"
            + "{\"description\":\"The issue is currently being worked on.\","
            + "\"iconUrl\":\"https://your-domain.atlassian.net/images/icons/progress.gif\",\"id\":\"10000\","
            + "\"name\":\"In Progress\",\"self\":\"https://your-domain.atlassian.net/rest/api/3/status/10000\","
            + "\"statusCategory\":{\"colorName\":\"yellow\",\"id\":1,\"key\":\"in-flight\",\"name\":\"In Progress\","
            + "\"self\":\"https://your-domain.atlassian.net/rest/api/3/statuscategory/1\"}}}}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "jira-api-token-ATATT3xFfGF0";

    private VendorServer server;
    private JiraClient jira;
    private final UUID item = UUID.fromString("0192f0c4-7a55-7c2e-9a1b-3c4d5e6f7a8b");
    private final TicketRequest request = new TicketRequest(
            item,
            new IncidentId(UUID.fromString("0192f0c4-0000-7000-8000-000000000001")),
            "Checkout errors",
            Severity.SEV1,
            "Add a circuit breaker to the payment client\nSee https://runbooks.example.com/payments",
            ActionItemKind.PREVENT,
            Optional.of("mia@example.com"),
            Optional.of(LocalDate.parse("2026-12-01")));

    @BeforeEach
    void setUp() throws Exception {
        server = new VendorServer();
        server.env.put("JIRA_TOKEN", TOKEN);
        JiraSettings settings = new JiraSettings(
                server.url("/"), "conn-bot@example.com", SecretRef.env("JIRA_TOKEN"), "ED", null, List.of("incident"));
        jira = new JiraClient(settings, server.secrets(), server.http, server.clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    @Test
    void createsTheIssueWithAdfDescriptionLabelsDueDateAndTheOwnerLookedUpByEmail() throws Exception {
        server.handle(h -> h.path().startsWith("/rest/api/3/user/search") ? json(200, USERS) : json(201, CREATED));

        Outcome<TicketRef> out = jira.create(request, false);

        assertThat(server.lines())
                .containsExactly(
                        "GET /rest/api/3/user/search?query=mia%40example.com&maxResults=10", "POST /rest/api/3/issue");
        VendorServer.Hit post = server.hits().get(1);
        assertThat(post.header("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString(("conn-bot@example.com:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        JsonNode fields = JSON.readTree(post.body()).get("fields");
        assertThat(fields.at("/project/key").asText()).isEqualTo("ED");
        assertThat(fields.at("/issuetype/name").asText()).isEqualTo("Task");
        assertThat(fields.get("summary").asText()).isEqualTo("Add a circuit breaker to the payment client");
        assertThat(fields.at("/description/type").asText()).isEqualTo("doc");
        assertThat(fields.at("/description/version").asInt()).isEqualTo(1);
        assertThat(fields.at("/description/content/0/type").asText()).isEqualTo("paragraph");
        assertThat(fields.at("/description/content/0/content/3/marks/0/attrs/href")
                        .asText())
                .isEqualTo("https://runbooks.example.com/payments");
        assertThat(fields.at("/description/content/1/type").asText()).isEqualTo("bulletList");
        assertThat(fields.get("labels"))
                .extracting(JsonNode::asText)
                .containsExactly("conn", "conn-" + item, "incident");
        assertThat(fields.get("duedate").asText()).isEqualTo("2026-12-01");
        assertThat(fields.at("/assignee/id").asText()).isEqualTo("5b10a2844c20165700ede21g");
        // what is written back to the action item
        assertThat(out)
                .isEqualTo(new Outcome.Sent<>(
                        new TicketRef(TicketRef.Tracker.JIRA, "ED-24", "10000", server.url("/browse/ED-24"))));
    }

    @Test
    void aCreateWhoseReplyWasLostIsFoundByItsLabelInsteadOfCreatedTwice() {
        AtomicBoolean created = new AtomicBoolean();
        server.handle(h -> {
            if (h.path().startsWith("/rest/api/3/user/search")) {
                return json(200, USERS);
            }
            if (h.method().equals("POST")) {
                created.set(true); // Jira creates the issue, then the connection drops
                return VendorServer.lostReply();
            }
            return json(200, created.get() ? FOUND : NO_ISSUES);
        });

        Outcome<TicketRef> first = jira.create(request, false);
        // the outbox counts the attempt, waits, and tries again: this time it looks first
        Outcome<TicketRef> second = jira.create(request, true);

        assertThat(first).isInstanceOf(Outcome.Retry.class);
        assertThat(((Outcome.Retry<TicketRef>) first).retryAfter()).contains(JiraClient.SEARCH_SETTLE);
        assertThat(second)
                .isEqualTo(new Outcome.Sent<>(
                        new TicketRef(TicketRef.Tracker.JIRA, "ED-24", "10000", server.url("/browse/ED-24"))));
        assertThat(server.lines()).filteredOn(l -> l.startsWith("POST")).hasSize(1);
        assertThat(server.lines())
                .contains("GET /rest/api/3/search/jql?jql=project%20%3D%20%22ED%22%20AND%20labels%20%3D%20%22conn-"
                        + item + "%22&fields=summary&maxResults=2");
    }

    @Test
    void aRetryThatFindsNothingCreatesTheIssue() {
        server.handle(h -> h.path().startsWith("/rest/api/3/search/jql")
                ? json(200, NO_ISSUES)
                : h.path().startsWith("/rest/api/3/user") ? json(200, USERS) : json(201, CREATED));

        assertThat(jira.create(request, true)).isInstanceOf(Outcome.Sent.class);
        assertThat(server.lines()).filteredOn(l -> l.startsWith("POST")).hasSize(1);
    }

    @Test
    void aRefusalIsFinalAndSaysWhatJiraSaid() {
        server.handle(h -> h.path().startsWith("/rest/api/3/user") ? json(200, USERS) : json(400, REFUSED));

        Outcome<TicketRef> out = jira.create(request, false);

        assertThat(out).isEqualTo(new Outcome.Failed<>("Jira refused (HTTP 400): Field 'priority' is required"));
    }

    @Test
    void aRefusalThatEchoesTheTokenIsScrubbed() {
        server.handle(h -> json(401, "{\"errorMessages\":[\"Token " + TOKEN + " is not valid\"],\"errors\":{}}"));

        Outcome<TicketRef> out = jira.create(request, false);

        assertThat(out).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed<TicketRef>) out).reason())
                .contains("401", "is not valid")
                .doesNotContain(TOKEN);
    }

    @Test
    void anOwnerJiraCannotAssignLeavesTheTicketUnassignedRatherThanUncreated() throws Exception {
        server.handle(h -> {
            if (h.path().startsWith("/rest/api/3/user")) {
                return json(200, USERS);
            }
            return h.body().contains("assignee")
                    ? json(400, "{\"errorMessages\":[],\"errors\":{\"assignee\":\"User cannot be assigned issues.\"}}")
                    : json(201, CREATED);
        });

        Outcome<TicketRef> out = jira.create(request, false);

        assertThat(out).isInstanceOf(Outcome.Sent.class);
        assertThat(server.lines()).filteredOn(l -> l.startsWith("POST")).hasSize(2);
        assertThat(JSON.readTree(server.hits().get(2).body()).get("fields").has("assignee"))
                .isFalse();
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitJiraAsksFor() {
        server.handle(h -> json(429, "{\"errorMessages\":[\"Rate limit exceeded\"],\"errors\":{}}")
                .setHeader("Retry-After", "17"));

        Outcome<TicketRef> out = jira.create(request, false);

        assertThat(out).isInstanceOf(Outcome.Retry.class);
        assertThat(((Outcome.Retry<TicketRef>) out).retryAfter()).contains(Duration.ofSeconds(17));
    }

    @Test
    void aMissingTokenIsNotSentAndNamesTheReference() {
        server.env.remove("JIRA_TOKEN");
        JiraSettings settings = new JiraSettings(
                server.url("/"), "conn-bot@example.com", SecretRef.env("JIRA_TOKEN"), "ED", null, null);

        Outcome<TicketRef> out =
                new JiraClient(settings, server.secrets(), server.http, server.clock).create(request, false);

        assertThat(out).isInstanceOf(Outcome.NotSent.class);
        assertThat(((Outcome.NotSent<TicketRef>) out).reason()).contains("JIRA_TOKEN");
        assertThat(server.hits()).isEmpty();
    }

    @Test
    void statusIsReadByStatusCategory() {
        server.handle(h -> json(200, IN_PROGRESS));

        Outcome<TicketStatus> out =
                jira.status(new TicketRef(TicketRef.Tracker.JIRA, "ED-24", "10000", server.url("/browse/ED-24")));

        assertThat(server.lines()).containsExactly("GET /rest/api/3/issue/10000?fields=status");
        assertThat(out).isEqualTo(new Outcome.Sent<>(new TicketStatus(TicketStatus.State.IN_PROGRESS, "In Progress")));
    }
}
