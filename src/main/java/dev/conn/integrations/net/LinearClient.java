package dev.conn.integrations.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.integrations.ExternalIds;
import dev.conn.integrations.LinearSettings;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.TicketRef;
import dev.conn.integrations.TicketRequest;
import dev.conn.integrations.TicketStatus;
import dev.conn.integrations.TicketTracker;
import dev.conn.integrations.VendorErrors;
import dev.conn.platform.http.HttpTransport;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Creates action-item tickets as Linear issues through its GraphQL API (https://linear.app/developers/graphql):
 * the {@code issueCreate} mutation with {@code IssueCreateInput} {@code id}, {@code teamId}, {@code
 * title}, Markdown {@code description}, {@code dueDate}, {@code assigneeId} and {@code labelIds}
 * (schema: https://github.com/linear/linear/blob/master/packages/sdk/src/schema.graphql). The
 * owner's user is looked up by e-mail, {@code users(filter: {email: {eq: ...}})}.
 *
 * <p>The issue's own id is the item's stable external id ({@link ExternalIds#linearIssueId}), so
 * Linear itself refuses a second issue for the same item. A create that may follow an earlier
 * attempt first asks for it, {@code issues(filter: {id: {eq: ...}}, includeArchived: true)}, and
 * returns it if found; a create refused with a GraphQL error looks once more, for the case where
 * the earlier attempt was not known. Status: {@code issue(id:)}'s {@code state.type}.
 *
 * <p>A personal API key is sent as {@code Authorization: <key>}. GraphQL errors arrive with HTTP 200
 * or 400 and an {@code errors} array; a rate limit is an error whose code is {@code RATELIMITED}
 * (https://linear.app/developers/rate-limiting), retried after {@code Retry-After}, else a minute.
 */
public final class LinearClient implements TicketTracker {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String CREATE = "mutation ConnIssueCreate($input: IssueCreateInput!) {"
            + " issueCreate(input: $input) { success issue { id identifier url } } }";
    static final String FIND = "query ConnIssueFind($id: ID!) {"
            + " issues(filter: {id: {eq: $id}}, includeArchived: true, first: 1) { nodes { id identifier url } } }";
    static final String USER = "query ConnUserByEmail($email: String!) {"
            + " users(filter: {email: {eq: $email}}, first: 2) { nodes { id } } }";
    static final String STATUS =
            "query ConnIssueStatus($id: String!) {" + " issue(id: $id) { id state { name type } } }";

    private final LinearSettings settings;
    private final HttpUrl endpoint;
    private final ApiClient api;
    private final Clock clock;

    /**
     * @param settings the endpoint, key, team and labels
     * @param secrets resolves the API key at each request
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     */
    public LinearClient(LinearSettings settings, SecretResolver secrets, HttpTransport http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.endpoint = HttpUrl.get(settings.apiUrl());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.api = new ApiClient(
                "Linear",
                http,
                secrets,
                clock,
                a -> a.text().toUpperCase(Locale.ROOT).contains("RATELIMITED"),
                Duration.ZERO);
    }

    @Override
    public TicketRef.Tracker tracker() {
        return TicketRef.Tracker.LINEAR;
    }

    @Override
    public String rateKey() {
        return "linear:" + settings.apiKey();
    }

    @Override
    public Duration minInterval() {
        return Duration.ofMillis(200);
    }

    @Override
    public Outcome<TicketRef> create(TicketRequest request, boolean mayExist) {
        Outcome<String> key = api.secret(settings.apiKey());
        if (!(key instanceof Outcome.Sent<String> k)) {
            return key.failure();
        }
        String id = ExternalIds.linearIssueId(request.actionItemId()).toString();
        if (mayExist) {
            Outcome<Optional<TicketRef>> found = find(k.value(), id);
            if (!(found instanceof Outcome.Sent<Optional<TicketRef>> f)) {
                return found.failure();
            }
            if (f.value().isPresent()) {
                return new Outcome.Sent<>(f.value().get());
            }
        }
        Optional<String> assignee = Optional.empty();
        if (request.ownerEmail().isPresent()) {
            ObjectNode vars =
                    NODES.objectNode().put("email", request.ownerEmail().get());
            Outcome<JsonNode> user = graphql(k.value(), USER, vars, false);
            if (user instanceof Outcome.Retry || user instanceof Outcome.NotSent) {
                return user.failure();
            }
            if (user instanceof Outcome.Sent<JsonNode> u) {
                JsonNode nodes = u.value().path("users").path("nodes");
                assignee = nodes.size() == 1
                        ? Optional.ofNullable(nodes.get(0).path("id").asText(null))
                        : assignee;
            }
        }
        ObjectNode vars = NODES.objectNode();
        vars.set("input", input(request, id, assignee));
        Outcome<JsonNode> created = graphql(k.value(), CREATE, vars, true);
        if (created instanceof Outcome.Failed<JsonNode> refused) {
            // a second issue with this id is refused: the first may be there after all
            Outcome<Optional<TicketRef>> found = find(k.value(), id);
            if (found instanceof Outcome.Sent<Optional<TicketRef>> f
                    && f.value().isPresent()) {
                return new Outcome.Sent<>(f.value().get());
            }
            return new Outcome.Failed<>(refused.reason());
        }
        if (!(created instanceof Outcome.Sent<JsonNode> c)) {
            return created.failure();
        }
        JsonNode issue = c.value().path("issueCreate").path("issue");
        Optional<TicketRef> ref = ref(issue);
        return ref.<Outcome<TicketRef>>map(Outcome.Sent::new).orElseGet(() -> api.unreadable("the created issue"));
    }

    @Override
    public Outcome<TicketStatus> status(TicketRef ticket) {
        Outcome<String> key = api.secret(settings.apiKey());
        if (!(key instanceof Outcome.Sent<String> k)) {
            return key.failure();
        }
        Outcome<JsonNode> got = graphql(k.value(), STATUS, NODES.objectNode().put("id", ticket.id()), false);
        if (!(got instanceof Outcome.Sent<JsonNode> g)) {
            return got.failure();
        }
        JsonNode state = g.value().path("issue").path("state");
        if (!state.isObject()) {
            return api.unreadable("the issue's state");
        }
        return new Outcome.Sent<>(TicketStatus.linear(
                state.path("type").asText(null), state.path("name").asText(null)));
    }

    /** The {@code IssueCreateInput}. */
    ObjectNode input(TicketRequest request, String id, Optional<String> assignee) {
        ObjectNode in = NODES.objectNode();
        in.put("id", id);
        in.put("teamId", settings.teamId());
        in.put("title", request.summary());
        in.put("description", request.markdownBody());
        request.due().ifPresent(d -> in.put("dueDate", d.toString()));
        assignee.ifPresent(a -> in.put("assigneeId", a));
        if (!settings.labelIds().isEmpty()) {
            var labels = in.putArray("labelIds");
            settings.labelIds().forEach(labels::add);
        }
        return in;
    }

    private Outcome<Optional<TicketRef>> find(String key, String id) {
        Outcome<JsonNode> got = graphql(key, FIND, NODES.objectNode().put("id", id), false);
        if (!(got instanceof Outcome.Sent<JsonNode> g)) {
            return got.failure();
        }
        JsonNode nodes = g.value().path("issues").path("nodes");
        if (!nodes.isArray()) {
            return api.unreadable("a list of issues");
        }
        return new Outcome.Sent<>(nodes.isEmpty() ? Optional.empty() : ref(nodes.get(0)));
    }

    /**
     * One GraphQL request; a create goes through {@link HttpTransport#deliver}, a query through
     * {@link HttpTransport#fetch}.
     *
     * @return the {@code data} object, or the classified failure; GraphQL errors are {@link
     *     Outcome.Failed} with their messages, except rate limits
     */
    private Outcome<JsonNode> graphql(String key, String query, ObjectNode variables, boolean create) {
        ObjectNode body = NODES.objectNode().put("query", query);
        body.set("variables", variables);
        Request request = new Request.Builder()
                .url(endpoint)
                .header("Authorization", key)
                .header("Accept", "application/json")
                .post(RequestBody.create(ApiClient.write(body), ApiClient.JSON))
                .build();
        Outcome<HttpTransport.Answer> answer = create ? api.deliver(request, true) : api.fetch(request);
        if (!(answer instanceof Outcome.Sent<HttpTransport.Answer> a)) {
            return answer.failure();
        }
        JsonNode root = ApiClient.json(a.value());
        if (root == null) {
            return api.unreadable("JSON");
        }
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            String said = VendorErrors.message(a.value().text());
            if (errors.toString().toUpperCase(Locale.ROOT).contains("RATELIMITED")) {
                return new Outcome.Retry<>(
                        api.scrub("Linear is rate limiting: " + said),
                        Optional.of(HttpTransport.retryAfter(a.value().retryAfter(), clock)
                                .orElse(ApiClient.DEFAULT_RATE_LIMIT_WAIT)),
                        false);
            }
            return new Outcome.Failed<>(api.scrub(
                    "Linear refused: " + VendorErrors.message(a.value().text())));
        }
        JsonNode data = root.path("data");
        return data.isObject() ? new Outcome.Sent<>(data) : api.unreadable("data");
    }

    private static Optional<TicketRef> ref(JsonNode issue) {
        if (!issue.hasNonNull("id") || !issue.hasNonNull("identifier") || !issue.hasNonNull("url")) {
            return Optional.empty();
        }
        return Optional.of(new TicketRef(
                TicketRef.Tracker.LINEAR,
                issue.get("identifier").asText(),
                issue.get("id").asText(),
                issue.get("url").asText()));
    }
}
