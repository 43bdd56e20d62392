package dev.conn.integrations.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.integrations.JiraSettings;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.TicketRef;
import dev.conn.integrations.TicketRequest;
import dev.conn.integrations.TicketStatus;
import dev.conn.integrations.TicketTracker;
import dev.conn.platform.http.HttpTransport;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Creates action-item tickets in Jira Cloud through its REST API v3
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post):
 * {@code POST /rest/api/3/issue} with {@code fields.project.key}, {@code issuetype.name}, {@code
 * summary}, {@code description} in Atlassian Document Format, {@code labels} ({@code conn} and the
 * item's stable label), {@code duedate} and {@code assignee.id}. The assignee is the owner's
 * account, looked up by e-mail with {@code GET /rest/api/3/user/search?query=}
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/); an owner
 * who is not found (or whose e-mail Jira keeps private) leaves the ticket unassigned, named in the
 * description.
 *
 * <p>Jira takes no idempotency key. A create that may follow an earlier attempt first searches
 * for the item's label with JQL, {@code GET /rest/api/3/search/jql}
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/), and returns
 * the ticket found. Jira's search "might not immediately" show a recent write, so a retry after a
 * create that may have landed waits at least {@link #SEARCH_SETTLE}. Status: {@code GET
 * /rest/api/3/issue/{id}?fields=status}, read by status category.
 *
 * <p>Authentication: basic, with the account's e-mail and an API token
 * (https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/), resolved at each
 * request. Rate limits: 429 with {@code Retry-After}
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).
 */
public final class JiraClient implements TicketTracker {
    /** The least wait before a create that may have landed is looked up: Jira's search lags writes. */
    public static final Duration SEARCH_SETTLE = Duration.ofSeconds(30);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JiraSettings settings;
    private final HttpUrl base;
    private final ApiClient api;

    /**
     * @param settings the site, project and credentials
     * @param secrets resolves the API token at each request
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     */
    public JiraClient(JiraSettings settings, SecretResolver secrets, HttpTransport http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.base = HttpUrl.get(settings.baseUrl());
        this.api = new ApiClient("Jira", http, secrets, clock, a -> false, SEARCH_SETTLE);
    }

    @Override
    public TicketRef.Tracker tracker() {
        return TicketRef.Tracker.JIRA;
    }

    @Override
    public String rateKey() {
        return "jira:" + settings.apiToken();
    }

    @Override
    public Duration minInterval() {
        return Duration.ofMillis(200);
    }

    @Override
    public Outcome<TicketRef> create(TicketRequest request, boolean mayExist) {
        Outcome<String> auth = auth();
        if (!(auth instanceof Outcome.Sent<String> a)) {
            return auth.failure();
        }
        if (mayExist) {
            Outcome<Optional<TicketRef>> found = find(a.value(), request.externalLabel());
            if (!(found instanceof Outcome.Sent<Optional<TicketRef>> f)) {
                return found.failure();
            }
            if (f.value().isPresent()) {
                return new Outcome.Sent<>(f.value().get());
            }
        }
        Optional<String> accountId = Optional.empty();
        if (request.ownerEmail().isPresent()) {
            Outcome<Optional<String>> user =
                    findUser(a.value(), request.ownerEmail().get());
            if (user instanceof Outcome.Retry || user instanceof Outcome.NotSent) {
                return user.failure();
            }
            // refused (e.g. no "Browse users and groups" permission): the ticket goes unassigned
            accountId = user instanceof Outcome.Sent<Optional<String>> u ? u.value() : Optional.empty();
        }
        Outcome<HttpTransport.Answer> created = post(a.value(), body(request, accountId));
        if (accountId.isPresent()
                && created instanceof Outcome.Failed<HttpTransport.Answer> f
                && f.reason().contains("assignee:")) {
            // refused with an answer, so nothing was created: the owner cannot be assigned in this
            // project, and an unassigned ticket beats none
            created = post(a.value(), body(request, Optional.empty()));
        }
        if (!(created instanceof Outcome.Sent<HttpTransport.Answer> c)) {
            return created.failure();
        }
        JsonNode issue = ApiClient.json(c.value());
        if (issue == null || !issue.hasNonNull("key") || !issue.hasNonNull("id")) {
            return api.unreadable("the created issue's key");
        }
        return new Outcome.Sent<>(ref(issue.get("id").asText(), issue.get("key").asText()));
    }

    @Override
    public Outcome<TicketStatus> status(TicketRef ticket) {
        Outcome<String> auth = auth();
        if (!(auth instanceof Outcome.Sent<String> a)) {
            return auth.failure();
        }
        HttpUrl url = base.newBuilder()
                .addPathSegments("rest/api/3/issue")
                .addPathSegment(ticket.id())
                .addQueryParameter("fields", "status")
                .build();
        Outcome<HttpTransport.Answer> got = api.fetch(get(url, a.value()));
        if (!(got instanceof Outcome.Sent<HttpTransport.Answer> g)) {
            return got.failure();
        }
        JsonNode status = Optional.ofNullable(ApiClient.json(g.value()))
                .map(n -> n.path("fields").path("status"))
                .orElse(NODES.missingNode());
        if (!status.isObject()) {
            return api.unreadable("the issue's status");
        }
        JsonNode category = status.path("statusCategory");
        return new Outcome.Sent<>(TicketStatus.jira(
                category.path("key").asText(null),
                category.path("name").asText(null),
                status.path("name").asText(null)));
    }

    /** The create body: {@code {"fields": {...}}}. */
    ObjectNode body(TicketRequest request, Optional<String> accountId) {
        ObjectNode root = NODES.objectNode();
        ObjectNode fields = root.putObject("fields");
        fields.putObject("project").put("key", settings.projectKey());
        fields.putObject("issuetype").put("name", settings.issueType());
        fields.put("summary", request.summary());
        fields.set("description", request.adfDescription());
        var labels = fields.putArray("labels");
        request.labels().forEach(labels::add);
        settings.labels().stream().filter(l -> !request.labels().contains(l)).forEach(labels::add);
        request.due().ifPresent(d -> fields.put("duedate", d.toString()));
        accountId.ifPresent(id -> fields.putObject("assignee").put("id", id));
        return root;
    }

    private Outcome<HttpTransport.Answer> post(String auth, ObjectNode body) {
        Request post = new Request.Builder()
                .url(base.newBuilder().addPathSegments("rest/api/3/issue").build())
                .header("Authorization", auth)
                .header("Accept", "application/json")
                .post(RequestBody.create(ApiClient.write(body), ApiClient.JSON))
                .build();
        return api.deliver(post, true);
    }

    /** JQL search for the item's label, in the configured project. */
    private Outcome<Optional<TicketRef>> find(String auth, String label) {
        HttpUrl url = base.newBuilder()
                .addPathSegments("rest/api/3/search/jql")
                .addQueryParameter("jql", "project = \"" + settings.projectKey() + "\" AND labels = \"" + label + "\"")
                .addQueryParameter("fields", "summary")
                .addQueryParameter("maxResults", "2")
                .build();
        Outcome<HttpTransport.Answer> got = api.fetch(get(url, auth));
        if (!(got instanceof Outcome.Sent<HttpTransport.Answer> g)) {
            return got.failure();
        }
        JsonNode root = ApiClient.json(g.value());
        if (root == null || !root.path("issues").isArray()) {
            return api.unreadable("a list of issues");
        }
        for (JsonNode issue : root.get("issues")) {
            if (issue.hasNonNull("key") && issue.hasNonNull("id")) {
                return new Outcome.Sent<>(Optional.of(
                        ref(issue.get("id").asText(), issue.get("key").asText())));
            }
        }
        return new Outcome.Sent<>(Optional.empty());
    }

    /**
     * The account whose e-mail matches: the one whose visible {@code emailAddress} is it, else the
     * only user the query matched (the search returns active users only, and may hide e-mails).
     */
    private Outcome<Optional<String>> findUser(String auth, String email) {
        HttpUrl url = base.newBuilder()
                .addPathSegments("rest/api/3/user/search")
                .addQueryParameter("query", email)
                .addQueryParameter("maxResults", "10")
                .build();
        Outcome<HttpTransport.Answer> got = api.fetch(get(url, auth));
        if (!(got instanceof Outcome.Sent<HttpTransport.Answer> g)) {
            return got.failure();
        }
        JsonNode users = ApiClient.json(g.value());
        if (users == null || !users.isArray()) {
            return new Outcome.Sent<>(Optional.empty());
        }
        String only = null;
        int matched = 0;
        for (JsonNode u : users) {
            if (email.equalsIgnoreCase(u.path("emailAddress").asText(""))) {
                return new Outcome.Sent<>(
                        Optional.ofNullable(u.path("accountId").asText(null)));
            }
            if (u.hasNonNull("accountId")) {
                matched++;
                only = u.get("accountId").asText();
            }
        }
        // the search returns active users only; with the e-mail hidden, one match is the owner
        return new Outcome.Sent<>(matched == 1 ? Optional.of(only) : Optional.empty());
    }

    private TicketRef ref(String id, String key) {
        String url = base.newBuilder()
                .addPathSegment("browse")
                .addPathSegment(key)
                .build()
                .toString();
        return new TicketRef(TicketRef.Tracker.JIRA, key, id, url);
    }

    private Outcome<String> auth() {
        Outcome<String> token = api.secret(settings.apiToken());
        if (token instanceof Outcome.Sent<String> t) {
            return new Outcome.Sent<>(Credentials.basic(settings.email(), t.value()));
        }
        return token;
    }

    private static Request get(HttpUrl url, String auth) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", auth)
                .header("Accept", "application/json")
                .get()
                .build();
    }
}
