package dev.conn.integrations.net;

import static dev.conn.integrations.net.VendorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conn.incident.ActionItemKind;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Severity;
import dev.conn.integrations.GitHubSettings;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.TicketRef;
import dev.conn.integrations.TicketRequest;
import dev.conn.integrations.TicketStatus;
import dev.conn.settings.SecretRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GitHubIssuesClient} against a loopback GitHub. Bodies follow GitHub's REST API reference:
 * "Create an issue" (https://docs.github.com/en/rest/issues/issues#create-an-issue: the request
 * example "Found a bug" / "I'm having a problem with this." and the 201 example issue #1347 of
 * octocat/Hello-World, trimmed to the fields Conn reads), "List repository issues"
 * (https://docs.github.com/en/rest/issues/issues#list-repository-issues), "Search issues and pull
 * requests" (https://docs.github.com/en/rest/search/search#search-issues-and-pull-requests), the
 * validation error of "Create an issue" (422) and the rate-limit answer of
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api.
 */
class GitHubIssuesClientTest {
    static final String ISSUE = "{\"id\":1,\"node_id\":\"MDU6SXNzdWUx\","
            + "\"url\":\"https://api.github.com/repos/octocat/Hello-World/issues/1347\","
            + "\"html_url\":\"https://github.com/octocat/Hello-World/issues/1347\",\"number\":1347,"
            + "\"state\":\"open\",\"title\":\"Found a bug\",\"body\":\"I'm having a problem with this.\","
            + "\"labels\":[{\"id\":208045946,\"name\":\"bug\",\"color\":\"f29513\",\"default\":true}],"
            + "\"locked\":false,\"comments\":0,\"created_at\":\"2011-04-22T13:33:48Z\"}";
    static final String CLOSED =
            ISSUE.replace("\"state\":\"open\"", "\"state\":\"closed\",\"state_reason\":\"completed\"");
    static final String INVALID = "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\","
            + "\"code\":\"missing_field\",\"field\":\"title\"}],"
            + "\"documentation_url\":\"https://docs.github.com/rest/issues/issues#create-an-issue\"}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "github_pat_11ABCDEFG0123456789abcdefghij";

    private VendorServer server;
    private GitHubIssuesClient github;
    private final UUID item = UUID.fromString("0192f0c4-7a55-7c2e-9a1b-3c4d5e6f7a8b");
    private final TicketRequest request = new TicketRequest(
            item,
            new IncidentId(UUID.fromString("0192f0c4-0000-7000-8000-000000000001")),
            "Checkout errors",
            Severity.SEV2,
            "Found a bug",
            ActionItemKind.MITIGATE,
            Optional.of("@octocat"),
            Optional.empty());
    private final String label = "conn-" + item;

    @BeforeEach
    void setUp() throws Exception {
        server = new VendorServer();
        server.env.put("GITHUB_TOKEN", TOKEN);
        GitHubSettings settings = new GitHubSettings(
                server.url("/"), "octocat", "Hello-World", SecretRef.env("GITHUB_TOKEN"), List.of("bug"), Map.of());
        github = new GitHubIssuesClient(settings, server.secrets(), server.http, server.clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private TicketRef issue1347() {
        return new TicketRef(
                TicketRef.Tracker.GITHUB, "#1347", "1347", "https://github.com/octocat/Hello-World/issues/1347");
    }

    @Test
    void createsTheIssueWithLabelsAndAssignee() throws Exception {
        server.handle(h -> json(201, ISSUE));

        Outcome<TicketRef> out = github.create(request, false);

        VendorServer.Hit post = server.hits().get(0);
        assertThat(post.line()).isEqualTo("POST /repos/octocat/Hello-World/issues");
        assertThat(post.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(post.header("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(post.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.get("title").asText()).isEqualTo("Found a bug");
        assertThat(body.get("body").asText())
                .startsWith("Found a bug\n\n- Incident: Checkout errors (SEV2, ")
                .contains(label);
        assertThat(body.get("labels")).extracting(JsonNode::asText).containsExactly("conn", label, "bug");
        assertThat(body.get("assignees")).extracting(JsonNode::asText).containsExactly("octocat");
        assertThat(out).isEqualTo(new Outcome.Sent<>(issue1347()));
    }

    @Test
    void aCreateWhoseReplyWasLostIsFoundByItsLabelInsteadOfCreatedTwice() {
        AtomicBoolean created = new AtomicBoolean();
        server.handle(h -> {
            if (h.method().equals("POST")) {
                created.set(true);
                return VendorServer.lostReply();
            }
            return json(200, created.get() ? "[" + ISSUE + "]" : "[]");
        });

        Outcome<TicketRef> first = github.create(request, false);
        Outcome<TicketRef> second = github.create(request, true);

        assertThat(first).isInstanceOf(Outcome.Retry.class);
        assertThat(second).isEqualTo(new Outcome.Sent<>(issue1347()));
        assertThat(server.lines())
                .containsExactly(
                        "POST /repos/octocat/Hello-World/issues",
                        "GET /repos/octocat/Hello-World/issues?labels=" + label + "&state=all&per_page=5");
    }

    @Test
    void aTicketWhoseLabelWasDroppedIsFoundByTheIdInItsBody() {
        server.handle(h -> h.path().startsWith("/search/issues")
                ? json(200, "{\"total_count\":1,\"incomplete_results\":false,\"items\":[" + ISSUE + "]}")
                : json(200, "[]"));

        Outcome<TicketRef> out = github.create(request, true);

        assertThat(out).isEqualTo(new Outcome.Sent<>(issue1347()));
        assertThat(server.lines()).noneMatch(l -> l.startsWith("POST"));
        assertThat(server.lines().get(1))
                .startsWith("GET /search/issues?q=repo%3Aoctocat%2FHello-World%20is%3Aissue%20in%3Abody%20%22" + label);
    }

    @Test
    void aRefusalIsFinalAndSaysWhatGitHubSaid() {
        server.handle(h -> json(422, INVALID));

        Outcome<TicketRef> out = github.create(request, false);

        assertThat(out)
                .isEqualTo(new Outcome.Failed<>("GitHub refused (HTTP 422): Validation Failed; title missing_field"));
    }

    @Test
    void aRateLimitedForbiddenIsRetriedNotFinal() {
        server.handle(
                h -> json(
                        403,
                        "{\"message\":\"API rate limit exceeded for user ID 1.\","
                                + "\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}"));

        Outcome<TicketRef> out = github.create(request, false);

        assertThat(out).isInstanceOf(Outcome.Retry.class);
        assertThat(((Outcome.Retry<TicketRef>) out).retryAfter()).contains(Duration.ofSeconds(60));
    }

    @Test
    void statusReadsAClosedIssueAsDone() {
        server.handle(h -> json(200, CLOSED));

        Outcome<TicketStatus> out = github.status(issue1347());

        assertThat(server.lines()).containsExactly("GET /repos/octocat/Hello-World/issues/1347");
        assertThat(out).isEqualTo(new Outcome.Sent<>(new TicketStatus(TicketStatus.State.DONE, "closed (completed)")));
    }
}
