package dev.conn.integrations.net;

import static dev.conn.integrations.net.VendorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conn.incident.ActionItemKind;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Severity;
import dev.conn.integrations.ExternalIds;
import dev.conn.integrations.LinearSettings;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.TicketRef;
import dev.conn.integrations.TicketRequest;
import dev.conn.integrations.TicketStatus;
import dev.conn.settings.SecretRef;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LinearClient} against a loopback Linear. Requests and answers follow Linear's GraphQL
 * documentation (https://linear.app/developers/graphql: endpoint, {@code Authorization: <API_KEY>},
 * the {@code issueCreate} example with {@code success} and {@code issue}, the standard GraphQL
 * {@code errors} array with {@code extensions.userPresentableMessage}), its rate-limiting page
 * (https://linear.app/developers/rate-limiting: {@code RATELIMITED}) and the schema's {@code
 * IssueCreateInput}, {@code IssueFilter.id} and {@code WorkflowState.type}
 * (https://github.com/linear/linear/blob/master/packages/sdk/src/schema.graphql).
 */
class LinearClientTest {
    static final String TEAM = "9cfb482a-81e3-4154-b5b9-2c805e70a02d";
    static final String VALIDATION = "{\"errors\":[{\"message\":\"Argument Validation Error\",\"extensions\":"
            + "{\"type\":\"invalid input\",\"userError\":true,\"userPresentableMessage\":\"teamId must be a UUID.\"}}],"
            + "\"data\":null}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "lin_api_0123456789abcdefghijklmnopqrstuvwxyzABCD";

    private VendorServer server;
    private LinearClient linear;
    private final UUID item = UUID.fromString("0192f0c4-7a55-7c2e-9a1b-3c4d5e6f7a8b");
    private final String issueId = ExternalIds.linearIssueId(item).toString();
    private final String issue = "{\"id\":\"" + issueId + "\",\"identifier\":\"ENG-123\","
            + "\"url\":\"https://linear.app/acme/issue/ENG-123/new-exception\"}";
    private final TicketRequest request = new TicketRequest(
            item,
            new IncidentId(UUID.fromString("0192f0c4-0000-7000-8000-000000000001")),
            "Checkout errors",
            Severity.SEV2,
            "New exception",
            ActionItemKind.PREVENT,
            Optional.of("mia@example.com"),
            Optional.of(LocalDate.parse("2026-12-01")));

    @BeforeEach
    void setUp() throws Exception {
        server = new VendorServer();
        server.env.put("LINEAR_KEY", KEY);
        LinearSettings settings =
                new LinearSettings(server.url("/graphql"), SecretRef.env("LINEAR_KEY"), TEAM, List.of());
        linear = new LinearClient(settings, server.secrets(), server.http, server.clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private static String operation(VendorServer.Hit h) {
        try {
            String q = JSON.readTree(h.body()).get("query").asText();
            return q.substring(q.indexOf(' ') + 1, q.indexOf('('));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TicketRef eng123() {
        return new TicketRef(
                TicketRef.Tracker.LINEAR, "ENG-123", issueId, "https://linear.app/acme/issue/ENG-123/new-exception");
    }

    @Test
    void createsTheIssueWithItsStableIdTeamDueDateAndAssignee() throws Exception {
        server.handle(h -> operation(h).equals("ConnUserByEmail")
                ? json(200, "{\"data\":{\"users\":{\"nodes\":[{\"id\":\"user-mia\"}]}}}")
                : json(200, "{\"data\":{\"issueCreate\":{\"success\":true,\"issue\":" + issue + "}}}"));

        Outcome<TicketRef> out = linear.create(request, false);

        assertThat(server.hits())
                .extracting(LinearClientTest::operation)
                .containsExactly("ConnUserByEmail", "ConnIssueCreate");
        VendorServer.Hit create = server.hits().get(1);
        assertThat(create.line()).isEqualTo("POST /graphql");
        assertThat(create.header("Authorization")).isEqualTo(KEY);
        JsonNode input = JSON.readTree(create.body()).at("/variables/input");
        assertThat(input.get("id").asText()).isEqualTo(issueId);
        assertThat(input.get("teamId").asText()).isEqualTo(TEAM);
        assertThat(input.get("title").asText()).isEqualTo("New exception");
        assertThat(input.get("description").asText()).contains("conn-" + item);
        assertThat(input.get("dueDate").asText()).isEqualTo("2026-12-01");
        assertThat(input.get("assigneeId").asText()).isEqualTo("user-mia");
        assertThat(out).isEqualTo(new Outcome.Sent<>(eng123()));
    }

    @Test
    void aCreateWhoseReplyWasLostIsFoundByItsIdInsteadOfCreatedTwice() throws Exception {
        AtomicBoolean created = new AtomicBoolean();
        server.handle(h -> switch (operation(h)) {
            case "ConnUserByEmail" -> json(200, "{\"data\":{\"users\":{\"nodes\":[]}}}");
            case "ConnIssueCreate" -> {
                created.set(true);
                yield VendorServer.lostReply();
            }
            default -> json(200, "{\"data\":{\"issues\":{\"nodes\":[" + (created.get() ? issue : "") + "]}}}");
        });

        Outcome<TicketRef> first = linear.create(request, false);
        Outcome<TicketRef> second = linear.create(request, true);

        assertThat(first).isInstanceOf(Outcome.Retry.class);
        assertThat(second).isEqualTo(new Outcome.Sent<>(eng123()));
        assertThat(server.hits())
                .extracting(LinearClientTest::operation)
                .containsExactly("ConnUserByEmail", "ConnIssueCreate", "ConnIssueFind");
        assertThat(JSON.readTree(server.hits().get(2).body())
                        .at("/variables/id")
                        .asText())
                .isEqualTo(issueId);
    }

    @Test
    void aRefusalIsFinalAndSaysWhatLinearSaid() {
        server.handle(h -> operation(h).equals("ConnIssueCreate")
                ? json(400, VALIDATION)
                : json(200, "{\"data\":{\"users\":{\"nodes\":[]},\"issues\":{\"nodes\":[]}}}"));

        Outcome<TicketRef> out = linear.create(request, false);

        assertThat(out).isEqualTo(new Outcome.Failed<>("Linear refused (HTTP 400): teamId must be a UUID."));
    }

    @Test
    void aRateLimitIsRetriedNotFinal() {
        server.handle(h -> json(
                400, "{\"errors\":[{\"message\":\"Rate limit exceeded\",\"extensions\":{\"code\":\"RATELIMITED\"}}]}"));

        assertThat(linear.create(request, false)).isInstanceOf(Outcome.Retry.class);
    }

    @Test
    void statusReadsTheWorkflowStateType() {
        server.handle(h -> json(
                200,
                "{\"data\":{\"issue\":{\"id\":\"" + issueId
                        + "\",\"state\":{\"name\":\"In Review\",\"type\":\"started\"}}}}"));

        Outcome<TicketStatus> out = linear.status(eng123());

        assertThat(out).isEqualTo(new Outcome.Sent<>(new TicketStatus(TicketStatus.State.IN_PROGRESS, "In Review")));
    }
}
