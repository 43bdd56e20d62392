package dev.conn.integrations.net;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conn.integrations.Annotation;
import dev.conn.integrations.AnnotationOp;
import dev.conn.integrations.ExternalIds;
import dev.conn.integrations.GrafanaSettings;
import dev.conn.integrations.Outcome;
import dev.conn.platform.http.HttpTransport;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Puts timeline events on Grafana dashboards as annotations, through Grafana's annotations HTTP API
 * (https://grafana.com/docs/grafana/latest/developers/http_api/annotations/):
 *
 * <ul>
 *   <li>{@code POST /api/annotations} creates one ({@code dashboardUID}, {@code time}, {@code
 *       timeEnd}, {@code tags}, {@code text}); the answer {@code {"message": "Annotation added",
 *       "id": 1}} gives the id to write back;
 *   <li>{@code PUT /api/annotations/{id}} replaces its time, end, text and tags (a correction, or
 *       the impact window's end); Grafana keeps its dashboard;
 *   <li>{@code DELETE /api/annotations/{id}} removes it (a retraction); one already gone counts as
 *       removed.
 * </ul>
 *
 * <p>Grafana takes no idempotency key. Every annotation carries its event's tag ({@link
 * ExternalIds#eventTag}), so a create that may follow an earlier attempt first looks for it,
 * {@code GET /api/annotations?tags=<tag>&type=annotation} (narrowed to the annotation's time and
 * dashboard, and checked tag by tag on Conn's side), and returns the one found; an update or delete
 * whose Grafana id is not at hand finds it the same way. Authentication: {@code Authorization:
 * Bearer <service account token>}, resolved at each request.
 */
public final class GrafanaAnnotationsClient {
    private final GrafanaSettings settings;
    private final HttpUrl annotations;
    private final ApiClient api;

    /**
     * @param settings Grafana's URL, token, dashboard
     * @param secrets resolves the token at each request
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     */
    public GrafanaAnnotationsClient(GrafanaSettings settings, SecretResolver secrets, HttpTransport http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.annotations = HttpUrl.get(settings.baseUrl())
                .newBuilder()
                .addPathSegments("api/annotations")
                .build();
        this.api = new ApiClient("Grafana", http, secrets, clock, a -> false, Duration.ZERO);
    }

    /** @return the pacing key: the token */
    public String rateKey() {
        return "grafana:" + settings.token();
    }

    /** @return the least time between two requests with the same token */
    public Duration minInterval() {
        return Duration.ofMillis(100);
    }

    /**
     * Creates an event's annotation, once.
     *
     * @param op the planned create
     * @param mayExist true if an earlier attempt may have reached Grafana: the event's tag is
     *     looked up first
     * @return {@link Outcome.Sent} with the annotation's Grafana id, or why not
     */
    public Outcome<Long> create(AnnotationOp.Create op, boolean mayExist) {
        Outcome<String> token = api.secret(settings.token());
        if (!(token instanceof Outcome.Sent<String> t)) {
            return token.failure();
        }
        Annotation a = op.annotation();
        if (mayExist) {
            Outcome<Optional<Long>> found = find(t.value(), op.eventId(), Optional.of(a));
            if (!(found instanceof Outcome.Sent<Optional<Long>> f)) {
                return found.failure();
            }
            if (f.value().isPresent()) {
                return new Outcome.Sent<>(f.value().get());
            }
        }
        Request post = request(t.value(), annotations)
                .post(RequestBody.create(ApiClient.write(a.createBody()), ApiClient.JSON))
                .build();
        Outcome<HttpTransport.Answer> created = api.deliver(post, true);
        if (!(created instanceof Outcome.Sent<HttpTransport.Answer> c)) {
            return created.failure();
        }
        JsonNode answer = ApiClient.json(c.value());
        if (answer == null || !answer.path("id").canConvertToLong()) {
            return api.unreadable("the annotation's id");
        }
        return new Outcome.Sent<>(answer.get("id").asLong());
    }

    /**
     * Replaces an event's annotation (a PUT: repeating it changes nothing more).
     *
     * @param op the planned update
     * @param knownId the annotation's Grafana id if it was written back, else empty (then it is
     *     looked up by the event's tag)
     * @return {@link Outcome.Sent} with the id, or why not ({@link Outcome.Failed} if Grafana has no
     *     annotation for the event)
     */
    public Outcome<Long> update(AnnotationOp.Update op, Optional<Long> knownId) {
        Outcome<String> token = api.secret(settings.token());
        if (!(token instanceof Outcome.Sent<String> t)) {
            return token.failure();
        }
        Outcome<Optional<Long>> id = idOf(t.value(), op.eventId(), knownId);
        if (!(id instanceof Outcome.Sent<Optional<Long>> i)) {
            return id.failure();
        }
        if (i.value().isEmpty()) {
            return missing(op.eventId());
        }
        long annotationId = i.value().get();
        Request put = request(t.value(), byId(annotationId))
                .put(RequestBody.create(ApiClient.write(op.annotation().updateBody()), ApiClient.JSON))
                .build();
        Outcome<HttpTransport.Answer> done = api.deliver(put, true);
        if (done instanceof Outcome.Failed && isNotFound(done)) {
            return missing(op.eventId());
        }
        return done instanceof Outcome.Sent ? new Outcome.Sent<>(annotationId) : done.failure();
    }

    /**
     * Deletes an event's annotation.
     *
     * @param op the planned delete
     * @param knownId the annotation's Grafana id if it was written back, else empty
     * @return {@link Outcome.Sent} true if an annotation was deleted, false if there was none
     */
    public Outcome<Boolean> delete(AnnotationOp.Delete op, Optional<Long> knownId) {
        Outcome<String> token = api.secret(settings.token());
        if (!(token instanceof Outcome.Sent<String> t)) {
            return token.failure();
        }
        Outcome<Optional<Long>> id = idOf(t.value(), op.eventId(), knownId);
        if (!(id instanceof Outcome.Sent<Optional<Long>> i)) {
            return id.failure();
        }
        if (i.value().isEmpty()) {
            return new Outcome.Sent<>(false);
        }
        Request delete = request(t.value(), byId(i.value().get())).delete().build();
        Outcome<HttpTransport.Answer> done = api.deliver(delete, true);
        if (done instanceof Outcome.Failed && isNotFound(done)) {
            return new Outcome.Sent<>(false); // deleted already, by an earlier attempt or by hand
        }
        return done instanceof Outcome.Sent ? new Outcome.Sent<>(true) : done.failure();
    }

    private Outcome<Optional<Long>> idOf(String token, UUID eventId, Optional<Long> knownId) {
        return knownId.isPresent() ? new Outcome.Sent<>(knownId) : find(token, eventId, Optional.empty());
    }

    /**
     * The annotation carrying the event's tag: narrowed to the annotation's time when known (so a
     * Grafana that filters tags on organisation annotations only still answers a short list),
     * and checked tag by tag here.
     */
    private Outcome<Optional<Long>> find(String token, UUID eventId, Optional<Annotation> expected) {
        String tag = ExternalIds.eventTag(eventId);
        HttpUrl.Builder url = annotations
                .newBuilder()
                .addQueryParameter("tags", tag)
                .addQueryParameter("type", "annotation")
                .addQueryParameter("limit", "100");
        settings.dashboard().ifPresent(d -> url.addQueryParameter("dashboardUID", d));
        expected.ifPresent(a -> {
            url.addQueryParameter("from", Long.toString(a.time().toEpochMilli()));
            url.addQueryParameter(
                    "to", Long.toString(a.timeEnd().orElse(a.time()).toEpochMilli()));
        });
        Outcome<HttpTransport.Answer> got =
                api.fetch(request(token, url.build()).get().build());
        if (!(got instanceof Outcome.Sent<HttpTransport.Answer> g)) {
            return got.failure();
        }
        JsonNode list = ApiClient.json(g.value());
        if (list == null || !list.isArray()) {
            return api.unreadable("a list of annotations");
        }
        for (JsonNode item : list) {
            for (JsonNode t : item.path("tags")) {
                if (tag.equals(t.asText()) && item.path("id").canConvertToLong()) {
                    return new Outcome.Sent<>(Optional.of(item.get("id").asLong()));
                }
            }
        }
        return new Outcome.Sent<>(Optional.empty());
    }

    private static boolean isNotFound(Outcome<?> o) {
        return o instanceof Outcome.Failed<?> f && f.reason().contains("(HTTP 404)");
    }

    private static <T> Outcome<T> missing(UUID eventId) {
        return new Outcome.Failed<>("Grafana has no annotation tagged " + ExternalIds.eventTag(eventId)
                + " (deleted in Grafana?); nothing to update");
    }

    private HttpUrl byId(long id) {
        return annotations.newBuilder().addPathSegment(Long.toString(id)).build();
    }

    private static Request.Builder request(String token, HttpUrl url) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }
}
