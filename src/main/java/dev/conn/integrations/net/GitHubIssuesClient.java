package dev.conn.integrations.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conn.integrations.GitHubSettings;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.TicketRef;
import dev.conn.integrations.TicketRequest;
import dev.conn.integrations.TicketStatus;
import dev.conn.integrations.TicketTracker;
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
 * Creates action-item tickets as GitHub issues (https://docs.github.com/en/rest/issues/issues#create-an-issue):
 * {@code POST /repos/{owner}/{repo}/issues} with {@code title}, a Markdown {@code body}, {@code
 * labels} ({@code conn} and the item's stable label) and {@code assignees} (the owner's login, from
 * {@code @login} or the settings' map). GitHub drops labels and assignees silently for a token
 * without push access, and refuses an unknown assignee with 422; then the issue is created again
 * at once without the assignee (the refusal created nothing).
 *
 * <p>GitHub takes no idempotency key. A create that may follow an earlier attempt first lists the
 * repository's issues with the item's label, {@code GET /repos/{owner}/{repo}/issues?labels=&state=all}
 * (https://docs.github.com/en/rest/issues/issues#list-repository-issues), and, if none has it (the
 * label was dropped), searches the bodies, which carry the label too: {@code GET /search/issues?q=}
 * (https://docs.github.com/en/rest/search/search#search-issues-and-pull-requests). Status: {@code GET
 * /repos/{owner}/{repo}/issues/{number}}, {@code state} and {@code state_reason}.
 *
 * <p>Headers: {@code Authorization: Bearer <token>}, {@code Accept: application/vnd.github+json},
 * {@code X-GitHub-Api-Version: 2022-11-28}. Rate limits: 403 or 429 with a message saying so,
 * retried after {@code retry-after}, else after a minute
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */
public final class GitHubIssuesClient implements TicketTracker {
    /** The REST API version Conn speaks. */
    public static final String API_VERSION = "2022-11-28";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GitHubSettings settings;
    private final HttpUrl base;
    private final ApiClient api;

    /**
     * @param settings the repository and token
     * @param secrets resolves the token at each request
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     */
    public GitHubIssuesClient(GitHubSettings settings, SecretResolver secrets, HttpTransport http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.base = HttpUrl.get(settings.apiBase());
        this.api = new ApiClient(
                "GitHub",
                http,
                secrets,
                clock,
                a -> a.code() == 403 && a.text().toLowerCase(Locale.ROOT).contains("rate limit"),
                Duration.ZERO);
    }

    @Override
    public TicketRef.Tracker tracker() {
        return TicketRef.Tracker.GITHUB;
    }

    @Override
    public String rateKey() {
        return "github:" + settings.token();
    }

    @Override
    public Duration minInterval() {
        // GitHub's secondary limits: creating content too quickly is throttled
        return Duration.ofSeconds(1);
    }

    @Override
    public Outcome<TicketRef> create(TicketRequest request, boolean mayExist) {
        Outcome<String> token = api.secret(settings.token());
        if (!(token instanceof Outcome.Sent<String> t)) {
            return token.failure();
        }
        if (mayExist) {
            Outcome<Optional<TicketRef>> found = find(t.value(), request.externalLabel());
            if (!(found instanceof Outcome.Sent<Optional<TicketRef>> f)) {
                return found.failure();
            }
            if (f.value().isPresent()) {
                return new Outcome.Sent<>(f.value().get());
            }
        }
        Optional<String> login = request.owner().flatMap(settings::loginFor);
        Outcome<HttpTransport.Answer> created = post(t.value(), body(request, login));
        if (login.isPresent()
                && created instanceof Outcome.Failed<HttpTransport.Answer> f
                && f.reason().toLowerCase(Locale.ROOT).contains("assignee")) {
            created = post(t.value(), body(request, Optional.empty()));
        }
        if (!(created instanceof Outcome.Sent<HttpTransport.Answer> c)) {
            return created.failure();
        }
        JsonNode issue = ApiClient.json(c.value());
        Optional<TicketRef> ref = issue == null ? Optional.empty() : ref(issue);
        return ref.<Outcome<TicketRef>>map(Outcome.Sent::new).orElseGet(() -> api.unreadable("the issue's number"));
    }

    @Override
    public Outcome<TicketStatus> status(TicketRef ticket) {
        Outcome<String> token = api.secret(settings.token());
        if (!(token instanceof Outcome.Sent<String> t)) {
            return token.failure();
        }
        Outcome<HttpTransport.Answer> got = api.fetch(
                get(repo().addPathSegment("issues").addPathSegment(ticket.id()).build(), t.value()));
        if (!(got instanceof Outcome.Sent<HttpTransport.Answer> g)) {
            return got.failure();
        }
        JsonNode issue = ApiClient.json(g.value());
        if (issue == null || !issue.hasNonNull("state")) {
            return api.unreadable("the issue's state");
        }
        return new Outcome.Sent<>(TicketStatus.gitHub(
                issue.get("state").asText(), issue.path("state_reason").asText(null)));
    }

    /** The create body: title, body, labels, assignees. */
    ObjectNode body(TicketRequest request, Optional<String> login) {
        ObjectNode b = NODES.objectNode();
        b.put("title", request.summary());
        b.put("body", request.markdownBody());
        ArrayNode labels = b.putArray("labels");
        request.labels().forEach(labels::add);
        settings.labels().stream().filter(l -> !request.labels().contains(l)).forEach(labels::add);
        login.ifPresent(l -> b.putArray("assignees").add(l));
        return b;
    }

    private Outcome<HttpTransport.Answer> post(String token, ObjectNode body) {
        Request post = headers(new Request.Builder(), token)
                .url(repo().addPathSegment("issues").build())
                .post(RequestBody.create(ApiClient.write(body), ApiClient.JSON))
                .build();
        return api.deliver(post, true);
    }

    /** The issue with the item's label: listed by label, else searched in bodies. */
    private Outcome<Optional<TicketRef>> find(String token, String label) {
        HttpUrl byLabel = repo().addPathSegment("issues")
                .addQueryParameter("labels", label)
                .addQueryParameter("state", "all")
                .addQueryParameter("per_page", "5")
                .build();
        Outcome<Optional<TicketRef>> listed = first(token, byLabel, false);
        if (!(listed instanceof Outcome.Sent<Optional<TicketRef>> l)
                || l.value().isPresent()) {
            return listed;
        }
        HttpUrl search = base.newBuilder()
                .addPathSegments("search/issues")
                .addQueryParameter(
                        "q", "repo:" + settings.owner() + "/" + settings.repo() + " is:issue in:body \"" + label + "\"")
                .addQueryParameter("per_page", "5")
                .build();
        return first(token, search, true);
    }

    private Outcome<Optional<TicketRef>> first(String token, HttpUrl url, boolean searchResult) {
        Outcome<HttpTransport.Answer> got = api.fetch(get(url, token));
        if (!(got instanceof Outcome.Sent<HttpTransport.Answer> g)) {
            return got.failure();
        }
        JsonNode root = ApiClient.json(g.value());
        JsonNode items = root == null ? null : searchResult ? root.get("items") : root;
        if (items == null || !items.isArray()) {
            return api.unreadable("a list of issues");
        }
        for (JsonNode issue : items) {
            if (!issue.has("pull_request")) {
                Optional<TicketRef> ref = ref(issue);
                if (ref.isPresent()) {
                    return new Outcome.Sent<>(ref);
                }
            }
        }
        return new Outcome.Sent<>(Optional.empty());
    }

    private static Optional<TicketRef> ref(JsonNode issue) {
        if (!issue.path("number").canConvertToLong() || !issue.hasNonNull("html_url")) {
            return Optional.empty();
        }
        String number = issue.get("number").asText();
        return Optional.of(new TicketRef(
                TicketRef.Tracker.GITHUB,
                "#" + number,
                number,
                issue.get("html_url").asText()));
    }

    private HttpUrl.Builder repo() {
        return base.newBuilder()
                .addPathSegment("repos")
                .addPathSegment(settings.owner())
                .addPathSegment(settings.repo());
    }

    private Request get(HttpUrl url, String token) {
        return headers(new Request.Builder(), token).url(url).get().build();
    }

    private static Request.Builder headers(Request.Builder b, String token) {
        return b.header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("User-Agent", "Conn");
    }
}
